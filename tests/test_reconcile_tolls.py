"""Tolls over time: each claimant's series with its dates and reports, the latest point as its
figure, a fall flagged as a revision; parts of the event (a day, a town, a stated share) and
projections kept out of the tallies; copies of one report counted once. Pure: invented claims."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from reconcile_factory import ARIHA, IDLIB, IDLIB_PROVINCE, claim
from warmonitor.fingerprint import HASHES, NEAR_DUPLICATE, fingerprint, similarity
from warmonitor.model import Claim, Claimant, Period, Place, ReportEvent
from warmonitor.reconcile import Incident, reconcile
from warmonitor.reconcile.copies import copy_groups

SARAQIB = Place("Saraqib", "SY", 35.8647, 36.8006, 163270, "Idlib", "city")  # 17 km east
PUBLISHED = {
    "doc-a": date(2024, 5, 6),
    "doc-b": date(2024, 5, 7),
    "doc-c": date(2024, 5, 8),
    "doc-d": date(2024, 5, 9),
    "doc-e": date(2024, 5, 12),
}

WIRE = (
    "An air strike on a crowded market in Idlib killed 30 people on Monday, a war monitor "
    "said, in one of the deadliest attacks on the province this year. The Syrian Observatory "
    "for Human Rights said children were among the dead and that rescuers were still "
    "searching the rubble of the market for survivors late into the night. Residents said "
    "two warplanes struck the market twice within a few minutes as people gathered to buy "
    "bread and vegetables before the evening."
)
OTHER = (
    "Shelling on the outskirts of Ariha wounded several farmers on Tuesday, local officials "
    "said, while aid convoys waited at the border crossing for permission to enter the area. "
    "The United Nations said it was concerned about the lack of fuel for the hospitals of the "
    "region and called for the crossings to stay open through the winter months."
)


def one(claims: list[Claim], **options: Any) -> Incident:
    (incident,) = reconcile(claims, PUBLISHED, **options)
    return incident


def period(claim_: Claim, start: date, end: date) -> Claim:
    return claim_.with_(period=Period(start, end, "since Sunday"))


def at(value: int, place: Place, **options: Any) -> Claim:
    """A figure whose own sentence names its place ("20 were killed in Ariha")."""
    sentence = f"{value} people were killed in {place.name}."
    return claim(value, place=replace(place, text=place.name), sentence=sentence, **options)


def on(value: int, day: date, **options: Any) -> Claim:
    """A figure whose own sentence names its day ("15 were killed on Tuesday")."""
    sentence = f"{value} people were killed on Tuesday."
    return claim(value, sentence=sentence, **options).with_(period=Period(day, day, "Tuesday"))


def own_voice(claim_: Claim, outlet: str) -> Claim:
    """The outlet's own unattributed figure, as the extractor writes it."""
    return claim_.with_(claimant=Claimant(outlet, "", "media"), reported_by=outlet)


def event(doc: str, text: str) -> ReportEvent:
    return ReportEvent(
        doc,
        published=PUBLISHED[doc],
        day=date(2024, 5, 6),
        country="SY",
        places=(IDLIB,),
        kinds=("market", "air"),
        terms=(("#air", 1.5), ("#market", 1.5), ("idlib", 1.5), ("observatory", 1.0)),
        fingerprint=fingerprint(text),
    )


# -- series ------------------------------------------------------------------------------------


def test_a_claimants_toll_is_a_series_with_dates_and_reports() -> None:
    first = claim(30, doc="doc-a", outlet="Reuters", text="30")
    again = claim(30, doc="doc-b", outlet="AFP", text="30")
    risen = claim(45, doc="doc-c", outlet="AP", text="45", cumulative=True)
    incident = one([first, again, risen])
    (series,) = incident.timeline
    assert [(p.as_of, p.value) for p in series.points] == [
        (date(2024, 5, 6), 30),
        (date(2024, 5, 7), 30),
        (date(2024, 5, 8), 45),
    ]
    assert series.points[0].documents == ("doc-a",)
    assert series.points[0].outlets == ("Reuters",)
    assert series.points[-1].documents == ("doc-c",) and series.points[-1].outlets == ("AP",)
    assert series.summary == (
        "Syrian Observatory for Human Rights' figure for people killed rose from 30 to 45 "
        "(2024-05-06 to 2024-05-08)"
    )
    (source,) = incident.tally("killed", "people").sources
    assert source.value == series.points[-1].value == 45
    assert source.superseded == (first.id, again.id)
    data = series.to_dict()["points"][0]
    assert data["documents"] == ["doc-a"] and data["outlets"] == ["Reuters"]


