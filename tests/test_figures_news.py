"""Figures in news wording: a count far from its toll, symptoms, age phrases, denials, bodies
and victims (invented sentences)."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures


def _figures(sentence: str) -> list[tuple[str | None, int, int | None]]:
    return [(f.outcome, f.mention.count.low, f.mention.count.high) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a range with a double prime as its closing quote
        ("The office claimed “two hundred to 300″ people were killed.", [("killed", 200, 300)]),
        # a toll read at one end of a range
        (
            "A briefing said the toll from the raid was “likely at the upper end of the 50 "
            "to 150 range,” officials said.",
            [("killed", 50, 150)],
        ),
        (
            "Analysts estimated the death toll to be within the range of 40 to 90 people.",
            [("killed", 40, 90)],
        ),
        # patients with the symptoms of an attack are its injured
        (
            "Clinics said they received about 2,000 patients displaying neurotoxic symptoms "
            "within hours.",
            [("injured", 2000, 2000)],
        ),
        (
            "Doctors treated 60 people with symptoms of poisoning after the shelling.",
            [("injured", 60, 60)],
        ),
        # an age phrase closes the first of two conjuncts
        (
            "Monitors counted more than 20 children under the age of 12 and over 40 adults killed.",
            [("killed", 21, None), ("killed", 41, None)],
        ),
        (
            "Six children under 5 and three adults were wounded.",
            [("injured", 6, 6), ("injured", 3, 3)],
        ),
        # the object of a finding: the participle describes it
        ("Police found 312 murdered civilians in the town.", [("killed", 312, 312)]),
        # bodies of the dead, victims of an attack
        (
            "Rescuers pulled out 30 bodies of the dead from under the rubble.",
            [("killed", 30, 30)],
        ),
        (
            "The service reported 31 victims of a missile strike on the town hall.",
            [("killed", 31, 31)],
        ),
        ("The bodies of 40 men were found near the road.", [("killed", 40, 40)]),
    ],
)
def test_news_wording(sentence: str, expected: list[tuple[str, int, int | None]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "There are not 100 or 400 dead, but rather a few dozen, a source said.",
        "Gunmen killed 12 soldiers.",
    ],
)
def test_denied_figure_and_active_subject(sentence: str) -> None:
    found = _figures(sentence)
    if "Gunmen" in sentence:
        assert found == [("killed", 12, 12)]
    else:
        assert found == []


def test_qualifier_with_not_is_kept() -> None:
    assert _figures("Not more than 12 people were killed.") == [("killed", 12, 12)]


def test_victims_without_an_attack_are_no_toll() -> None:
    assert _figures("Hundreds of victims are still waiting for news.") == []
