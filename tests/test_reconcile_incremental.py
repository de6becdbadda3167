"""Incremental reconciliation equals a full one: for random sequences of batches of new
reports (with reviews, analysts' decisions and actor corrections between them), keeping the
incidents whose inputs did not change gives the incidents a full run gives: the same
incidents, ids, claims, tallies, checks and timelines, and the same stored rows. The reports
are invented here: claimants under several names (acronyms, a person's surname, spellings
whose most frequent form names the claimant), copies of one report, parts of totals,
projections, revised tolls. Real SQLite, and PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL``
names a server."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from reconcile_factory import ALEPPO, ARIHA, IDLIB, KHARKIV, LATAKIA, MOSUL
from warmonitor import reconcile_service
from warmonitor.actors import Correction
from warmonitor.incident_list import IncidentList
from warmonitor.model import (
    Claim,
    Claimant,
    Count,
    Document,
    Evidence,
    Period,
    Place,
    ReportEvent,
    Victims,
)
from warmonitor.reconcile import Decision, Incident, reconcile
from warmonitor.reconcile.incidents import plan
from warmonitor.reconcile.incremental import refresh
from warmonitor.reconcile_service import (
    merge_incidents,
    reconcile_incidents,
    split_incident,
    stored_incidents,
)
from warmonitor.review_service import review_claim
from warmonitor.store import Store
from warmonitor.store.incidents import IncidentRecord, StaleIncidents

PLACES = (IDLIB, ARIHA, ALEPPO, KHARKIV, LATAKIA, MOSUL)
OUTLETS = ("Wire One", "Daily Two", "Radio Three", "Courier Four")
# (name, words, kind): one voice under several names across reports
VOICES = (
    ("Free Relief Corps", "Free Relief Corps", "monitor"),
    ("FRC", "FRC", "monitor"),
    ("Idlib Health Directorate", "the Idlib Health Directorate", "government"),
    ("the Idlib health directorate", "the Idlib health directorate", "government"),
    ("Omar Haddad", "Omar Haddad, the local governor", "government"),
    ("Haddad", "Haddad", "government"),
    ("Syrian Observatory for Human Rights", "the Syrian Observatory", "monitor"),
    (None, "medics", "medical"),
    (None, "", "media"),
)
KINDS = ("air strike", "shelling", "explosion")


@dataclass(frozen=True, slots=True)
class Report:
    document: Document
    claims: tuple[Claim, ...]
    event: ReportEvent


def _fingerprint(rng: random.Random) -> tuple[int, ...]:
    return tuple(rng.randrange(2**31) for _ in range(32))


def archive(seed: int, reports: int = 48) -> list[Report]:
    """Invented reports of a few events, in no particular order of publication."""
    rng = random.Random(seed)
    out: list[Report] = []
    event = 0
    while len(out) < reports:
        event += 1
        place: Place = rng.choice(PLACES)
        day = date(2024, 3, 1) + timedelta(days=rng.randrange(40))
        kind = rng.choice(KINDS)
        words = [f"ev{event}w{k}" for k in range(3)]
        toll = rng.randint(5, 30)
        previous: Report | None = None
        for r in range(rng.randint(1, 6)):
            published = day + timedelta(days=r + rng.randrange(2))
            toll += rng.randint(-2, 6)  # a fall now and then: a revision
            outlet = rng.choice(OUTLETS)
            copy = previous is not None and rng.random() < 0.25
            text = f"Report {len(out)} on event {event}: a {kind} in {place.name}."
            document = Document(text, published=published, publisher=outlet)
            prints = previous.event.fingerprint if copy and previous else _fingerprint(rng)
            terms = (*((w, 1.5) for w in words if rng.random() < 0.8), ("killed", 0.5))
            report_event = ReportEvent(
                document.id, published, day, place.country, (place,), (kind,), terms, prints
            )
            claims: list[Claim] = []
            for k in range(rng.randint(1, 4)):
                if copy and previous and k < len(previous.claims):
                    was = previous.claims[k]  # the copy repeats the original's figure
                    value, voice = was.count.low, was.claimant
                else:
                    name, words_, kind_ = rng.choice(VOICES)
                    voice = Claimant(name, words_, kind_)
                    value = toll if k == 0 else max(1, toll // (k + 1))
                group = "people" if k == 0 else rng.choice(("civilians", "children"))
                hedges = ("projection",) if rng.random() < 0.1 else ()
                claim_place = place if rng.random() < 0.8 else rng.choice(PLACES)
                sentence = f"The {kind} killed {value} people, said {voice.text or 'the site'}."
                claims.append(
                    Claim(
                        id=f"{document.id[:10]}-{k}",
                        document_id=document.id,
                        outcome="killed" if rng.random() < 0.8 else "injured",
                        count=Count(value, value, str(value)),
                        victims=Victims(group, group),
                        claimant=voice,
                        evidence=Evidence(sentence, k * 100, k * 100 + len(sentence)),
                        extractor="warmonitor test",
                        reported_by=outlet,
                        hedges=hedges,
                        place=claim_place,
                        period=Period(day, day),
                        said_on=published - timedelta(days=1) if rng.random() < 0.2 else None,
                        part_of=claims[0].id if k > 0 and rng.random() < 0.3 else None,
                        cumulative=r > 0,
                    )
                )
            report = Report(document, tuple(claims), report_event)
            out.append(report)
            previous = report
            if len(out) >= reports:
                break
    rng.shuffle(out)
    return out


def batches(reports: list[Report], seed: int) -> list[list[Report]]:
    """``reports`` cut into batches of random sizes (one report to a quarter of them)."""
    rng = random.Random(seed)
    out, rest = [], list(reports)
    while rest:
        size = rng.randint(1, max(1, len(reports) // 4))
        out.append(rest[:size])
        rest = rest[size:]
    return out


def _membership(incidents: list[Incident]) -> dict[str, frozenset[str]]:
    return {i.id: frozenset(i.claim_ids) for i in incidents}


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_core_kept_and_built_incidents_equal_a_full_run(seed: int) -> None:
    reports = archive(seed)
    seen: list[Report] = []
    stored: dict[str, tuple[str, Incident]] = {}  # id -> (digest, incident), as a store keeps
    previous: dict[str, frozenset[str]] = {}
    decisions: list[Decision] = []
    kept = built = 0
    for step, batch in enumerate(batches(reports, seed)):
        seen.extend(batch)
        claims = [c for r in seen for c in r.claims]
        published = {r.document.id: r.document.published for r in seen}
        events = {r.document.id: r.event for r in seen}
        if step == 2 and len(previous) >= 2:  # an analyst merges two incidents
            first, second = sorted(previous)[:2]
            ids = tuple(sorted(previous[first] | previous[second]))
            decisions.append(Decision("merge", ids, (), 1, "ana", None, None))
        arguments = dict(decisions=decisions, previous=previous, events=events)
        full = reconcile(claims, published, **arguments)  # type: ignore[arg-type]
        todo = refresh(
            plan(claims, published, **arguments),  # type: ignore[arg-type]
            {i: d for i, (d, _) in stored.items()},
            salt="test",
        )
        incremental = todo.finish({i: stored[i][1] for i in todo.keep})
        assert incremental == full
        assert [i.to_dict() for i in incremental] == [i.to_dict() for i in full]
        kept += len(todo.keep)
        built += len(todo.compute)
        stored = {i.id: (todo.digests[i.id], i) for i in incremental}
        previous = _membership(incremental)
    assert kept > 0 and built > 0  # both paths ran


def test_an_incident_is_built_again_when_a_global_input_changes() -> None:
    """A claimant's label is the name its claims use most across every incident: new reports
    elsewhere that name it otherwise change an untouched incident's inputs."""
    spelt = Claimant("Idlib Health Directorate", "Idlib Health Directorate", "government")
    other = Claimant("the Idlib health directorate", "the Idlib health directorate", "government")

    def report(n: int, voice: Claimant, place: Place, day: date) -> Report:
        document = Document(f"Report {n} in {place.name}.", published=day)
        sentence = f"An air strike killed {10 + n} people."
        c = Claim(
            f"c{n}", document.id, "killed", Count(10 + n, 10 + n, str(10 + n)),
            Victims("people", "people"), voice, Evidence(sentence, 0, len(sentence)),
            "warmonitor test", place=place, period=Period(day, day),
        )  # fmt: skip
        return Report(document, (c,), ReportEvent(document.id, day, day, place.country))

    first = [report(1, spelt, IDLIB, date(2024, 5, 1))]
    later = [report(n, other, MOSUL, date(2024, 7, n)) for n in range(2, 5)]

    def inputs(reports: list[Report]) -> dict[str, str]:
        claims = [c for r in reports for c in r.claims]
        published = {r.document.id: r.document.published for r in reports}
        found = refresh(plan(claims, published), {}, salt="")
        return {next(iter(i.claims)).id: found.digests[i.id] for i in found.inputs}

    before, after = inputs(first), inputs(first + later)
    assert before["c1"] != after["c1"]  # the Idlib incident is computed again
    unrelated = [report(n, spelt, MOSUL, date(2024, 7, n)) for n in range(5, 6)]
    assert inputs(first)["c1"] == inputs(first + unrelated)["c1"]  # its label stands


