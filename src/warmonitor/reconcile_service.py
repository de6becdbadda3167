"""The reconciliation verbs: join the store and the reconciler.

    with Store.open(url) as store:
        result = stored_incidents(store)             # the stored result, refreshed if stale
        result = reconcile_incidents(store)          # reconcile when the inputs changed; store
        result = current_incidents(store, "median")  # recompute, store nothing
        merge_incidents(store, ["3f9c", "a71e"], analyst="ana")

Claims are the latest extractor version's, less those an analyst rejected, with analysts'
corrections applied. Analysts' decisions are replayed on every run; incident ids are kept from
the stored run. The result is stored with the store's input revision (``store.runs``): while
no input changed, the stored incidents are the result and nothing is reconciled again. When
an input changed, the run is incremental: the global stage runs whole, and only the incidents
whose inputs changed are computed and written; the others are the stored ones
(``reconcile.incremental``; ``full`` computes every incident). Faces (CLI, exports, the API)
call these and render the result.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import threading
from collections.abc import Callable, Collection, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast
from weakref import WeakKeyDictionary

from warmonitor import __version__
from warmonitor.errors import ConfigurationError, NotFoundError, StoreError
from warmonitor.incident_list import IncidentList
from warmonitor.model import Claim
from warmonitor.reconcile import (
    DEFAULT_POLICY,
    DEFAULT_RANKING,
    Action,
    Decision,
    GroupingRules,
    Incident,
    check_policy,
)
from warmonitor.reconcile.codec import decode, encode
from warmonitor.reconcile.grouping import DEFAULT_RULES
from warmonitor.reconcile.incidents import build, build_all, incident_order, plan, span_order
from warmonitor.reconcile.incremental import Refresh, refresh
from warmonitor.reconcile.inputs import IncidentInputs
from warmonitor.review_service import reviewed
from warmonitor.store import Store
from warmonitor.store.incidents import IncidentRecord, StaleIncidents, StoredDecision
from warmonitor.store.runs import ReconcileRun

__all__ = [
    "Reconciliation",
    "current_incidents",
    "merge_incidents",
    "move_claim",
    "reconcile_incidents",
    "split_incident",
    "stored_claims",
    "stored_incidents",
]


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Incidents and the claims behind them (by id), under one policy; ``kept``: how many
    incidents a run kept as stored (their inputs unchanged) instead of computing them."""

    incidents: Sequence[Incident]  # an IncidentList when some are read only when asked for
    claims: dict[str, Claim] = field(default_factory=dict)
    policy: str = DEFAULT_POLICY
    decision: StoredDecision | None = None
    published: dict[str, date | None] = field(default_factory=dict)
    kept: int = 0
    # Views that faces derive from these incidents (a map's points, say), kept with the decoded
    # stored run while it stands and dropped with it; None when reconciled just now.
    derived: dict[Hashable, Any] | None = None

    def as_of(self, claim: Claim) -> date | None:
        """When the claim's figure stood: its statement date, else its publication date."""
        return claim.said_on or self.published.get(claim.document_id)

    def find(self, prefix: str) -> Incident:
        """The incident whose id is or starts with ``prefix``; :class:`NotFoundError` if none
        or several."""
        prefix = prefix.strip()
        ids = self.ids
        exact = [i for i in ids if i == prefix]
        found = exact or [i for i in ids if len(prefix) >= 4 and i.startswith(prefix)]
        if len(found) == 1:
            if isinstance(self.incidents, IncidentList):
                return self.incidents.get(found[0])
            return self.incidents[ids.index(found[0])]
        if not found:
            raise NotFoundError(f"no incident {prefix!r}; see `warmonitor incidents`")
        raise NotFoundError(f"incident id {prefix!r} is ambiguous: {', '.join(found)}")

    @property
    def ids(self) -> tuple[str, ...]:
        """The incidents' ids, in order (reading no incident)."""
        if isinstance(self.incidents, IncidentList):
            return self.incidents.ids
        return tuple(i.id for i in self.incidents)

    def flag_count(self) -> int:
        """How many failed checks the incidents have in all (reading none that a run kept
        as stored and nobody read since)."""
        if isinstance(self.incidents, IncidentList):
            return self.incidents.flag_count()
        return sum(len(i.flags) for i in self.incidents)

    def claim(self, prefix: str) -> Claim:
        """The reconciled claim whose id is or starts with ``prefix``."""
        prefix = prefix.strip()
        if prefix in self.claims:
            return self.claims[prefix]
        found = [c for i, c in self.claims.items() if len(prefix) >= 4 and i.startswith(prefix)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError(f"no claim {prefix!r} among the reconciled claims")
        raise NotFoundError(f"claim id {prefix!r} is ambiguous")

    def _read(self) -> Iterator[Incident]:
        """The incidents, those at hand first (a run's computed ones: what a decision made)."""
        if isinstance(self.incidents, IncidentList):
            at_hand = self.incidents.at_hand()
            yield from at_hand.values()
            yield from (i for i in self.incidents if i.id not in at_hand)
        else:
            yield from self.incidents

    def main_incident(self, document_id: str) -> Incident | None:
        """The incident of a report's main event, if it has one."""
        for incident in self._read():
            if document_id in incident.reports:
                return incident
        return None

    def incident_of(self, claim_id: str) -> Incident:
        """The incident holding ``claim_id``."""
        for incident in self._read():
            if claim_id in incident.claim_ids:
                return incident
        raise NotFoundError(f"claim {claim_id!r} is in no incident")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a bulk step, back as it was after. A run makes
    hundreds of thousands of small objects (claims, incidents, their JSON) and no cycles
    worth collecting; each collection walks every object alive, the whole archive, which is a
    third of a run's time at 100,000 claims."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def stored_claims(store: Store) -> list[Claim]:
    """The claims to reconcile: latest extractor version, reviews applied."""
    latest: dict[str, tuple[str, dict[str, object] | None]] = {}
    for review in store.reviews():
        latest[review.claim_id] = (review.action, review.correction)
    out = []
    for claim in store.claims():
        used = reviewed(claim, *latest.get(claim.id, ("accept", None)))
        if used is not None:
            out.append(used)
    return out


def _locator(claim: Claim) -> tuple[str, object, str]:
    return (claim.document_id, claim.evidence.figure or claim.evidence.start, claim.outcome)


def _decisions(store: Store, claims: Sequence[Claim]) -> list[Decision]:
    """The stored decisions, their claim ids carried over to the current extractor version's
    claims of the same figure where an older version's were named."""
    current = {c.id for c in claims}
    by_locator = {_locator(c): c.id for c in claims}
    cache: dict[str, str | None] = {}

    def now(claim_id: str) -> str | None:
        if claim_id in current:
            return claim_id
        if claim_id not in cache:
            try:
                cache[claim_id] = by_locator.get(_locator(store.claim(claim_id)))
            except NotFoundError:
                cache[claim_id] = None
        return cache[claim_id]

    out = []
    for d in store.incident_decisions():
        ids = tuple(i for c in d.claim_ids if (i := now(c)))
        targets = tuple(i for c in d.target_claim_ids if (i := now(c)))
        if not ids or (d.action == "move" and not targets):
            continue
        action = cast(Action, d.action)
        out.append(Decision(action, ids, targets, d.id, d.analyst, d.created_at, d.note))
    return out


def current_incidents(
    store: Store,
    policy: str = DEFAULT_POLICY,
    *,
    ranking: Sequence[str] = DEFAULT_RANKING,
    rules: GroupingRules = DEFAULT_RULES,
) -> Reconciliation:
    """Reconcile the stored claims now, keeping stored incident ids; store nothing."""
    chosen = check_policy(policy)
    if not ranking:
        raise ConfigurationError("a ranking needs at least one claimant kind")
    with _collector_paused():
        return _current(store, chosen, ranking, rules)


def _current(
    store: Store, chosen: str, ranking: Sequence[str], rules: GroupingRules
) -> Reconciliation:
    inputs, claims, published = _planned(store, chosen, ranking, rules)
    incidents = build_all(inputs)  # as ``reconcile``: the global stage, then each incident
    return Reconciliation(incidents, {c.id: c for c in claims}, chosen, published=published)


def _planned(
    store: Store, policy: str, ranking: Sequence[str], rules: GroupingRules
) -> tuple[list[IncidentInputs], list[Claim], dict[str, date | None]]:
    """The global stage over the stored inputs: every incident's inputs, the claims, the
    publication dates."""
    claims = stored_claims(store)
    published = store.publication_dates()
    inputs = plan(
        claims,
        published,
        decisions=_decisions(store, claims),
        previous=store.incident_membership(),
        policy=policy,
        ranking=ranking,
        rules=rules,
        events=store.report_events(),
        actors=store.actor_registry(),
    )
    return inputs, claims, published


@functools.cache
def code_digest() -> str:
    """A hash of warmonitor's own source (every ``.py`` file of the package) and version:
    stored incidents computed by other code are computed again. Empty sources (a package
    without them) give a digest of the version alone."""
    root = Path(__file__).resolve().parent  # the package
    sha = hashlib.sha256(__version__.encode("utf-8"))
    for path in sorted(root.rglob("*.py")):
        sha.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        sha.update(path.read_bytes())
    return sha.hexdigest()


# The incidents of this process's last run, per store object, with the digests of their
# inputs: a later run of the same process keeps those it loaded without decoding them again.
_built: WeakKeyDictionary[Store, tuple[dict[str, str], IncidentList]] = WeakKeyDictionary()


def _keeper(store: Store, todo: Refresh) -> Callable[[Collection[str]], dict[str, Incident]]:
    """What loads the kept incidents of ``todo`` when they are first read: this process's
    last run's where it holds them with the same inputs, else decoded from the store where
    its row has the same inputs, else (a row replaced or gone meanwhile, the store closed)
    built from them."""
    inputs = {i.id: i for i in todo.inputs if i.id in todo.keep}
    digests = {i: todo.digests[i] for i in inputs}
    digests_before, before = _built.get(store, ({}, IncidentList((), {})))
    at_hand = {
        i: incident
        for i, incident in before.at_hand().items()
        if i in digests and digests_before.get(i) == digests[i]
    }

    def load(ids: Collection[str]) -> dict[str, Incident]:
        with _collector_paused():
            return fetch(ids)

    def fetch(ids: Collection[str]) -> dict[str, Incident]:
        out = {i: at_hand[i] for i in ids if i in at_hand}
        try:
            rows = store.whole_incidents_of([i for i in ids if i not in out])
        except StoreError:  # the store closed since: build them
            rows = {}
        for i, (stored, data) in rows.items():
            if stored == digests[i]:
                out[i] = decode(Incident, data)
        out.update((i, build(inputs[i])) for i in ids if i not in out)
        return out

    return load


def _flag_counter(
    store: Store, todo: Refresh, load: Callable[[Collection[str]], dict[str, Incident]]
) -> Callable[[Collection[str]], int]:
    """What counts the failed checks of kept incidents not read yet: in the database where
    its row has the same inputs, else from the incident itself."""
    digests = {i: todo.digests[i] for i in todo.keep}

    def count(ids: Collection[str]) -> int:
        try:
            found = store.incident_flags(ids)
        except StoreError:  # the store closed since
            found = {}
        same = {i for i in ids if i in found and found[i][0] == digests[i]}
        other = [i for i in ids if i not in same]
        return sum(found[i][1] for i in same) + sum(len(b.flags) for b in load(other).values())

    return count


def _record(incident: Incident, inputs: str | None = None) -> IncidentRecord:
    place = incident.place
    return IncidentRecord(
        id=incident.id,
        claim_ids=incident.claim_ids,
        policy=incident.policy,
        label=incident.label,
        data=incident.to_dict(),
        country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        start=incident.start,
        end=incident.end,
        incident=encode(incident),
        inputs=inputs,
    )


@dataclass(frozen=True, slots=True)
class _Loaded:
    """The stored incidents decoded, and the publication dates, as of one stored run."""

    run: ReconcileRun
    incidents: tuple[Incident, ...]
    published: dict[str, date | None]
    derived: dict[Hashable, Any] = field(default_factory=dict)  # Reconciliation.derived


# Decoding every stored incident is most of the cost of reading them (tens of thousands at
# 100,000 claims: seconds); the server reads them on every request. They are kept decoded per
# store object, for as long as the store's run (``ReconcileRun``: the input revision and
# ``reconciled_at``, which every write of inputs or incidents moves) is the same, so every
# process on a store sees the others' writes at the price of reading one row.
_loaded: WeakKeyDictionary[Store, _Loaded] = WeakKeyDictionary()
_loading = threading.Lock()


def _load(
    store: Store, policy: str, run: ReconcileRun, *, claims: bool = True
) -> Reconciliation | None:
    """The stored incidents of ``run`` (the store's run, read before), ``None`` when one was
    stored without its whole incident."""
    loaded = _loaded.get(store)
    if loaded is None or loaded.run != run:
        with _loading:  # one thread decodes; the others wait for it and use its result
            loaded = _loaded.get(store)
            if loaded is None or loaded.run != run:
                with _collector_paused():
                    stored = store.whole_incidents()
                    if any(data is None for data in stored):
                        return None
                    incidents = sorted(
                        (decode(Incident, data) for data in stored), key=incident_order
                    )
                loaded = _Loaded(run, tuple(incidents), store.publication_dates())
                _loaded[store] = loaded
    with _collector_paused():
        found = {c.id: c for c in stored_claims(store)} if claims else {}
    return Reconciliation(
        list(loaded.incidents),
        found,
        policy,
        published=dict(loaded.published),
        derived=loaded.derived,
    )


def reconcile_incidents(
    store: Store,
    policy: str = DEFAULT_POLICY,
    *,
    ranking: Sequence[str] = DEFAULT_RANKING,
    rules: GroupingRules = DEFAULT_RULES,
    force: bool = False,
    full: bool = False,
) -> Reconciliation:
    """Reconcile the stored claims and store the incidents (replacing the previous run's;
    only the incidents that changed are rewritten). When no input changed since the stored
    run of this policy and ranking, the stored incidents are the result (``force``:
    reconcile all the same). Incremental: an incident whose inputs are those it was stored
    with is kept as stored, not computed again (``full``: compute every incident); the
    result is the same either way."""
    chosen = check_policy(policy)
    if not ranking:
        raise ConfigurationError("a ranking needs at least one claimant kind")
    run = store.reconcile_run()
    if not force and not full and rules == DEFAULT_RULES and run.fresh(chosen, ranking):
        loaded = _load(store, chosen, run)
        if loaded is not None:
            return loaded
    with _collector_paused():
        return _reconcile(store, run, chosen, ranking, rules, full=full)


def _reconcile(
    store: Store,
    run: ReconcileRun,
    chosen: str,
    ranking: Sequence[str],
    rules: GroupingRules,
    *,
    full: bool,
) -> Reconciliation:
    """``reconcile_incidents`` once it reconciles."""
    inputs, claims, published = _planned(store, chosen, ranking, rules)
    salt = code_digest()
    mark = (run.revision, chosen, tuple(ranking)) if rules == DEFAULT_RULES else None
    heads = {} if full else store.incident_heads()
    todo = refresh(inputs, {i: h.inputs for i, h in heads.items()}, salt=salt)
    built = {i.id: build(i) for i in todo.compute}
    records = [_record(incident, todo.digests[i]) for i, incident in built.items()]
    keep = {i: todo.digests[i] for i in todo.keep}
    try:
        store.save_incidents(records, run=mark, keep=keep)
    except StaleIncidents:  # another run was stored meanwhile: compute and store every incident
        todo = refresh(inputs, {}, salt=salt)
        built = {i.id: build(i) for i in todo.compute}
        store.save_incidents([_record(b, todo.digests[i]) for i, b in built.items()], run=mark)
    spans = {i: (heads[i].start, heads[i].end) for i in todo.keep}
    spans.update((i, (b.start, b.end)) for i, b in built.items())
    order = sorted(spans, key=lambda i: span_order(*spans[i], i))
    load = _keeper(store, todo)
    incidents = IncidentList(order, built, load, flags=_flag_counter(store, todo, load))
    _built[store] = (dict(todo.digests), incidents)
    found = {c.id: c for c in claims}
    return Reconciliation(incidents, found, chosen, published=published, kept=len(todo.keep))


def stored_incidents(
    store: Store,
    policy: str = DEFAULT_POLICY,
    *,
    ranking: Sequence[str] = DEFAULT_RANKING,
    claims: bool = True,
) -> Reconciliation:
    """The incidents as the faces show them: the stored run's while no input changed since;
    else reconciled again and stored (when the stored run is of this policy and ranking, or
    there is none), or reconciled and not stored (another policy or ranking: the stored run
    stays). ``claims`` false leaves out the claims (a listing that needs none)."""
    chosen = check_policy(policy)
    run = store.reconcile_run()
    if run.fresh(chosen, ranking):
        loaded = _load(store, chosen, run, claims=claims)
        if loaded is not None:
            return loaded
    if run.policy in (None, chosen) and run.ranking in (None, tuple(ranking)):
        result = reconcile_incidents(store, chosen, ranking=ranking)
        if isinstance(result.incidents, IncidentList):  # the faces read every incident
            result.incidents.load()
        return result
    return current_incidents(store, chosen, ranking=ranking)


def warm_stored_incidents(store: Store, policy: str = DEFAULT_POLICY) -> bool:
    """Decode the stored run now, while it stands, so that a server's first requests do not
    wait for it; changes nothing in the store (a stale run is left for the first request).
    Whether there was a fresh run to decode."""
    chosen = check_policy(policy)
    run = store.reconcile_run()
    if not run.fresh(chosen, DEFAULT_RANKING):
        return False
    return _load(store, chosen, run, claims=False) is not None


def _decide(
    store: Store,
    action: str,
    claim_ids: Sequence[str],
    *,
    analyst: str,
    targets: Sequence[str] = (),
    incidents: Sequence[str] = (),
    note: str | None = None,
    policy: str = DEFAULT_POLICY,
) -> Reconciliation:
    decision = store.add_incident_decision(
        action,
        claim_ids,
        analyst=analyst,
        target_claim_ids=targets,
        incident_ids=incidents,
        note=note,
    )
    result = reconcile_incidents(store, policy)
    return Reconciliation(
        result.incidents, result.claims, result.policy, decision, result.published
    )


def merge_incidents(
    store: Store,
    incident_ids: Sequence[str],
    *,
    analyst: str,
    note: str | None = None,
    policy: str = DEFAULT_POLICY,
) -> Reconciliation:
    """Merge two or more incidents into one, record the decision and reconcile again."""
    now = stored_incidents(store, policy)
    chosen = list({i.id: i for i in (now.find(p) for p in incident_ids)}.values())
    if len(chosen) < 2:
        raise ConfigurationError("a merge needs at least two different incidents")
    claims = [c for i in chosen for c in i.claim_ids]
    return _decide(
        store,
        "merge",
        claims,
        analyst=analyst,
        incidents=[i.id for i in chosen],
        note=note,
        policy=policy,
    )


def split_incident(
    store: Store,
    incident_id: str,
    claim_ids: Sequence[str],
    *,
    analyst: str,
    note: str | None = None,
    policy: str = DEFAULT_POLICY,
) -> Reconciliation:
    """Take ``claim_ids`` out of an incident into a new one; record it and reconcile again."""
    now = stored_incidents(store, policy)
    incident = now.find(incident_id)
    chosen = list(dict.fromkeys(now.claim(c).id for c in claim_ids))
    stray = [c for c in chosen if c not in incident.claim_ids]
    if stray:
        raise ConfigurationError(f"claims {', '.join(stray)} are not in incident {incident.id}")
    if not chosen or len(chosen) == len(incident.claim_ids):
        raise ConfigurationError("a split must leave some claims on each side")
    return _decide(
        store, "split", chosen, analyst=analyst, incidents=[incident.id], note=note, policy=policy
    )


def move_claim(
    store: Store,
    claim_id: str,
    to_incident: str,
    *,
    analyst: str,
    note: str | None = None,
    policy: str = DEFAULT_POLICY,
) -> Reconciliation:
    """Move one claim into another incident; record it and reconcile again."""
    now = stored_incidents(store, policy)
    claim = now.claim(claim_id)
    target = now.find(to_incident)
    source = now.incident_of(claim.id)
    if source.id == target.id:
        raise ConfigurationError(f"claim {claim.id} is already in incident {target.id}")
    return _decide(
        store,
        "move",
        [claim.id],
        analyst=analyst,
        targets=list(target.claim_ids),
        incidents=[source.id, target.id],
        note=note,
        policy=policy,
    )
