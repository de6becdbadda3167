"""Victim groups of a figure: men, other, lists of kin, outcome words before the noun
(invented sentences)."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures
from warmonitor.extract.victims import group_of
from warmonitor.reconcile.tallies import GROUPS, ancestors


def _groups(sentence: str) -> list[tuple[int, str | None, str]]:
    return [(f.count.low, f.outcome, f.victims.group) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # men are their own group (civilian men), not the word "gunmen" or "policemen"
        ("The blast wounded 14 men near the well.", [(14, "injured", "men")]),
        ("Raiders shot dead five young men at the checkpoint.", [(5, "killed", "men")]),
        ("Three gunmen were killed in the raid.", [(3, "killed", "armed_group")]),
        # victims known only as unidentified or as adults
        ("Volunteers buried 11 unidentified bodies on Monday.", [(11, "killed", "other")]),
        ("Of the dead, 40 were adults, the clinic said.", [(40, "killed", "other")]),
        # women and children together are civilians
        ("The strike killed 23 women and children in the shelter.", [(23, "killed", "civilians")]),
        ("Shelling killed 9 men, women and children overnight.", [(9, "killed", "civilians")]),
        # the outcome word before the noun does not hide the group
        ("Investigators counted 75 murdered civilians in the town.", [(75, "killed", "civilians")]),
        ("The shelling left 15 dead soldiers at the post.", [(15, "killed", "security_forces")]),
        # patients may be anyone
        ("Doctors said 250 patients were wounded.", [(250, "injured", "people")]),
    ],
)  # fmt: skip
def test_victim_groups(sentence: str, expected: list[tuple[int, str | None, str]]) -> None:
    assert _groups(sentence) == expected


def test_their_men_are_left_to_the_claimant() -> None:
    # claims.py names "their men" by the claimant's kind (security sources: security forces)
    assert group_of("their men") == "people"
    assert group_of("men") == "men"


def test_men_named_by_their_community_are_civilians() -> None:
    assert group_of("Druze men") == "civilians"
    assert group_of("civilian men") == "civilians"


def test_new_groups_roll_up_to_their_parents() -> None:
    assert "men" in GROUPS and "other" in GROUPS
    assert ancestors("men") == ["civilians", "people"]
    assert ancestors("other") == ["people"]
