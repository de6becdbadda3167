"""The verbs' results as the API's bodies (``schemas``): plain conversions, no logic."""

from __future__ import annotations

from typing import Any

from warmonitor.model import Claim
from warmonitor.reconcile import Incident
from warmonitor.reconcile_service import Reconciliation
from warmonitor.review_service import reviewed
from warmonitor.store import Review, StoredDocument
from warmonitor.store.claim_search import ClaimHit
from warmonitor.store.users import TokenRecord, UserRecord
from warmonitor.web import schemas

__all__ = [
    "claim_item",
    "decision_out",
    "document_summary",
    "incident_summary",
    "review_out",
    "reviewed_claim",
    "token_out",
    "user_out",
]


def user_out(user: UserRecord) -> schemas.UserOut:
    return schemas.UserOut.model_validate(
        {
            "name": user.name,
            "role": user.role,
            "disabled": user.disabled,
            "created_at": user.created_at,
        }
    )


def token_out(token: str, record: TokenRecord) -> schemas.TokenOut:
    """A new token (``user_service.new_token``) as shown this once."""
    return schemas.TokenOut(
        id=record.id,
        user=record.user,
        label=record.label,
        created_at=record.created_at,
        token=token,
    )


def document_summary(stored: StoredDocument, claims: int) -> dict[str, Any]:
    d = stored.document
    return {
        "id": d.id,
        "title": d.title,
        "published": d.published,
        "publisher": d.publisher,
        "url": d.url,
        "source": d.source,
        "media_type": d.media_type,
        "ingested_at": stored.ingested_at,
        "claims": claims,
    }


def review_out(review: Review) -> schemas.ReviewOut:
    return schemas.ReviewOut(
        id=review.id,
        claim_id=review.claim_id,
        action=review.action,  # type: ignore[arg-type]
        reviewer=review.reviewer,
        created_at=review.created_at,
        reason=review.note,
        correction=review.correction,
    )


def claim_item(hit: ClaimHit) -> schemas.ClaimItem:
    return schemas.ClaimItem(
        claim=schemas.ClaimOut.model_validate(hit.claim.to_dict()),
        review_state=hit.review_state,  # type: ignore[arg-type]
        review=review_out(hit.review) if hit.review else None,
    )


def reviewed_claim(claim: Claim, review: Review | None) -> Claim | None:
    """The claim as tallies see it (``review_service.reviewed``)."""
    if review is None:
        return claim
    return reviewed(claim, review.action, review.correction)


def incident_summary(incident: Incident, states: dict[str, str]) -> dict[str, Any]:
    """An incident for lists; ``states`` the review states by claim id
    (``Store.review_states``)."""
    found = [states.get(c) for c in incident.claim_ids]
    return {
        "id": incident.id,
        "label": incident.label,
        "policy": incident.policy,
        "place": incident.place.to_dict() if incident.place else None,
        "start": incident.start,
        "end": incident.end,
        "totals": [t.to_dict() for t in incident.totals],
        "flags": [f.to_dict() for f in incident.flags],
        "claimants": list(incident.claimants),
        "series": [s.to_dict() for s in incident.timeline],
        "documents": len(incident.document_ids),
        "claims": len(incident.claim_ids),
        "reviewed": {"accepted": found.count("accepted"), "corrected": found.count("corrected")},
    }


def decision_out(result: Reconciliation, states: dict[str, str]) -> schemas.DecisionOut:
    """A recorded decision and the incidents that now hold its claims (``states`` as for
    :func:`incident_summary`)."""
    decision = result.decision
    assert decision is not None
    claims = set(decision.claim_ids)
    holding = [i for i in result.incidents if claims & set(i.claim_ids)]
    return schemas.DecisionOut.model_validate(
        {
            "id": decision.id,
            "action": decision.action,
            "analyst": decision.analyst,
            "created_at": decision.created_at,
            "reason": decision.note,
            "claims": list(decision.claim_ids),
            "incidents": [incident_summary(i, states) for i in holding],
        }
    )
