"""Reconciled incidents: low / best / high, flags and each claimant's series; one incident
whole with its claims; analysts' merges and splits. Read through
``reconcile_service.stored_incidents`` as the CLI reads them (the stored run while no input
changed, else reconciled again first); merges and splits are the CLI's
``merge_incidents`` / ``split_incident``, recorded and replayed by every reconciliation."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from warmonitor.duplicate_service import propose_duplicates
from warmonitor.extract.violations.perpetrators import PerpetratorKind
from warmonitor.extract.violations.taxonomy import ViolationType
from warmonitor.follow_up_service import follow_ups_of, record_follow_up
from warmonitor.incident_filters import IncidentFilter
from warmonitor.reconcile import Incident
from warmonitor.reconcile_service import (
    Reconciliation,
    merge_incidents,
    split_incident,
    stored_incidents,
)
from warmonitor.store import Store
from warmonitor.web.auth import ANALYST, VIEWER, Principal, audit, store_of
from warmonitor.web.etags import NOT_MODIFIED, cache_headers, etag, fresh, not_modified
from warmonitor.web.paging import Limit, Offset
from warmonitor.web.schemas import (
    ClaimOut,
    DecisionOut,
    DuplicateOut,
    ErrorOut,
    FollowUpIn,
    FollowUpOut,
    IncidentDetail,
    IncidentSummary,
    MergeIn,
    Outcome,
    Page,
    Policy,
    SplitIn,
)
from warmonitor.web.views import decision_out, incident_summary

router = APIRouter(prefix="/api/incidents", tags=["incidents"])

Analyst = Annotated[Principal, Depends(ANALYST)]
PolicyQuery = Annotated[Policy, Query(description="How best is chosen (docs/RECONCILE.md).")]


@router.get(
    "",
    dependencies=[Depends(VIEWER)],
    summary="Incidents with low / best / high, flags and claimant series",
    response_model=Page[IncidentSummary],
    responses={422: {"model": ErrorOut}, **NOT_MODIFIED},
)
def list_incidents(
    request: Request,
    response: Response,
    policy: PolicyQuery = "conservative",
    flagged: Annotated[
        bool | None, Query(description="Only those with (or without) flags.")
    ] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, examples=["SY"])] = None,
    outcome: Annotated[
        Outcome | None,
        Query(description="Only those with a total of this outcome."),
    ] = None,
    start: Annotated[date | None, Query(description="Ending on or after this day.")] = None,
    end: Annotated[date | None, Query(description="Starting on or before this day.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the label.")] = None,
    violation: Annotated[
        ViolationType | None, Query(description="A violation type its claims show.")
    ] = None,
    perpetrator_kind: PerpetratorKind | None = None,
    victim: Annotated[
        str | None, Query(max_length=200, description="Words of the victims' identity.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[IncidentSummary] | Response:
    """In date order, as ``warmonitor incidents``. With an ``ETag`` while the stored run is
    of today's inputs: sent back in ``If-None-Match`` while nothing was written, 304."""
    store = store_of(request)
    tag = etag(request, store.reconcile_run(), needs_run=True)
    if tag is not None and fresh(request, tag):
        return not_modified(tag)
    response.headers.update(cache_headers(tag))
    result = stored_incidents(store, policy, claims=False)
    where = IncidentFilter(
        flagged=flagged,
        country=country,
        outcome=outcome,
        start=start,
        end=end,
        q=q,
        violation=violation,
        perpetrator_kind=perpetrator_kind,
        victim=victim,
    )
    chosen = where.apply_kept(result.incidents, result.derived)
    items = summaries(store, result, chosen[offset : offset + limit])
    return Page[IncidentSummary](total=len(chosen), limit=limit, offset=offset, items=items)


def summaries(
    store: Store, result: Reconciliation, incidents: list[Incident]
) -> list[IncidentSummary]:
    """The incidents as listed, each made once per stored run (``result.derived``): their
    claims' review states cannot change while the run stands, a review moves the revision."""
    kept: dict[str, IncidentSummary] = (
        result.derived.setdefault("incident summaries", {}) if result.derived is not None else {}
    )
    missing = [i for i in incidents if i.id not in kept]
    if missing:
        states = store.review_states()
        for incident in missing:
            kept[incident.id] = IncidentSummary.model_validate(incident_summary(incident, states))
    return [kept[i.id] for i in incidents]