@pytest.fixture
def stores(store_url: str, tmp_path: object) -> Iterator[tuple[Store, Store]]:
    """The store under test (on each backend) and a SQLite twin that is always run in full."""
    from pathlib import Path

    twin = Path(str(tmp_path)) / "twin.db"
    with Store.open(store_url) as left, Store.open(f"sqlite:///{twin}") as right:
        yield left, right


def _rows(store: Store) -> list[IncidentRecord]:
    return sorted(store.incidents(), key=lambda r: r.id)


def _act(store: Store, step: int, rng: random.Random, claim_ids: list[str]) -> None:
    """What analysts do between batches (the same on both stores): reject, correct, merge,
    split, rename an actor."""
    result = stored_incidents(store)
    if step == 1:
        review_claim(store, rng.choice(claim_ids), "reject", reviewer="ana", reason="a repeat")
    elif step == 2:
        chosen = rng.choice(claim_ids)
        low = store.claim(chosen).count.low + 3
        review_claim(
            store, chosen, "correct", reviewer="ana", reason="the ministry said so",
            correction={"count": {"low": low, "high": low, "text": str(low)}},
        )  # fmt: skip
    elif step == 3 and len(result.incidents) >= 2:
        merge_incidents(store, [i.id for i in result.incidents[:2]], analyst="ana")
    elif step == 4:
        big = [i for i in result.incidents if len(i.claim_ids) >= 2]
        if big:
            split_incident(store, big[0].id, [big[0].claim_ids[-1]], analyst="ana")
    elif step == 5:
        correction = Correction("rename", "Free Relief Corps", "Free Relief Corps of Idlib")
        store.add_actor_correction(correction, analyst="ana")


