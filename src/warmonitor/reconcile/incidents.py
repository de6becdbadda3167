"""Reconciliation from end to end: claims in, incidents with tallies, checks and timeline out.

    incidents = reconcile(claims, published={doc.id: doc.published for doc in documents})

Pure: no I/O. The caller passes the claims, their documents' publication dates, the analysts'
decisions and the previous run's membership (to keep incident ids stable). Two stages:
:func:`plan` is global (events, grouping, decisions, ids, claimants, copies) and gives each
incident's :class:`~warmonitor.reconcile.inputs.IncidentInputs`; :func:`build` computes one
incident from its inputs alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from warmonitor.actors import ActorRegistry
from warmonitor.model import Claim, Place, ReportEvent
from warmonitor.reconcile.assembly import assemble, main_groups
from warmonitor.reconcile.consistency import conflicts, parts, revisions, scoped_parts, subsets
from warmonitor.reconcile.copies import Copies, copy_sets, find_copies
from warmonitor.reconcile.decisions import apply_decisions, assign_ids
from warmonitor.reconcile.events import DEFAULT_EVENT_RULES, EventRules
from warmonitor.reconcile.grouping import DEFAULT_RULES, GroupingRules
from warmonitor.reconcile.inputs import IncidentInputs
from warmonitor.reconcile.policies import DEFAULT_POLICY, DEFAULT_RANKING, Policy, check_policy
from warmonitor.reconcile.scope import Scope, find_parts, is_projection, main_places
from warmonitor.reconcile.sources import Claimants, as_of
from warmonitor.reconcile.tallies import Tallier, tally_order, totals
from warmonitor.reconcile.timeline import timeline
from warmonitor.reconcile.types import Aside, Decision, Incident
from warmonitor.reconcile.violations import gather

__all__ = ["build", "build_all", "incident_order", "plan", "reconcile", "span_order"]

_RANK = ("point", "neighbourhood", "city", "district", "admin1", "region", "country")


def _hedges(claims: Sequence[Claim]) -> dict[str, tuple[str, ...]]:
    """Each claim's hedges, with those of the total it is a part of ("hedged as its total")."""
    by_id = {c.id: c for c in claims}
    out = {}
    for c in claims:
        total = by_id.get(c.part_of) if c.part_of else None
        out[c.id] = tuple(dict.fromkeys((*c.hedges, *(total.hedges if total else ()))))
    return out


def _place(claims: Sequence[Claim]) -> tuple[Place | None, tuple[str, ...]]:
    places = [c.place for c in claims if c.place is not None]
    if not places:
        return None, ()
    names = Counter(p.name for p in places)

    def rank(p: Place) -> tuple[int, int]:
        precision = _RANK.index(p.precision) if p.precision in _RANK else 2
        return (precision, -names[p.name])

    return min(places, key=rank), tuple(n for n, _ in names.most_common())


def _dates(
    claims: Sequence[Claim], published: Mapping[str, date | None]
) -> tuple[date | None, date | None]:
    days = [d for c in claims if c.period for d in (c.period.start, c.period.end) if d]
    if not days:
        days = [d for c in claims if (d := as_of(c, published).day) is not None]
    return (min(days), max(days)) if days else (None, None)


def _event_places(claims: Sequence[Claim], events: Mapping[str, ReportEvent]) -> frozenset[str]:
    """The main place its reports give the event most often (casefolded), if any."""
    documents = dict.fromkeys(c.document_id for c in claims)
    names = Counter(
        e.place.name.casefold()
        for d in documents
        if (e := events.get(d)) is not None and e.place is not None
    )
    if not names:
        return frozenset()
    top = max(names.values())
    return frozenset(name for name, n in names.items() if n == top)