def test_on_one_day_the_larger_figure_is_the_latest() -> None:
    small = claim(25, doc="doc-b", said_on=date(2024, 5, 7))
    large = claim(31, doc="doc-c", said_on=date(2024, 5, 7))  # published later, same day said
    incident = one([large, small])
    (source,) = incident.tally("killed", "people").sources
    assert source.value == 31
    assert [p.value for p in incident.timeline[0].points] == [25, 31]
    assert not incident.flags  # one day: no revision


def test_the_latest_as_of_date_wins_over_publication_order() -> None:
    # published last, but quoting what the monitor said on the 6th
    old = claim(20, doc="doc-d", said_on=date(2024, 5, 6))
    newer = claim(28, doc="doc-b")
    incident = one([old, newer])
    assert incident.tally("killed", "people").best.value == 28
    assert not incident.flags


def test_a_fall_is_flagged_as_a_revision_in_plain_words() -> None:
    incident = one([claim(30, doc="doc-a"), claim(25, doc="doc-c")])
    assert incident.tally("killed", "people").best.value == 25
    (flag,) = incident.flags
    assert flag.kind == "revision"
    assert flag.message == (
        "people killed: Syrian Observatory for Human Rights revised its toll down from 30 to 25 "
        "on 2024-05-08 (30 as of 2024-05-06)"
    )
    detail = dict(flag.detail)
    assert (detail["from"], detail["to"], detail["on"]) == (30, 25, "2024-05-08")
    assert detail["documents"] == ["doc-a", "doc-c"]


# -- projections and estimates -----------------------------------------------------------------


def test_a_projection_never_supersedes_a_stated_figure() -> None:
    stated = claim(300, doc="doc-a")
    foreseen = claim((1000, None), doc="doc-c", text="could exceed 1,000", hedges=("projection",))
    incident = one([stated, foreseen])
    tally = incident.tally("killed", "people")
    assert tally is not None
    assert (tally.low.value, tally.best.value, tally.high.value) == (300, 300, 300)
    assert foreseen.id not in tally.claim_ids
    (aside,) = incident.projections
    assert aside.role == "projection" and aside.source.marks == ("projection",)
    assert aside.source.claim_ids == (foreseen.id,)
    assert [p.value for p in incident.timeline[0].points] == [300]
    assert incident.to_dict()["projections"][0]["marks"] == ["projection"]


def test_a_projection_alone_makes_no_tally() -> None:
    foreseen = claim((500, None), text="could reach 500", hedges=("projection",))
    incident = one([foreseen])
    assert incident.tallies == () and incident.totals == ()
    assert [a.source.value for a in incident.projections] == [500]


def test_an_estimate_counts_and_is_marked() -> None:
    estimated = claim(300, claimant="local doctors", kind="medical", hedges=("estimate",))
    incident = one([estimated, claim(250)])
    tally = incident.tally("killed", "people")
    assert tally is not None and tally.high.value == 300
    marked = {s.claimant: s.marks for s in tally.sources}
    assert marked == {"local doctors": ("estimate",), "Syrian Observatory for Human Rights": ()}
    points = {s.claimant: s.points[0].marks for s in incident.timeline}
    assert points == {"local doctors": ("estimate",), "Syrian Observatory for Human Rights": ()}


# -- parts of the event ------------------------------------------------------------------------


def test_a_stated_share_of_the_same_victims_is_a_part_not_a_rival() -> None:
    total = claim(50, doc="doc-c", place=IDLIB_PROVINCE)
    share = at(20, ARIHA, doc="doc-c", part_of=total.id)
    incident = one([total, share])
    tally = incident.tally("killed", "people")
    assert tally is not None and [s.value for s in tally.sources] == [50]
    (part,) = incident.parts
    assert (part.scope, part.where, part.total, part.stated) == ("place", "Ariha", total.id, True)
    (check,) = [c for c in incident.checks if c.kind == "parts"]
    assert check.ok


def test_town_figures_of_a_province_report_are_parts_and_checked() -> None:
    province = claim(50, doc="doc-c", place=IDLIB_PROVINCE)
    earlier = claim(35, doc="doc-a", place=IDLIB_PROVINCE)  # the event is the province's
    town = at(20, ARIHA, doc="doc-c")
    incident = one([earlier, province, town])
    assert [s.value for s in incident.tally("killed", "people").sources] == [50]
    (part,) = incident.parts
    assert (part.role, part.scope, part.where) == ("part", "place", "Ariha")
    (check,) = [c for c in incident.checks if c.kind == "parts"]
    assert check.ok
    assert check.message == (
        "people killed: the figures for places of the event (Ariha 20) are consistent with its "
        "toll of 50 (Syrian Observatory for Human Rights)"
    )
    assert not incident.flags  # no revision from 50 down to 20


