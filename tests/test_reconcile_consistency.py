"""Consistency: parts against totals, subsets against sets, claimants that disagree, figures
revised down; and the words of the flags. Pure: claims built by hand."""

from __future__ import annotations

from datetime import date

import pytest

from reconcile_factory import claim
from warmonitor.model import Claim, Count
from warmonitor.reconcile import Check, Incident, reconcile
from warmonitor.reconcile.wording import event_kinds, figure_text, is_vague, possessive, says

PUBLISHED = {"doc-a": date(2024, 5, 7), "doc-b": date(2024, 5, 8), "doc-c": date(2024, 5, 9)}


def one(claims: list[Claim]) -> Incident:
    (incident,) = reconcile(claims, PUBLISHED)
    return incident


def checks(incident: Incident, kind: str) -> list[Check]:
    return [c for c in incident.checks if c.kind == kind]


def test_a_total_whose_parts_add_up() -> None:
    total = claim(40, claimant="regional governor", kind="government")
    parts = [
        claim(25, group="civilians", claimant="regional governor", part_of=total.id),
        claim(15, group="security_forces", claimant="regional governor", part_of=total.id),
    ]
    (check,) = checks(one([total, *parts]), "parts")
    assert check.ok
    assert check.message == (
        "people killed: the parts regional governor gives (25 + 15 = 40) are consistent "
        "with its total of 40"
    )
    assert check.claim_ids == (total.id, parts[0].id, parts[1].id)
    assert dict(check.detail)["parts_sum"] == 40


def test_a_total_whose_parts_do_not_add_up_is_flagged() -> None:
    total = claim(18, claimant="police", kind="military")
    parts = [
        claim(12, group="security_forces", claimant="police", part_of=total.id),
        claim(9, group="civilians", claimant="police", part_of=total.id),
    ]
    incident = one([total, *parts])
    (flag,) = incident.flags
    assert flag.kind == "parts" and not flag.ok
    assert (
        flag.message == "people killed: the parts police gives (12 + 9 = 21) exceed its total of 18"
    )


def test_parts_short_of_the_total_pass_and_say_what_is_not_broken_down() -> None:
    total = claim(30)
    part = claim(10, group="children", part_of=total.id)
    (check,) = checks(one([total, part]), "parts")
    assert check.ok and "account for 10 of 30; 20 not broken down" in check.message


def test_parts_against_an_open_total_the_founding_example() -> None:
    total = claim((1001, None), text="More than 1,000", stated=1000, hedges=("unverified",))
    parts = [
        claim(745, group="civilians", part_of=total.id),
        claim(125, group="security_forces", part_of=total.id),
        claim(148, group="armed_group", part_of=total.id),
    ]
    (check,) = checks(one([total, *parts]), "parts")
    assert check.ok
    assert "(745 + 125 + 148 = 1,018) are consistent with its total of more than 1,000" in (
        check.message
    )
    assert dict(check.detail) == {"parts_sum": 1018, "total": 1000, "total_text": "more than 1,000"}


def test_a_part_inside_another_part_is_not_added_twice() -> None:
    total = claim(30)
    parts = [
        claim(20, group="civilians", part_of=total.id),
        claim(12, group="children", part_of=total.id),  # 12 of the 20 civilians
        claim(10, group="security_forces", part_of=total.id),
    ]
    (check,) = checks(one([total, *parts]), "parts")
    assert check.ok and dict(check.detail)["parts_sum"] == 30


def test_a_claimant_whose_children_outnumber_its_civilians_is_flagged() -> None:
    incident = one([claim(30, group="civilians"), claim(40, group="children")])
    (flag,) = incident.flags
    assert flag.kind == "subset"
    assert flag.message == (
        "children killed: Syrian Observatory for Human Rights says 40, more than its own 30 "
        "civilians"
    )


def test_children_beyond_every_count_of_civilians_are_flagged_across_claimants() -> None:
    incident = one(
        [
            claim(30, group="civilians", claimant="Idlib health directorate", kind="medical"),
            claim(40, group="children", claimant="UNICEF", kind="international"),
        ]
    )
    (flag,) = incident.flags
    assert flag.kind == "subset"
    assert flag.message.startswith("children killed: at least 40 (UNICEF), more than the highest")


def test_a_subset_within_an_open_set_is_fine() -> None:
    incident = one([claim((30, None), group="civilians"), claim(40, group="children")])
    assert not incident.flags


def test_the_founding_conflict_reads_as_a_sentence() -> None:
    incident = one(
        [
            claim(125, group="security_forces"),
            claim(
                (200, None),
                group="security_forces",
                claimant="Syrian security sources",
                kind="military",
                text="at least two hundred",
            ),
        ]
    )
    (flag,) = incident.flags
    assert flag.message == (
        "security forces killed: Syrian Observatory for Human Rights says 125, "
        "Syrian security sources say at least 200"
    )
    assert dict(flag.detail)["figures"][1] == {
        "claimant": "Syrian security sources",
        "value": 200,
        "text": "at least 200",
    }


@pytest.mark.parametrize(
    ("other", "conflict"),
    [
        (claim(53, claimant="UN"), False),  # "about 50" reaches 55
        (claim(60, claimant="UN"), True),
        (claim((40, None), claimant="UN"), False),  # at least 40 admits 50
        (claim((24, 99), claimant="UN", text="dozens"), False),  # vague: no upper bound
        (claim((45, 49), claimant="UN", text="45 to 49"), False),
    ],
)
def test_intervals_that_overlap_do_not_conflict(other: Claim, conflict: bool) -> None:
    about = claim(50, text="about 50", approximate=True)
    incident = one([about, other])
    assert bool(checks(incident, "conflict")) is conflict


def test_a_figure_revised_down_is_flagged() -> None:
    incident = one([claim(60, doc="doc-a"), claim(45, doc="doc-c")])
    (flag,) = incident.flags
    assert flag.kind == "revision"
    assert flag.message == (
        "people killed: Syrian Observatory for Human Rights revised its toll down from 60 to 45 "
        "on 2024-05-09 (60 as of 2024-05-07)"
    )


def test_a_consistent_incident_has_no_flags() -> None:
    incident = one([claim(10, doc="doc-a"), claim(12, doc="doc-b")])
    assert incident.flags == ()


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (Count(125, 125, "125"), "125"),
        (Count(200, None, "at least two hundred"), "at least 200"),
        (Count(1001, None, "More than 1,000", stated=1000), "more than 1,000"),
        (Count(50, 50, "about 50", approximate=True), "about 50"),
        (Count(24, 99, "dozens"), "dozens"),
        (Count(10, 15, "10 to 15"), "10 to 15"),
    ],
)
def test_figure_text(count: Count, text: str) -> None:
    assert figure_text(count) == text


def test_words() -> None:
    assert is_vague(Count(200, 999, "hundreds")) and not is_vague(Count(200, 200, "two hundred"))
    assert says("Syrian security sources") == "Syrian security sources say"
    assert says("Reuters") == "Reuters says"
    assert possessive("SOHR") == "SOHR's" and possessive("Médecins Sans Frontières") == (
        "Médecins Sans Frontières'"
    )
    assert event_kinds("An air raid on the town") == {"air"}
    assert event_kinds("Clashes and shelling") == {"ground", "shelling"}
    assert event_kinds("The toll rose to 19") == frozenset()