def _asides(
    claims: Sequence[Claim],
    scopes: Mapping[str, Scope],
    tallier: Tallier,
) -> tuple[list[Aside], list[Aside]]:
    """The parts of the event (by outcome, group and the day or place they count) and the
    projections (by outcome and group), each claimant's latest figure as in a tally."""
    sets: dict[tuple[str, str, str, str | None, str | None, bool], list[Claim]] = {}
    key: tuple[str, str, str, str | None, str | None, bool]
    for c in claims:
        scope = scopes.get(c.id)
        if scope is not None:
            key = ("part", c.outcome, c.victims.group, scope.kind, scope.where, scope.stated)
        elif is_projection(c):
            key = ("projection", c.outcome, c.victims.group, None, None, False)
        else:
            continue
        sets.setdefault(key, []).append(c)
    out: dict[str, list[Aside]] = {"part": [], "projection": []}
    for key in sorted(sets, key=lambda k: (*tally_order(k[1:3]), str(k[3:]))):
        role, outcome, group, kind, where, stated = key
        for source in tallier.sources(sets[key]):
            latest = source.claim_ids[0]
            total = scopes[latest].total if latest in scopes else None
            out[role].append(Aside(role, outcome, group, source, kind, where, total, stated))
    return out["part"], out["projection"]


def plan(
    claims: Sequence[Claim],
    published: Mapping[str, date | None],
    *,
    decisions: Sequence[Decision] = (),
    previous: Mapping[str, frozenset[str]] | None = None,
    policy: Policy | str = DEFAULT_POLICY,
    ranking: Sequence[str] = DEFAULT_RANKING,
    rules: GroupingRules = DEFAULT_RULES,
    events: Mapping[str, ReportEvent] | None = None,
    event_rules: EventRules = DEFAULT_EVENT_RULES,
    actors: ActorRegistry | None = None,
) -> list[IncidentInputs]:
    """The global stage of :func:`reconcile`: the incidents (grouping, decisions, ids) and,
    for each, everything :func:`build` reads (``inputs``), in the order of the groups."""
    chosen_policy = check_policy(policy)
    claims = list({c.id: c for c in claims}.values())
    by_id = {c.id: c for c in claims}
    known = events or {}
    assembly = assemble(claims, published, known, rules, event_rules)
    partition, placed = apply_decisions([list(g) for g in assembly.groups], decisions)
    reports = main_groups(assembly, partition)
    ids = assign_ids(partition, previous)
    claimants = Claimants(claims, actors)
    claimants.unify(
        ([by_id[i] for i in group] for group in partition),
        lambda d: known[d].aliases if d in known else (),
    )
    copies = find_copies(claims, known, published, claimants)
    hedges = _hedges(claims)
    order = {c.id: i for i, c in enumerate(claims)}
    chosen_ranking = tuple(ranking)
    out = []
    for index, (incident_id, members_ids) in enumerate(zip(ids, partition, strict=True)):
        members = sorted((by_id[i] for i in members_ids), key=lambda c: order[c.id])
        repeats = tuple((c.id, copies.repeats[c.id]) for c in members if c.id in copies.repeats)
        voiced = (*members, *(r for _, r in repeats))
        keys = {c.id: claimants.key(c) for c in voiced}
        used = sorted(set(keys.values()))
        documents = list(dict.fromkeys(c.document_id for c in members))
        out.append(
            IncidentInputs(
                id=incident_id,
                claims=tuple(members),
                policy=chosen_policy,
                ranking=chosen_ranking,
                published=tuple(
                    (d, published.get(d)) for d in dict.fromkeys(c.document_id for c in voiced)
                ),
                keys=tuple(keys.items()),
                labels=tuple((k, claimants.label(k)) for k in used),
                kinds=tuple((k, claimants.kind(k)) for k in used),
                repeats=repeats,
                originals=tuple((d, copies.original[d]) for d in documents if d in copies.original),
                hedges=tuple((c.id, hedges[c.id]) for c in members),
                home=tuple(sorted(_event_places(members, known))),
                decisions=tuple((c.id, placed[c.id]) for c in members if c.id in placed),
                reports=reports.get(index, ()),
            )
        )
    return out