def test_town_figures_beyond_the_province_toll_are_flagged() -> None:
    province = claim(50, doc="doc-c", place=IDLIB_PROVINCE)
    towns = [at(40, SARAQIB, doc="doc-c"), at(20, ARIHA, doc="doc-c")]
    incident = one([claim(45, doc="doc-a", place=IDLIB_PROVINCE), province, *towns])
    (flag,) = incident.flags
    assert flag.kind == "parts"
    assert flag.message == (
        "people killed: the figures for places of the event (Ariha 20 + Saraqib 40 = 60) exceed "
        "its toll of 50 (Syrian Observatory for Human Rights)"
    )


def test_a_claimants_breakdown_by_town_across_reports_is_parts() -> None:
    reports = ((40, "doc-b"), (60, "doc-d"), (60, "doc-e"))
    province = [claim(v, doc=d, place=IDLIB_PROVINCE) for v, d in reports]
    towns = [at(20, SARAQIB, doc="doc-a"), at(15, ARIHA, doc="doc-a")]  # one report's breakdown
    alone = at(25, SARAQIB, doc="doc-c", claimant="civil defence", kind="medical")
    incident = one([*province, *towns, alone])
    assert {(p.where, p.source.value) for p in incident.parts} == {("Saraqib", 20), ("Ariha", 15)}
    tally = incident.tally("killed", "people")
    assert tally is not None and alone.id in tally.claim_ids  # a report of its own: a toll
    (series,) = [s for s in incident.timeline if s.claimant != "civil defence"]
    assert [p.value for p in series.points] == [40, 60, 60]


def test_a_figure_of_the_events_own_place_is_never_a_part() -> None:
    # the event is in Bucha-like Ariha; the report's province figure is wider than the event
    town = at(421, ARIHA, doc="doc-c", id="town")
    wider = claim(1000, doc="doc-c", place=IDLIB_PROVINCE)
    incident = one([at(351, ARIHA, doc="doc-a"), town, wider])
    assert incident.parts == ()
    assert town.id in incident.tally("killed", "people").claim_ids


def test_a_town_figure_of_another_report_alone_stays_a_toll() -> None:
    # one report names the town, another the province: the same event at two precisions
    town = at(12, ARIHA, doc="doc-a", claimant="civil defence", kind="medical")
    province = claim(12, doc="doc-b", place=IDLIB_PROVINCE)
    incident = one([town, province])
    assert incident.parts == ()
    assert len(incident.tally("killed", "people").sources) == 2


def test_one_days_figure_inside_a_longer_period_is_a_part() -> None:
    clashes = period(claim(40, doc="doc-c"), date(2024, 5, 5), date(2024, 5, 8))
    tuesday = on(15, date(2024, 5, 7), doc="doc-d")  # published later
    incident = one([clashes, tuesday])
    tally = incident.tally("killed", "people")
    assert tally is not None and tally.best.value == 40
    assert [p.value for p in incident.timeline[0].points] == [40]
    (part,) = incident.parts
    assert (part.scope, part.where, part.total) == ("day", "2024-05-07", clashes.id)
    assert not incident.flags  # the day's 15 is no revision of the 40


def test_a_figure_that_only_inherits_its_reports_place_or_day_is_no_part() -> None:
    province = claim(50, doc="doc-c", place=IDLIB_PROVINCE)
    town = claim(30, doc="doc-c", place=ARIHA, claimant="local doctors", kind="medical")
    clashes = period(claim(40, doc="doc-c"), date(2024, 5, 5), date(2024, 5, 8))
    day = claim(20, doc="doc-d", day=date(2024, 5, 7), claimant="civil defence", kind="medical")
    incident = one([province, town, clashes, day])
    assert incident.parts == ()


def test_a_days_figure_no_smaller_than_the_period_figure_stays_a_toll() -> None:
    # one day's attack reported at 640, beside a vaguer figure over the week
    week = period(claim((24, 99), doc="doc-a", text="dozens"), date(2024, 5, 1), date(2024, 5, 7))
    attack = on(640, date(2024, 5, 6), doc="doc-c", claimant="local doctors", kind="medical")
    incident = one([week, attack])
    assert incident.parts == ()


