"""Grouping claims into incidents: place, period, outcome and wording. Pure."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile_factory import ALEPPO, ARIHA, IDLIB, IDLIB_PROVINCE, KHARKIV, MOSUL, SYRIA, claim
from warmonitor.model import Claim, Place
from warmonitor.reconcile import GroupingRules, reconcile
from warmonitor.reconcile.grouping import distance_km, group_claims, place_near

PUBLISHED = {f"doc-{d}": date(2024, 5, d) for d in range(1, 31)}


def partition(claims: list[Claim], rules: GroupingRules | None = None) -> list[set[str]]:
    groups = group_claims(claims, PUBLISHED, rules or GroupingRules())
    return sorted(({c.id for c in g} for g in groups), key=lambda g: sorted(g))


def test_reports_of_one_place_and_day_from_many_documents_are_one_incident() -> None:
    claims = [
        claim(12, doc="doc-6"),
        claim(19, doc="doc-7", outlet="AFP"),
        claim(27, doc="doc-8", outlet="BBC"),
    ]
    assert partition(claims) == [{c.id for c in claims}]


def test_nearby_places_join_and_distant_ones_do_not() -> None:
    here, near, far = claim(5, place=IDLIB), claim(6, place=ARIHA), claim(7, place=ALEPPO)
    assert distance_km(IDLIB, ARIHA) == pytest.approx(13.2, abs=1)
    assert partition([here, near, far]) == [{here.id, near.id}, {far.id}]
    tight = GroupingRules(city_km=5)
    assert partition([here, near], tight) == [{here.id}, {near.id}]


def test_a_coarse_place_joins_by_admin_area_and_country() -> None:
    city, province, country = (
        claim(5, place=IDLIB),
        claim(9, place=IDLIB_PROVINCE, doc="doc-7"),
        claim(11, place=SYRIA, doc="doc-8"),
    )
    assert partition([city, province, country]) == [{city.id, province.id, country.id}]
    assert place_near(IDLIB_PROVINCE, ALEPPO) is None  # Aleppo is not in Idlib province
    assert place_near(SYRIA, ALEPPO) == 0.0
    assert place_near(SYRIA, KHARKIV) is None


def test_a_coarse_place_does_not_stretch_an_incident() -> None:
    # the country-level claim joins Idlib's incident, but does not pull Aleppo in with it
    city, country, other = claim(5, place=IDLIB), claim(9, place=SYRIA), claim(7, place=ALEPPO)
    groups = partition([city, country, other])
    assert {other.id} in groups and len(groups) == 2


def test_different_countries_are_different_incidents() -> None:
    assert len(partition([claim(3, place=KHARKIV), claim(3, place=MOSUL)])) == 2


def test_periods_must_overlap_give_or_take_a_day() -> None:
    monday = claim(5, day=date(2024, 5, 6))
    tuesday = claim(6, day=date(2024, 5, 7), doc="doc-7")
    next_week = claim(7, day=date(2024, 5, 14), doc="doc-14")
    assert partition([monday, tuesday, next_week]) == [{monday.id, tuesday.id}, {next_week.id}]


def test_a_claim_without_a_period_is_placed_by_its_publication_date() -> None:
    dated = claim(5, day=date(2024, 5, 6), doc="doc-6")
    undated = claim(6, day=None, doc="doc-8")  # published two days later
    stale = claim(7, day=None, doc="doc-20")
    assert partition([dated, undated, stale]) == [{dated.id, undated.id}, {stale.id}]


def test_a_running_toll_reaches_back_to_its_incident() -> None:
    strike = claim(5, day=date(2024, 5, 6), doc="doc-6")
    later = claim(40, day=date(2024, 5, 12), doc="doc-12", cumulative=True)
    assert partition([strike, later]) == [{strike.id, later.id}]


def test_an_undated_report_joins_an_incident_a_running_toll_reached_back_to() -> None:
    strike = claim(12, day=date(2024, 5, 6), doc="doc-6")
    rising = claim(19, day=date(2024, 5, 6), said_on=date(2024, 5, 7), doc="doc-7",
                   cumulative=True)  # fmt: skip
    undated = claim(19, day=None, doc="doc-8", outlet="BBC")  # published on 8 May
    assert partition([strike, rising, undated]) == [{strike.id, rising.id, undated.id}]


def test_killed_and_injured_group_together_detentions_apart() -> None:
    killed, injured = claim(5), claim(20, outcome="injured")
    arrested = claim(30, outcome="detained", group="people")
    assert partition([killed, injured, arrested]) == [{killed.id, injured.id}, {arrested.id}]


def test_different_kinds_of_event_in_different_reports_are_different_incidents() -> None:
    air = claim(5, sentence="An air strike on a market killed five people.", doc="doc-6")
    bomb = claim(8, sentence="A car bomb killed eight people.", doc="doc-7")
    same_doc = claim(2, sentence="Two were shot dead as they fled.", doc="doc-6")
    plain = claim(9, sentence="The toll rose to nine.", doc="doc-8")
    groups = partition([air, bomb, same_doc, plain])
    assert groups == [{air.id, same_doc.id, plain.id}, {bomb.id}]
    assert len(partition([air, bomb], GroupingRules(wording=False))) == 1


def test_a_part_goes_with_its_total_and_a_placeless_claim_with_its_document() -> None:
    total = claim(40, place=IDLIB, doc="doc-6")
    part = claim(25, place=ALEPPO, group="civilians", part_of=total.id, doc="doc-6")
    placeless = claim(3, place=None, doc="doc-6", outcome="injured")
    alone = claim(4, place=None, doc="doc-7")
    assert partition([total, part, placeless, alone]) == [
        {total.id, part.id, placeless.id},
        {alone.id},
    ]


def test_the_grouping_does_not_depend_on_the_order_of_the_claims() -> None:
    claims = [
        claim(5, place=IDLIB, day=date(2024, 5, d), doc=f"doc-{d}") for d in (6, 7, 8, 20, 21)
    ] + [claim(3, place=ALEPPO, day=date(2024, 5, 7), doc="doc-7")]
    expected = partition(claims)
    shuffled = list(claims)
    random.Random(4).shuffle(shuffled)
    assert partition(shuffled) == expected


PLACES = [IDLIB, ARIHA, ALEPPO, IDLIB_PROVINCE, SYRIA, KHARKIV, None]


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    out: list[Claim] = []
    for _ in range(draw(st.integers(1, 25))):
        place: Place | None = draw(st.sampled_from(PLACES))
        day = draw(st.one_of(st.none(), st.integers(1, 28).map(lambda d: date(2024, 5, d))))
        total = draw(st.one_of(st.none(), st.sampled_from(out))) if out else None
        out.append(
            claim(
                draw(st.integers(0, 500)),
                place=place,
                day=day,
                doc=f"doc-{draw(st.integers(1, 28))}",
                outcome=draw(st.sampled_from(["killed", "injured", "detained"])),
                part_of=total.id if total is not None else None,
                cumulative=draw(st.booleans()),
            )
        )
    return out


@settings(max_examples=60, deadline=None)
@given(claim_sets())
def test_every_claim_belongs_to_exactly_one_incident(claims: list[Claim]) -> None:
    incidents = reconcile(claims, PUBLISHED)
    placed = [c for i in incidents for c in i.claim_ids]
    assert sorted(placed) == sorted(c.id for c in claims)
    home = {c: i.id for i in incidents for c in i.claim_ids}
    for c in claims:
        if c.part_of is not None:
            assert home[c.id] == home[c.part_of]
    assert len({i.id for i in incidents}) == len(incidents)