def build(inputs: IncidentInputs) -> Incident:
    """The per-incident stage of :func:`reconcile`: one incident's tallies, totals, checks,
    timeline, parts, projections and violations, from its ``inputs`` alone."""
    published = dict(inputs.published)
    claimants = Claimants.fixed(dict(inputs.keys), dict(inputs.labels), dict(inputs.kinds))
    copies = Copies(dict(inputs.originals), dict(inputs.repeats))
    tallier = Tallier(
        published, claimants, dict(inputs.hedges), inputs.policy, inputs.ranking, copies
    )
    members = list(inputs.claims)
    placed = dict(inputs.decisions)
    counted = [c for c in members if not is_projection(c)]
    home = main_places(counted) | frozenset(inputs.home)
    scopes = find_parts(counted, lambda c: copies.key(c, claimants), home)
    whole = [c for c in counted if c.id not in scopes]
    tallies = tallier.tallies(whole)
    series = timeline(whole, claimants, published, copies)
    part_figures, projections = _asides(members, scopes, tallier)
    checks = [
        *parts(counted, claimants),
        *scoped_parts(part_figures, tallies),
        *conflicts(tallies),
        *subsets(tallies),
        *revisions(series),
    ]
    place, places = _place(members)
    start, end = _dates(members, published)
    documents = list(dict.fromkeys(c.document_id for c in members))
    return Incident(
        id=inputs.id,
        claim_ids=tuple(c.id for c in members),
        document_ids=tuple(documents),
        place=place,
        places=places,
        start=start,
        end=end,
        policy=inputs.policy,
        tallies=tuple(tallies),
        totals=tuple(totals(tallies)),
        checks=tuple(checks),
        timeline=tuple(series),
        outlets=tuple(dict.fromkeys(c.reported_by for c in members if c.reported_by)),
        claimants=tuple(dict.fromkeys(claimants.label(copies.key(c, claimants)) for c in members)),
        decisions=tuple(sorted({d for c in members for d in placed.get(c.id, ())})),
        reports=inputs.reports,
        voices=tuple((c.id, claimants.label(claimants.key(c))) for c in members),
        parts=tuple(part_figures),
        projections=tuple(projections),
        copies=tuple(copy_sets(copies, documents)),
        violations=gather(members),
    )


def incident_order(incident: Incident) -> tuple[date, date, str]:
    """The order incidents are given in: by start, end, then id."""
    return span_order(incident.start, incident.end, incident.id)


def span_order(start: date | None, end: date | None, incident_id: str) -> tuple[date, date, str]:
    """:func:`incident_order` of an incident known only by its dates and id (a stored row's)."""
    return (start or date.max, end or date.max, incident_id)


def reconcile(
    claims: Sequence[Claim],
    published: Mapping[str, date | None],
    *,
    decisions: Sequence[Decision] = (),
    previous: Mapping[str, frozenset[str]] | None = None,
    policy: Policy | str = DEFAULT_POLICY,
    ranking: Sequence[str] = DEFAULT_RANKING,
    rules: GroupingRules = DEFAULT_RULES,
    events: Mapping[str, ReportEvent] | None = None,
    event_rules: EventRules = DEFAULT_EVENT_RULES,
    actors: ActorRegistry | None = None,
) -> list[Incident]:
    """Group ``claims`` into incidents and reconcile each.

    ``published`` maps document ids to publication dates (the as-of date of a claim without
    ``said_on``); ``events`` maps document ids to their reports' main events, which join
    reports of one event into one incident (claims of reports without one are grouped claim
    by claim); ``actors`` is the registry claimants resolve to (the shipped one by default);
    ``decisions`` are replayed over the automatic grouping; ``previous`` maps the
    last run's incident ids to their claim ids, so that an incident keeps its id.

    Per incident, only figures of the whole event make its tallies and each claimant's
    series: parts of the event (a day's, a town's, a stated share: ``scope``) and projections
    ("could exceed 1,000") are kept apart (``parts``, ``projections``) and checked against the
    toll. Copies of one report (near-duplicate texts, by ``ReportEvent.fingerprint``) count
    once: a copy repeating the original's figure is the original's source, as of its date.

    :func:`plan` (global) then :func:`build` per incident; ``incremental`` keeps the incidents
    whose inputs did not change.
    """
    inputs = plan(
        claims,
        published,
        decisions=decisions,
        previous=previous,
        policy=policy,
        ranking=ranking,
        rules=rules,
        events=events,
        event_rules=event_rules,
        actors=actors,
    )
    return build_all(inputs)


def build_all(inputs: Iterable[IncidentInputs]) -> list[Incident]:
    """:func:`build` of every incident's inputs, in :func:`incident_order`."""
    return sorted((build(i) for i in inputs), key=incident_order)