def test_a_projection_is_read_next_to_its_figure() -> None:
    sentence = "The toll rose to 1,300 and could rise further, officials said."
    stated = claim(1300, hedges=("projection",), sentence=sentence)
    stated = stated.with_(
        evidence=replace(
            stated.evidence, figure=(stated.evidence.start + 17, stated.evidence.start + 22)
        )
    )
    incident = one([stated])
    assert incident.projections == () and incident.tally("killed", "people") is not None


def test_the_first_days_figure_stays_in_the_series() -> None:
    monday = on(12, date(2024, 5, 5), doc="doc-a")
    since = period(claim(40, doc="doc-c", cumulative=True), date(2024, 5, 5), date(2024, 5, 8))
    incident = one([monday, since])
    assert incident.parts == ()
    assert [p.value for p in incident.timeline[0].points] == [12, 40]


# -- copies of one report ----------------------------------------------------------------------


def test_a_fingerprint_tells_copies_from_other_reports() -> None:
    copy = "Idlib market strike kills 30 (AFP) " + WIRE.replace("late into", "into") + " AFP"
    original = fingerprint(WIRE)
    assert len(original) == HASHES and all(isinstance(h, int) for h in original)
    assert original == fingerprint(WIRE.upper())  # case and punctuation set aside
    assert similarity(original, fingerprint(copy)) >= NEAR_DUPLICATE
    assert similarity(original, fingerprint(OTHER)) < 0.2
    assert fingerprint("") == () and similarity((), original) == 0.0


def test_a_report_events_fingerprint_round_trips() -> None:
    e = event("doc-a", WIRE)
    assert ReportEvent.from_dict(e.to_dict()) == e
    assert ReportEvent.from_dict({"document_id": "x"}).fingerprint == ()


def test_copy_groups_name_the_first_published_as_original() -> None:
    events = {
        "doc-b": event("doc-b", WIRE + " Posted by Site B."),
        "doc-a": event("doc-a", "Breaking: " + WIRE),
        "doc-c": event("doc-c", OTHER),
    }
    assert copy_groups(events, PUBLISHED) == {"doc-a": "doc-a", "doc-b": "doc-a"}


def test_copies_of_one_wire_report_count_once() -> None:
    events = {
        "doc-a": event("doc-a", WIRE),
        "doc-b": event("doc-b", "Syria: " + WIRE + " (Site B)"),
    }
    a = own_voice(claim(30, doc="doc-a"), "Site A")
    b = own_voice(claim(30, doc="doc-b"), "Site B")
    incident = one([a, b], events=events)
    tally = incident.tally("killed", "people")
    assert tally is not None
    (source,) = tally.sources
    assert set(source.claim_ids) == {a.id, b.id}
    assert set(source.outlets) == {"Site A", "Site B"}
    assert source.as_of == date(2024, 5, 6)  # the original's date
    assert incident.copies == (("doc-a", "doc-b"),)


def test_a_copy_republished_later_does_not_make_an_old_figure_new() -> None:
    events = {
        "doc-a": event("doc-a", WIRE),
        "doc-c": event("doc-c", OTHER),
        "doc-e": event("doc-e", WIRE + " Republished."),
    }
    original = claim(30, doc="doc-a", outlet="AFP")
    newer = claim(45, doc="doc-c", outlet="Reuters", cumulative=True)
    republished = claim(30, doc="doc-e", outlet="Site E")  # published on the 12th
    incident = one([original, newer, republished], events=events)
    tally = incident.tally("killed", "people")
    assert tally is not None and tally.best.value == 45
    assert not incident.flags
    assert [(p.value, p.outlets) for p in incident.timeline[0].points] == [
        (30, ("AFP", "Site E")),
        (45, ("Reuters",)),
    ]
    # without the fingerprints the republished copy reads as a fall from 45 to 30
    plain = one([original, newer, republished])
    assert [f.kind for f in plain.flags] == ["revision"]


def test_an_updated_copy_is_a_figure_of_its_own() -> None:
    events = {"doc-a": event("doc-a", WIRE), "doc-b": event("doc-b", WIRE + " Updated.")}
    first = claim(30, doc="doc-a")
    update = claim(34, doc="doc-b", cumulative=True)
    incident = one([first, update], events=events)
    assert [(p.value, p.as_of) for p in incident.timeline[0].points] == [
        (30, date(2024, 5, 6)),
        (34, date(2024, 5, 7)),
    ]
