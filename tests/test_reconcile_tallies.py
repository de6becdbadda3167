"""Tallies: supersession of rising tolls, independence by claimant, the three policies, and
every number traceable to its claims. Pure: claims built by hand, no store, no model."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from reconcile_factory import claim
from warmonitor.errors import ConfigurationError
from warmonitor.model import Claim
from warmonitor.reconcile import Incident, reconcile

MAY = {f"doc-{d}": date(2024, 5, d) for d in range(1, 31)}


def one(claims: list[Claim], **options: Any) -> Incident:
    incidents = reconcile(claims, MAY, **options)
    assert len(incidents) == 1, [i.label for i in incidents]
    return incidents[0]


def test_a_toll_rising_over_days_from_one_monitor_keeps_the_latest_figure() -> None:
    first = claim((12, None), doc="doc-6", text="at least 12")
    second = claim(19, doc="doc-7", said_on=date(2024, 5, 7), outlet="AFP", cumulative=True)
    third = claim(27, doc="doc-8", said_on=date(2024, 5, 8), outlet="Al Jazeera", cumulative=True)
    incident = one([third, first, second])
    tally = incident.tally("killed", "people")
    assert tally is not None
    assert (tally.low.value, tally.best.value, tally.high.value) == (27, 27, 27)
    (source,) = tally.sources
    assert source.claim_ids == (third.id,)
    assert source.superseded == (first.id, second.id)
    assert source.as_of == date(2024, 5, 8)
    assert tally.best.claim_ids == (third.id,)
    assert set(tally.claim_ids) == {first.id, second.id, third.id}
    (series,) = incident.timeline
    assert [p.value for p in series.points] == [12, 19, 27]
    assert "rose from at least 12 to 27" in series.summary


def test_as_of_is_the_statement_date_before_the_publication_date() -> None:
    # published on the 9th, but quoting what the monitor said on the 6th
    old_quote = claim(12, doc="doc-9", said_on=date(2024, 5, 6))
    newer = claim(19, doc="doc-8")  # published on the 8th, no statement date
    tally = one([old_quote, newer]).tally("killed", "people")
    assert tally is not None and tally.best.value == 19
    assert tally.sources[0].superseded == (old_quote.id,)


def test_on_the_same_day_the_higher_figure_is_the_later() -> None:
    low = claim(30, doc="doc-8", outlet="AFP")
    high = claim(34, doc="doc-8", outlet="AFP")
    tally = one([high, low]).tally("killed", "people")
    assert tally is not None and tally.best.value == 34


def test_one_monitor_repeated_by_three_outlets_is_one_source_not_three() -> None:
    repeats = [
        claim(27, doc=f"doc-{8 + i}", outlet=outlet)
        for i, outlet in enumerate(("Al Jazeera", "Associated Press", "BBC"))
    ]
    tally = one(repeats).tally("killed", "people")
    assert tally is not None
    (source,) = tally.sources
    assert source.claim_ids == tuple(c.id for c in reversed(repeats))  # newest first
    assert source.outlets == ("BBC", "Associated Press", "Al Jazeera")
    assert source.superseded == ()
    assert set(tally.best.claim_ids) == {c.id for c in repeats}
    assert tally.best.claimants == ("Syrian Observatory for Human Rights",)


def test_independence_is_by_claimant_not_outlet() -> None:
    same_outlet = [
        claim(27, claimant="Syrian Observatory for Human Rights"),
        claim(27, claimant="Idlib health directorate", kind="medical"),
        claim(27, claimant="White Helmets", kind="medical"),
    ]
    tally = one(same_outlet).tally("killed", "people")
    assert tally is not None and len(tally.sources) == 3


def test_an_acronym_and_its_name_are_one_claimant() -> None:
    named = claim(20, doc="doc-6")
    short = claim(20, doc="doc-7", claimant="SOHR")
    tally = one([named, short]).tally("killed", "people")
    assert tally is not None
    assert [s.claimant for s in tally.sources] == ["Syrian Observatory for Human Rights"]


def two_monitors() -> list[Claim]:
    return [
        claim(27, doc="doc-8"),
        claim((40, None), doc="doc-9", claimant="Syrian Network for Human Rights"),
    ]


def test_two_monitors_disagreeing_give_low_high_and_a_flag() -> None:
    incident = one(two_monitors())
    tally = incident.tally("killed", "people")
    assert tally is not None
    assert (tally.low.value, tally.best.value, tally.high.value) == (27, 27, 40)
    assert tally.high.open and tally.high.text == "at least 40"
    assert tally.low.claimants == ("Syrian Observatory for Human Rights",)
    assert tally.high.claimants == ("Syrian Network for Human Rights",)
    (flag,) = incident.flags
    assert flag.kind == "conflict"
    assert flag.message == (
        "people killed: Syrian Observatory for Human Rights says 27, "
        "Syrian Network for Human Rights says at least 40"
    )


@pytest.mark.parametrize(
    ("policy", "best", "by"),
    [
        ("conservative", 27, "Reuters"),
        ("median", 33, "Idlib health directorate"),
        ("ranked", 33, "Idlib health directorate"),
    ],
)
def test_policies_choose_best(policy: str, best: int, by: str) -> None:
    claims = [
        claim(27, doc="doc-8", kind="media", claimant="Reuters"),
        claim(33, doc="doc-8", kind="medical", claimant="Idlib health directorate"),
        claim(50, doc="doc-8", kind="armed_group", claimant="Hayat Tahrir al-Sham"),
    ]
    tally = one(claims, policy=policy).tally("killed", "people")
    assert tally is not None
    assert (tally.low.value, tally.best.value, tally.high.value) == (27, best, 50)
    assert tally.best.claimants == (by,)
    assert tally.policy == policy


def test_median_of_two_is_the_lower_figure_never_an_average() -> None:
    tally = one(two_monitors(), policy="median").tally("killed", "people")
    assert tally is not None and tally.best.value == 27


def test_ranking_is_configurable_by_kind_or_by_name() -> None:
    claims = [
        claim(125, claimant="Syrian Observatory for Human Rights", group="security_forces"),
        claim(
            (200, None),
            claimant="Syrian security sources",
            kind="military",
            group="security_forces",
        ),
    ]
    default = one(claims, policy="ranked").tally("killed", "security_forces")
    by_kind = one(claims, policy="ranked", ranking=("military", "monitor"))
    by_name = one(claims, policy="ranked", ranking=("Syrian security sources",))
    assert default is not None and default.best.value == 125
    assert by_kind.tallies[0].best.value == 200
    assert by_name.tallies[0].best.value == 200


def test_an_unknown_policy_names_the_choices() -> None:
    with pytest.raises(ConfigurationError, match="conservative, median, ranked"):
        reconcile([claim(3)], MAY, policy="average")


def test_vague_words_count_only_when_no_claimant_gives_a_number() -> None:
    number = claim(745, group="civilians")
    dozens = claim(
        (24, 99), group="civilians", claimant="authorities", kind="government", text="dozens"
    )
    tally = one([number, dozens]).tally("killed", "civilians")
    assert tally is not None
    assert (tally.low.value, tally.best.value, tally.high.value) == (745, 745, 745)
    assert [(s.claimant, s.used, s.vague) for s in tally.sources] == [
        ("Syrian Observatory for Human Rights", True, False),
        ("authorities", False, True),
    ]
    alone = one([claim((24, 99), text="dozens")]).tally("killed", "people")
    assert alone is not None
    assert (alone.low.value, alone.best.value, alone.high.value) == (24, 24, 99)
    assert alone.best.text == "dozens"


def test_totals_take_the_larger_of_all_victims_and_the_groups() -> None:
    total = claim((1001, None), text="More than 1,000", stated=1000)
    parts = [
        claim(745, group="civilians", part_of=total.id),
        claim(125, group="security_forces", part_of=total.id),
        claim(148, group="armed_group", part_of=total.id),
        claim(40, group="children"),  # inside the civilians: not added again
    ]
    incident = one([total, *parts])
    killed = incident.total("killed")
    assert killed is not None
    assert (killed.low, killed.best, killed.basis) == (1018, 1018, "groups")
    assert dict(killed.by_group) == {"civilians": 745, "security_forces": 125, "armed_group": 148}
    people = incident.tally("killed", "people")
    assert people is not None and people.best.text == "more than 1,000"
    assert people.best.value == 1000


def test_parts_carry_the_hedges_of_their_total() -> None:
    total = claim(50, hedges=("unverified",))
    part = claim(20, group="civilians", part_of=total.id)
    incident = one([total, part])
    civilians = incident.tally("killed", "civilians")
    assert civilians is not None and civilians.best.hedges == ("unverified",)
    assert incident.hedges == {"Syrian Observatory for Human Rights": ("unverified",)}


def test_outcomes_and_groups_are_tallied_apart() -> None:
    incident = one([claim(10), claim(30, outcome="injured"), claim(4, group="children")])
    assert [(t.outcome, t.group) for t in incident.tallies] == [
        ("killed", "people"),
        ("killed", "children"),
        ("injured", "people"),
    ]
    assert [t.outcome for t in incident.totals] == ["killed", "injured"]


def test_every_number_carries_the_ids_of_its_claims() -> None:
    incident = one([*two_monitors(), claim(12, doc="doc-6", outlet="AFP")])
    known = set(incident.claim_ids)
    for tally in incident.tallies:
        for estimate in (tally.low, tally.best, tally.high):
            assert estimate.claim_ids and set(estimate.claim_ids) <= known
    for total in incident.totals:
        assert total.claim_ids and set(total.claim_ids) <= known
    data = incident.to_dict()
    assert data["tallies"][0]["best"]["claims"] == list(incident.tallies[0].best.claim_ids)


def test_vague_words_that_restate_a_number_do_not_replace_it() -> None:
    exact = claim(98, outcome="injured", doc="a", said_on=date(2024, 5, 6))
    dozens = claim((24, 99), outcome="injured", text="dozens", doc="b", said_on=date(2024, 5, 7))
    (incident,) = reconcile([exact, dozens], {"a": date(2024, 5, 6), "b": date(2024, 5, 7)})
    tally = incident.tally("injured", "people")
    assert tally is not None and tally.best.value == 98
    more = claim((200, 999), outcome="injured", text="hundreds", doc="c", said_on=date(2024, 5, 8))
    (later,) = reconcile([exact, dozens, more], {"a": None, "b": None, "c": None})
    (source,) = [s for s in later.tally("injured", "people").sources]  # type: ignore[union-attr]
    assert source.count.text == "hundreds"


def test_a_figure_its_report_marks_as_earlier_never_replaces_the_current_one() -> None:
    # published on the 9th, recalling the monitor's first figure without a date
    first = claim(40, doc="doc-9").with_(earlier=True)
    current = claim(33, doc="doc-8", said_on=date(2024, 5, 8))
    tally = one([first, current]).tally("killed", "people")
    assert tally is not None and tally.best.value == 33
    (source,) = tally.sources
    assert source.superseded == (first.id,)
    assert source.as_of == date(2024, 5, 8)
