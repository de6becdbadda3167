"""The review verb: an analyst accepts, rejects or corrects a claim, with a reason.

    with Store.open(url) as store:
        review_claim(store, claim_id, "correct", reviewer="ana", reason="the ministry said 12",
                     correction={"count": {"low": 12, "high": 12, "text": "12"}})

Each review is its own record (who, when, what, why) pointing at the claim, which stays as the
machine read it; reconciliation uses the latest review of each claim (rejected claims left
out, corrections applied: ``reconcile_service.stored_claims``). A correction is checked here
before it is stored, and stored whole: a corrected ``count``, ``victims`` or ``claimant`` is
completed with the fields it did not change, so that applying it later gives the claim checked
now; ``place`` and ``period`` are replaced as given.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from warmonitor.errors import ConfigurationError
from warmonitor.model import CLAIMANT_KINDS, OUTCOMES, Claim
from warmonitor.reconcile.tallies import GROUPS
from warmonitor.store import Review, ReviewAction, Store

__all__ = ["CORRECTABLE", "check_correction", "review_claim", "reviewed"]

CORRECTABLE: tuple[str, ...] = (
    "outcome",
    "count",
    "victims",
    "claimant",
    "place",
    "period",
    "said_on",
    "hedges",
    "reported_by",
    "part_of",
    "cumulative",
    "earlier",
)
_COMPLETED = ("count", "victims", "claimant")
_COUNT_MAX = 2**63 - 1  # what the store's count columns hold


def check_correction(claim: Claim, correction: dict[str, Any]) -> dict[str, Any]:
    """The correction as stored (see the module docstring); :class:`ConfigurationError` when
    it names a field that cannot be corrected or does not make a valid claim."""
    if not correction:
        raise ConfigurationError("a 'correct' review needs the corrected fields")
    unknown = sorted(set(correction) - set(CORRECTABLE))
    if unknown:
        raise ConfigurationError(
            f"cannot correct {', '.join(unknown)}: correct only {', '.join(CORRECTABLE)}"
        )
    base = claim.to_dict()
    whole: dict[str, Any] = {}
    for key, value in correction.items():
        old = base.get(key)
        if key in _COMPLETED and isinstance(value, dict) and isinstance(old, dict):
            value = {**old, **value}
        whole[key] = value
    try:
        corrected = Claim.from_dict({**base, **whole})
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigurationError(f"the correction does not make a valid claim: {exc}") from None
    problems = []
    if corrected.outcome not in OUTCOMES:
        problems.append(f"outcome must be one of {', '.join(OUTCOMES)}")
    if corrected.victims.group not in GROUPS:
        problems.append(f"victims.group must be one of {', '.join(GROUPS)}")
    if corrected.claimant.kind not in CLAIMANT_KINDS:
        problems.append(f"claimant.kind must be one of {', '.join(CLAIMANT_KINDS)}")
    count = corrected.count
    if count.low < 0 or (count.high is not None and count.high < count.low):
        problems.append("count needs 0 <= low <= high (high null: open)")
    if max(count.low, count.high or 0, count.stated or 0) > _COUNT_MAX:
        problems.append(f"count above {_COUNT_MAX}")
    if problems:
        raise ConfigurationError(
            "the correction does not make a valid claim: " + "; ".join(problems)
        )
    return whole


def reviewed(claim: Claim, action: str | None, correction: dict[str, Any] | None) -> Claim | None:
    """The claim as its latest review (``action``, ``correction``) leaves it for tallies:
    ``None`` when rejected, the correction applied when corrected (one that does not make a
    valid claim, stored before corrections were checked, is ignored), else the claim."""
    if action == "reject":
        return None
    if action == "correct" and correction:
        with suppress(KeyError, TypeError, ValueError):
            return Claim.from_dict({**claim.to_dict(), **correction, "id": claim.id})
    return claim


def review_claim(
    store: Store,
    claim_id: str,
    action: ReviewAction,
    *,
    reviewer: str,
    reason: str,
    correction: dict[str, Any] | None = None,
) -> Review:
    """Record a review of a stored claim; :class:`~warmonitor.errors.NotFoundError` if there is
    no such claim, :class:`ConfigurationError` for a review without a reason or a bad
    correction."""
    if not reason.strip():
        raise ConfigurationError("a review needs a reason")
    claim = store.claim(claim_id)
    stored: dict[str, Any] | None = None
    if action == "correct":
        stored = check_correction(claim, correction or {})
    elif correction:
        raise ConfigurationError("only a 'correct' review takes a correction")
    return store.add_review(
        claim.id, action, reviewer=reviewer, note=reason.strip(), correction=stored
    )