@pytest.mark.parametrize("seed", [5, 6])
def test_the_store_kept_and_computed_incidents_equal_a_full_run(
    stores: tuple[Store, Store], seed: int
) -> None:
    incremental, full = stores
    reports = archive(seed, 60)
    rng_left, rng_right = random.Random(seed), random.Random(seed)
    kept = 0
    for step, batch in enumerate(batches(reports, seed)):
        for store in (incremental, full):
            for r in batch:
                store.save(r.document, r.claims, r.event)
        ids = sorted(c.id for r in batch for c in r.claims)
        _act(incremental, step, rng_left, ids)
        _act(full, step, rng_right, ids)
        left = reconcile_incidents(incremental)
        right = reconcile_incidents(full, full=True)
        assert right.kept == 0
        kept += left.kept
        assert left.incidents == right.incidents
        assert left.claims == right.claims
        assert _rows(incremental) == _rows(full)  # ids, claims, JSON, the whole incident, inputs
        assert stored_incidents(incremental).incidents == right.incidents
    assert kept > 0


def test_a_fresh_process_reads_kept_incidents_from_the_store(store_url: str) -> None:
    """Without this process's last run at hand, the kept incidents are decoded from the store
    and equal the incidents a full run computes."""
    reports = archive(7, 30)
    with Store.open(store_url) as store:
        for r in reports[:20]:
            store.save(r.document, r.claims, r.event)
        reconcile_incidents(store)
    with Store.open(store_url) as store:  # another store object: nothing held in memory
        for r in reports[20:]:
            store.save(r.document, r.claims, r.event)
        left = reconcile_incidents(store)
        assert left.kept > 0
        right = reconcile_incidents(store, full=True)
        assert right.kept == 0
        assert left.incidents == right.incidents