@router.get(
    "/duplicates",
    dependencies=[Depends(VIEWER)],
    summary="Pairs of incidents that may be one event, proposed for merging",
    response_model=Page[DuplicateOut],
)
def duplicates(
    request: Request,
    policy: PolicyQuery = "conservative",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[DuplicateOut]:
    """Same place, dates at most a day apart, a figure in common
    (``duplicate_service.propose_duplicates``); merge with ``POST /api/incidents/merge``."""
    store = store_of(request)
    result = stored_incidents(store, policy, claims=False)
    proposals = propose_duplicates(result.incidents)
    states = store.review_states()
    by_id = {i.id: i for i in result.incidents}
    items = [
        DuplicateOut(
            incidents=[
                IncidentSummary.model_validate(incident_summary(by_id[i], states))
                for i in p.incidents
            ],
            reasons=list(p.reasons),
        )
        for p in proposals[offset : offset + limit]
    ]
    return Page[DuplicateOut](total=len(proposals), limit=limit, offset=offset, items=items)


@router.get(
    "/{incident_id}",
    dependencies=[Depends(VIEWER)],
    summary="One incident whole, with its claims as reconciled",
    response_model=IncidentDetail,
    responses={404: {"model": ErrorOut}},
)
def get_incident(
    incident_id: str, request: Request, policy: PolicyQuery = "conservative"
) -> IncidentDetail:
    """``incident_id`` is the id or its first characters (at least 4), as in the CLI."""
    store = store_of(request)
    result = stored_incidents(store, policy)
    incident = result.find(incident_id)
    claims = [
        ClaimOut.model_validate(result.claims[c].to_dict())
        for c in incident.claim_ids
        if c in result.claims
    ]
    return IncidentDetail.model_validate(
        {
            **incident_summary(incident, store.review_states()),
            "incident": incident.to_dict(),
            "claim_list": claims,
        }
    )


@router.post(
    "/merge",
    status_code=201,
    summary="Merge incidents that are one event (recorded, replayed on every run)",
    response_model=DecisionOut,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def merge(body: MergeIn, request: Request, principal: Analyst) -> DecisionOut:
    name = principal.user.name
    result = merge_incidents(store_of(request), body.incidents, analyst=name, note=body.reason)
    out = decision_out(result, store_of(request).review_states())
    detail = {"decision": out.id, "reason": body.reason}
    audit(request, "incident_merge", user=name, target=" ".join(body.incidents), detail=detail)
    return out


@router.post(
    "/{incident_id}/split",
    status_code=201,
    summary="Take claims out of an incident into a new one (recorded, replayed)",
    response_model=DecisionOut,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def split(incident_id: str, body: SplitIn, request: Request, principal: Analyst) -> DecisionOut:
    name = principal.user.name
    result = split_incident(
        store_of(request), incident_id, body.claims, analyst=name, note=body.reason
    )
    out = decision_out(result, store_of(request).review_states())
    detail = {"decision": out.id, "claims": out.claims, "reason": body.reason}
    audit(request, "incident_split", user=name, target=incident_id, detail=detail)
    return out


@router.get(
    "/{incident_id}/follow-ups",
    dependencies=[Depends(VIEWER)],
    summary="What happened next to an incident, in the order it happened",
    response_model=list[FollowUpOut],
    responses={404: {"model": ErrorOut}},
)
def list_follow_ups(
    incident_id: str, request: Request, policy: PolicyQuery = "conservative"
) -> list[FollowUpOut]:
    store = store_of(request)
    incident = stored_incidents(store, policy, claims=False).find(incident_id)
    return [FollowUpOut.model_validate(f.to_dict()) for f in follow_ups_of(store, incident)]


@router.post(
    "/{incident_id}/follow-ups",
    status_code=201,
    summary="Record what happened next: referred to a court, an inquiry or a committee, "
    "acknowledged, denied, compensated",
    response_model=FollowUpOut,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def add_follow_up(
    incident_id: str, body: FollowUpIn, request: Request, principal: Analyst
) -> FollowUpOut:
    name = principal.user.name
    recorded = record_follow_up(
        store_of(request),
        incident_id,
        body.kind,
        body.date,
        analyst=name,
        source=body.source,
        note=body.note,
        violation=body.violation,
    )
    detail = {"follow_up": recorded.id, "kind": recorded.kind, "date": body.date.isoformat()}
    audit(request, "incident_follow_up", user=name, target=recorded.incident_id, detail=detail)
    return FollowUpOut.model_validate(recorded.to_dict())
