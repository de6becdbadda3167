"""Figures of news reports: per-place lists, parts told apart from their total, combined dead
and wounded, statuses (hospital, critical condition, refuge), tolls foreseen or estimated."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures
from warmonitor.extract.hedges import sentence_hedges


def outcomes(sentence: str) -> list[tuple[str | None, int, int | None]]:
    return [(f.outcome, f.count.low, f.count.high) for f in find_figures(sentence)]


def test_per_place_list_shares_the_outcome() -> None:
    sentence = (
        "Medics said 120 people were killed in Northtown, 40 in Eastfield, 35 in Lakeside "
        "including 9 women and 12 children, 20 at the Central Hospital and 15 in Westbury."
    )
    figures = find_figures(sentence)
    assert [(f.outcome, f.count.low) for f in figures] == [
        ("killed", 120),
        ("killed", 40),
        ("killed", 35),
        ("killed", 9),
        ("killed", 12),
        ("killed", 20),
        ("killed", 15),
    ]
    assert [f.part_of for f in figures] == [None, None, None, 2, 2, None, None]


def test_per_place_list_after_an_object() -> None:
    assert outcomes("The shelling killed 14 people in Oldport and 6 in Newport.") == [
        ("killed", 14, 14),
        ("killed", 6, 6),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Five soldiers were killed in Kabul, 30 in 2019 alone.",
        "Nine people were killed in Riverton, 40 houses burned.",
        "Two people died in Hillside, three more were wounded.",
    ],
)
def test_not_a_place_list(sentence: str) -> None:
    assert outcomes(sentence)[1:2] != [("killed", 30, 30)]
    assert ("killed", 40, 40) not in outcomes(sentence)
    assert ("killed", 3, 3) not in outcomes(sentence)


def test_dashed_parts_of_a_total() -> None:
    figures = find_figures(
        "In all, 80 people – 31 men, 22 children and six women – were taken to hospital."
    )
    assert [(f.outcome, f.count.low, f.part_of) for f in figures] == [
        ("injured", 80, None),
        ("injured", 31, 0),
        ("injured", 22, 0),
        ("injured", 6, 0),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Among those killed in the raid were four children, the mayor said.",
         [("killed", 4, 4)]),
        ("Among the dead were also 11 children, the prosecutor said.", [("killed", 11, 11)]),
        ("Some 19 children and 14 women were among the known victims.",
         [("killed", 19, 19), ("killed", 14, 14)]),
        ("Three teachers were among the wounded.", [("injured", 3, 3)]),
    ],
)  # fmt: skip
def test_among_the_dead(sentence: str, expected: list[tuple[str, int, int]]) -> None:
    figures = find_figures(sentence)
    assert [(f.outcome, f.count.low, f.count.high) for f in figures] == expected
    assert all(f.part_of_previous for f in figures)


def test_amongst_them_parts() -> None:
    figures = find_figures("The raid claimed the lives of 70 people, amongst them 25 children.")
    assert [(f.outcome, f.count.low, f.part_of) for f in figures] == [
        ("killed", 70, None),
        ("killed", 25, 0),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said there were 300 dead and wounded in total.",
        "The shelling caused several dozen dead and wounded, the monitor said.",
        "Officials counted 45 killed or injured.",
    ],
)
def test_dead_and_wounded_together_is_no_killed_figure(sentence: str) -> None:
    assert [o for o, _, _ in outcomes(sentence)] == []


def test_killed_and_wounded_apart_stay_figures() -> None:
    assert outcomes("Five people were killed and 12 wounded.") == [
        ("killed", 5, 5),
        ("injured", 12, 12),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nineteen people are said to be in critical condition.", [("injured", 19, 19)]),
        ("Eleven passengers were taken to hospital.", [("injured", 11, 11)]),
        ("Officials said 314 residents are currently considered missing.",
         [("missing", 314, 314)]),
        ("At least 3,000 people have taken refuge in the school.", [("displaced", 3000, None)]),
        ("The strikes have killed thousands and made more than a million homeless.",
         [("killed", 2000, 9999), ("displaced", 1_000_001, None)]),
        ("That death toll could be as high as 900 people, the spokesman said.",
         [("killed", 900, 900)]),
        ("The attack may have killed closer to 400 people.", [("killed", 400, 400)]),
        ("More than 70 people, including 21 children younger than 10, were killed.",
         [("killed", 71, None), ("killed", 21, 21)]),
        ("She said around 2,50,000 people were displaced by the floods of war.",
         [("displaced", 250_000, 250_000)]),
    ],
)  # fmt: skip
def test_news_constructions(sentence: str, expected: list[tuple[str, int, int | None]]) -> None:
    assert outcomes(sentence) == expected


def test_projection_and_estimate_hedges() -> None:
    sentence = "The toll could exceed 1,000, the agency warned."
    assert outcomes(sentence) == [("killed", 1000, 1000)]
    assert "projection" in sentence_hedges(sentence)
    assert "projection" in sentence_hedges("The death toll is expected to rise to 50.")
    assert "estimate" in sentence_hedges("An estimated 300 people were killed.")
    assert "projection" not in sentence_hedges("Thirty people were killed on Monday.")
