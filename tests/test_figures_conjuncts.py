"""Coordinated victims sharing one trigger, and singular subjects of death verbs."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures


def killed(sentence: str) -> list[tuple[int, str]]:
    """The killed figures of a sentence: (value, words) each."""
    return [
        (f.count.low, f.mention.count.text)
        for f in find_figures(sentence)
        if f.outcome == "killed" and f.part_of is None
    ]


def total(sentence: str) -> int:
    return sum(value for value, _ in killed(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # object side: the conjuncts after a killing verb's object
        ("Bandits killed a trader and his apprentice near the bridge.", 2),
        ("Raiders shot dead a 40-year-old farmer and another farmer at dusk.", 2),
        ("The blast killed the mayor of the town and one of his aides.", 2),
        ("Soldiers killed one militia 'Colonel' and three of his deputies.", 4),
        ("The strike killed a nurse, her husband and four children.", 6),
        ("Gunmen killed a village chief, Musa Ado along with his son on Friday.", 2),
        ("Rebels killed eight people in Alpha and 5 in Beta on Monday.", 13),
        # subject side: every conjunct of the subject
        ("2 former clerks and their 3 daughters were shot and killed in their home.", 5),
        ("A senior judge and his bodyguard have been gunned down in the capital.", 2),
        ("The governor of the district [in the far north] and his driver were killed.", 2),
        ("Two boys, a woman and an old man were killed when the shell hit.", 4),
        ("12 ZX rebels and 6 QL militiamen were killed in the fighting.", 18),
        ("The clash led to the death of 2 Rangers-Alpha/North and 4 Omega/Bis.", 6),
    ],
)
def test_coordinated_victims_share_the_trigger(sentence: str, expected: int) -> None:
    assert total(sentence) == expected


def test_a_list_must_end_in_and() -> None:
    # "a police officer" is the speaker, not a second victim
    assert total("Gunmen killed a shopkeeper, a police officer said on Monday.") == 1


def test_a_new_clause_is_no_conjunct() -> None:
    figures = find_figures("Gunmen killed two guards and a cook was wounded.")
    assert [(f.mention.count.text, f.outcome) for f in figures] == [
        ("two", "killed"),
        ("a cook", "injured"),
    ]


def test_an_apposition_after_a_name_is_the_same_person() -> None:
    assert total("They shot dead Ali Musa, a retired teacher, and his grandson at home.") == 2


def test_the_attacker_is_no_victim() -> None:
    assert total("Nine shoppers and a suicide bomber were killed in the market.") == 9


def test_a_clause_before_the_and_is_no_conjunct() -> None:
    assert total("Over 20 huts burned to ashes, and at least 14 herders were killed.") == 14


@pytest.mark.parametrize(
    "sentence",
    [
        "A trader from the river port died under torture in the city jail.",
        "A member of the village guard died and three others were wounded.",
        "A young herder, detained for trespassing, died in police custody.",
        "A member of the council was taken from his home and later found dead.",
        "An old man's body was found by the road, killed by unknown gunmen.",
        "He died later from his wounds.",
        "Troops dispersed the crowd, killing at least one of them with live rounds.",
        "The raid also killed one of the commander's guards.",
        "The head of 40 families was shot dead on his way home.",
        "In the market a man was shot three times and killed by two gunmen.",
    ],
)
def test_one_person_died(sentence: str) -> None:
    assert total(sentence) == 1


def test_counted_subject_with_a_part_before_died() -> None:
    assert killed("Four villagers including a small boy died on the spot.") == [(4, "Four")]


def test_a_counted_subject_shares_a_later_participle() -> None:
    assert total("Seven farmers were tied up and killed by the militia.") == 7


def test_an_old_death_is_no_new_victim() -> None:
    assert total("The bomb killed 12 on the anniversary of the death of one of their saints.") == 12
