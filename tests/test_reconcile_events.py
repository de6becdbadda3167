"""Reports of one event joined across reports (reconcile.events, reconcile.assembly).

The events and their words are invented; places are real (tests/reconcile_factory.py).
"""

from __future__ import annotations

from datetime import date

from reconcile_factory import ALEPPO, ARIHA, IDLIB, LATAKIA, claim
from warmonitor.model import Period, Place, ReportEvent
from warmonitor.reconcile import reconcile
from warmonitor.reconcile.events import EventRules, cluster_reports

MAY6 = date(2024, 5, 6)


def event(
    doc: str,
    words: str,
    *,
    published: date = MAY6,
    place: Place | None = IDLIB,
    kinds: tuple[str, ...] = (),
    country: str | None = "SY",
) -> ReportEvent:
    return ReportEvent(
        document_id=doc,
        published=published,
        day=published,
        country=country,
        places=(place,) if place else (),
        kinds=kinds,
        terms=tuple((w, 2.0) for w in words.split()),
    )


def together(clusters: list[list[str]], *docs: str) -> bool:
    return any(set(docs) <= set(c) for c in clusters)


def test_reports_sharing_names_join_one_event() -> None:
    a = event("a", "hamidiya market #market observatory rahman")
    b = event("b", "hamidiya market #market sana", published=date(2024, 5, 7))
    c = event("c", "hamidiya observatory #market", published=date(2024, 5, 8))
    assert cluster_reports([a, b, c]) == [["a", "b", "c"]]


def test_another_site_in_the_same_town_and_week_is_another_event() -> None:
    a = event("a", "hamidiya #hospital strike kafr", kinds=("hospital",))
    b = event("b", "hamidiya #hospital strike kafr", kinds=("hospital",))
    c = event("c", "hamidiya #church strike zahra", kinds=("church",))
    clusters = cluster_reports([a, b, c])
    assert together(clusters, "a", "b") and not together(clusters, "a", "c")


def test_another_town_needs_a_strong_likeness() -> None:
    a = event("a", "hamidiya #market observatory rahman warplanes kafr", place=IDLIB)
    b = event("b", "tall #market shaddadi abyad qamishli hasakah", place=ALEPPO)
    assert not together(cluster_reports([a, b]), "a", "b")
    near = event("c", "tall #market shaddadi abyad qamishli hasakah", place=ARIHA)  # 13 km
    assert together(cluster_reports([a, near]), "a", "c")


def test_a_later_investigation_joins_on_its_names() -> None:
    a = event("a", "hamidiya #market observatory rahman warplanes")
    b = event("b", "hamidiya #market investigators rahman", published=date(2024, 7, 20))
    weak = event("c", "rahman daraa busra tafas nawa", published=date(2024, 7, 20))
    clusters = cluster_reports([a, b, weak], EventRules())
    assert together(clusters, "a", "b")
    assert not together(clusters, "a", "c")


def test_reports_of_other_countries_stay_apart_unless_very_alike() -> None:
    a = event("a", "hamidiya #market observatory rahman warplanes idlib", country="SY")
    b = event("b", "kharkiv #market governor synehubov saltivka oblast", country="UA", place=None)
    assert not together(cluster_reports([a, b]), "a", "b")
    alike = event("c", "hamidiya #market observatory rahman warplanes idlib", country="UA")
    assert together(cluster_reports([a, alike]), "a", "c")  # a misread country is overridden


def test_claims_of_one_event_join_one_incident_and_context_stays_apart() -> None:
    first = claim(30, doc="a", place=IDLIB)
    later = claim(45, doc="b", place=None, day=date(2024, 5, 8))
    earlier_attack = claim(35, doc="b", place=IDLIB, day=None, claimant=None, kind="media").with_(
        period=Period(date(2017, 4, 4), date(2017, 4, 4), "in 2017")
    )
    elsewhere = claim(  # another province, quoted for context
        12, doc="b", place=LATAKIA, sentence="Shelling killed 12 people in Latakia on Monday."
    )
    events = {
        "a": event("a", "hamidiya #market observatory"),
        "b": event("b", "hamidiya #market observatory", published=date(2024, 5, 8)),
    }
    published = {"a": MAY6, "b": date(2024, 5, 8)}
    incidents = reconcile([first, later, earlier_attack, elsewhere], published, events=events)
    main = next(i for i in incidents if first.id in i.claim_ids)
    assert later.id in main.claim_ids
    assert earlier_attack.id not in main.claim_ids
    assert elsewhere.id not in main.claim_ids
    assert set(main.reports) == {"a", "b"}


def test_report_event_round_trips() -> None:
    e = event("a", "hamidiya #market", kinds=("market",))
    assert ReportEvent.from_dict(e.to_dict()) == e


def test_a_report_from_abroad_that_names_the_events_country_as_often_joins_it() -> None:
    a = event("a", "ghouta #chemical sarin observatory rahman damascus", country="SY")
    abroad = ReportEvent(
        document_id="b",
        published=date(2024, 5, 9),
        day=MAY6,
        country="US",
        countries=("SY", "US"),
        places=(),
        terms=tuple(
            (w, 2.0) for w in "washington #chemical sarin ghouta kerry intelligence".split()
        ),
    )
    elsewhere = ReportEvent(
        document_id="c",
        published=date(2024, 5, 9),
        day=MAY6,
        country="US",
        countries=("US",),
        places=(),
        terms=tuple(
            (w, 2.0) for w in "washington #chemical sarin ghouta kerry intelligence".split()
        ),
    )
    assert together(cluster_reports([a, abroad]), "a", "b")
    assert not together(cluster_reports([a, elsewhere], EventRules(conflict=0.5)), "a", "c")


def test_a_place_a_figure_only_inherits_does_not_send_it_away() -> None:
    named = claim(30, doc="a", place=IDLIB, sentence="A strike on the Idlib market killed 30.")
    inherited = claim(98, doc="a", outcome="injured", place=LATAKIA)  # its sentence names none
    events = {"a": event("a", "hamidiya #market observatory")}
    (main, *rest) = sorted(
        reconcile([named, inherited], {"a": MAY6}, events=events),
        key=lambda i: -len(i.claim_ids),
    )
    assert set(main.claim_ids) == {named.id, inherited.id} and not rest