def test_other_code_computes_every_incident_again(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = archive(8, 20)
    with Store.open(store_url) as store:
        for r in reports[:15]:
            store.save(r.document, r.claims, r.event)
        reconcile_incidents(store)
        for r in reports[15:]:
            store.save(r.document, r.claims, r.event)
        monkeypatch.setattr(reconcile_service, "code_digest", lambda: "another version")
        assert reconcile_incidents(store).kept == 0


def test_keeping_an_incident_another_run_replaced_is_refused(store_url: str) -> None:
    reports = archive(9, 10)
    with Store.open(store_url) as store:
        for r in reports:
            store.save(r.document, r.claims, r.event)
        result = reconcile_incidents(store)
        before = _rows(store)
        some = result.incidents[0].id
        with pytest.raises(StaleIncidents, match="changed while reconciling"):
            store.save_incidents([], keep={some: "0" * 64})
        assert _rows(store) == before  # nothing changed
        with pytest.raises(StaleIncidents):
            store.save_incidents([], keep={"no-such-incident": "0" * 64})


def test_inputs_that_leave_the_claims_alone_still_build_the_incident_again() -> None:
    """A report's date corrected, an analyst's merge of claims already together, a report's
    event placed elsewhere: the incidents they touch are built again, the rest kept, and the
    result is a full run's."""
    reports = archive(11, 30)
    claims = [c for r in reports for c in r.claims]
    published = {r.document.id: r.document.published for r in reports}
    events = {r.document.id: r.event for r in reports}
    first = reconcile(claims, published, events=events)
    previous = _membership(first)
    target = max(first, key=lambda i: len(i.claim_ids))
    doc = target.document_ids[0]
    stored = refresh(plan(claims, published, events=events, previous=previous), {})
    digests = dict(stored.digests)
    moved = dict(events)
    moved[doc] = ReportEvent(doc, published[doc], events[doc].day, "SY", (ALEPPO,))
    changes: list[tuple[dict[str, date | None], list[Decision], dict[str, ReportEvent]]] = [
        ({**published, doc: (published[doc] or date(2024, 1, 1)) + timedelta(days=1)}, [], events),
        (published, [Decision("merge", target.claim_ids[:2], (), 7, "ana", None, None)], events),
        (published, [], moved),
    ]
    for dates, decisions, events_now in changes:
        arguments = dict(decisions=decisions, previous=previous, events=events_now)
        full = reconcile(claims, dates, **arguments)  # type: ignore[arg-type]
        todo = refresh(plan(claims, dates, **arguments), digests)  # type: ignore[arg-type]
        assert target.id not in todo.keep
        assert todo.keep  # the incidents it does not touch are kept
        kept = {i.id: i for i in first if i.id in todo.keep}
        assert todo.finish(kept) == full


def test_a_fresh_process_decodes_no_kept_incident_until_one_is_read(store_url: str) -> None:
    """A new process's run holds the kept incidents by id: its count of flags is counted in the
    database, and an incident is decoded when first read; all equal a full run's."""
    reports = archive(12, 40)
    with Store.open(store_url) as store:
        for r in reports[:30]:
            store.save(r.document, r.claims, r.event)
        reconcile_incidents(store)
    with Store.open(store_url) as store:
        for r in reports[30:]:
            store.save(r.document, r.claims, r.event)
        left = reconcile_incidents(store)
        lazy = left.incidents
        assert isinstance(lazy, IncidentList)
        assert left.kept > 0 and len(lazy.pending) == left.kept
        some = lazy.ids[0]
        assert left.find(some).id == some
        flags = left.flag_count()
        assert len(lazy.pending) >= left.kept - 1  # counting flags read no incident
        with Store.open(store_url) as other:
            right = reconcile_incidents(other, full=True)
        assert flags == sum(len(i.flags) for i in right.incidents)
        assert list(lazy) == list(right.incidents)


def test_a_kept_incident_replaced_before_it_is_read_is_built_from_its_inputs(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process stores a run (here by other code: every row's inputs differ) before
    the kept incidents are read: they are built from the inputs the run held, and equal the
    incidents a full run gives."""
    reports = archive(13, 36)
    with Store.open(store_url) as store:
        for r in reports[:28]:
            store.save(r.document, r.claims, r.event)
        reconcile_incidents(store)
    with Store.open(store_url) as store:
        for r in reports[28:]:
            store.save(r.document, r.claims, r.event)
        left = reconcile_incidents(store)
        assert isinstance(left.incidents, IncidentList) and left.incidents.pending
        with Store.open(store_url) as other, monkeypatch.context() as patched:
            patched.setattr(reconcile_service, "code_digest", lambda: "another version")
            right = reconcile_incidents(other, full=True)
        assert left.flag_count() == sum(len(i.flags) for i in right.incidents)
        assert list(left.incidents) == list(right.incidents)
        again = reconcile_incidents(store, force=True)  # the rows are the other code's
        assert again.kept == 0
    lazy = again.incidents
    assert isinstance(lazy, IncidentList) and not lazy.pending


def test_kept_incidents_read_after_the_store_closed_are_built(store_url: str) -> None:
    reports = archive(14, 30)
    with Store.open(store_url) as store:
        for r in reports[:24]:
            store.save(r.document, r.claims, r.event)
        reconcile_incidents(store)
    with Store.open(store_url) as store:
        for r in reports[24:]:
            store.save(r.document, r.claims, r.event)
        left = reconcile_incidents(store)
        right = reconcile_incidents(store, full=True)
    assert left.kept > 0
    assert left.flag_count() == sum(len(i.flags) for i in right.incidents)
    assert list(left.incidents) == list(right.incidents)


def test_a_server_decodes_the_stored_run_before_its_first_request(store_url: str) -> None:
    """Each server process decodes a fresh stored run at start-up; a stale one is left alone
    (nothing is reconciled or written before a request asks)."""
    from fastapi.testclient import TestClient

    from warmonitor.web.app import create_app

    reports = archive(9, 12)
    with Store.open(store_url) as store:
        for r in reports[:8]:
            store.save(r.document, r.claims, r.event)
        reconcile_incidents(store)
    app = create_app(store_url, secret_key="test")
    served: Store = app.state.store
    assert reconcile_service._loaded.get(served) is None
    with TestClient(app):
        loaded = reconcile_service._loaded.get(served)
        assert loaded is not None and len(loaded.incidents) > 0
    with Store.open(store_url) as store:
        for r in reports[8:]:
            store.save(r.document, r.claims, r.event)
        stale = store.reconcile_run()
    app = create_app(store_url, secret_key="test")
    with TestClient(app):
        assert reconcile_service._loaded.get(app.state.store) is None
        assert app.state.store.reconcile_run() == stale
