"""Injured figures and the mis-bindings around them: singular and elliptical victims, parts,
things and other predicates that are no casualties, ages and qualifying counts."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures


def summary(sentence: str) -> list[tuple[str, str | None, int]]:
    return [(f.victims.text, f.outcome, f.count.low) for f in find_figures(sentence)]


def outcomes(sentence: str) -> list[tuple[str | None, int]]:
    return [(f.outcome, f.count.low) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two guards were shot dead and another was injured in the raid.",
         [("killed", 2), ("injured", 1)]),
        ("A clerk was killed and another villager badly wounded on the road.",
         [("killed", 1), ("injured", 1)]),
        ("A medic was killed and her colleague wounded.", [("killed", 1), ("injured", 1)]),
        ("One driver was killed as well and another wounded.",
         [("killed", 1), ("injured", 1)]),
        ("A farmer was>killed and another man seriously hurt.",
         [("killed", 1), ("injured", 1)]),
    ],
)  # fmt: skip
def test_elliptical_and_another_subjects(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert outcomes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The raiders killed four herders and wounded a fifth.",
         [("killed", 4), ("injured", 1)]),
        ("The sniper killed him and injured another man who is in hospital.",
         [("killed", 1), ("injured", 1)]),
        ("They killed one guard and wounded another.", [("killed", 1), ("injured", 1)]),
    ],
)  # fmt: skip
def test_singular_objects(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert outcomes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 11 people died while seven others sustained various degrees of injury.",
         [("killed", 11), ("injured", 7)]),
        ("The riot left about 25 persons with varying degrees of injuries.", [("injured", 25)]),
        ("The raid killed eight people and five people sustained heavy and light injuries.",
         [("killed", 8), ("injured", 5)]),
        ("Three passers-by, both of them traders, were severely wounded.", [("injured", 3)]),
        ("Blast kills 12 and wounds more than 40 people.", [("killed", 12), ("injured", 41)]),
        ("Mortar fire injures 9 at a market.", [("injured", 9)]),
    ],
)  # fmt: skip
def test_injury_phrases(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert outcomes(sentence) == expected


def test_bodies_with_wounds_are_not_injured() -> None:
    assert outcomes("The bodies of four men were found with stab wounds.") == [("killed", 4)]


def test_singular_before_and_is_not_shared_across_a_clause() -> None:
    assert summary("A nurse was killed and six others wounded.") == [
        ("A nurse", "killed", 1),
        ("others", "injured", 6),
    ]


def test_name_in_apposition_before_and() -> None:
    assert outcomes("The judge Jane Roe and her driver was shot dead.") == [
        ("killed", 1),
        ("killed", 1),
    ]


def test_bare_comma_is_no_coordination_of_two_clauses() -> None:
    figs = find_figures(
        "The strike killed a village chief as well as five of his guards, four civilians "
        "were also wounded."
    )
    assert [(f.outcome, f.count.low) for f in figs] == [
        ("killed", 1),
        ("killed", 5),
        ("injured", 4),
    ]


def test_comma_list_before_and_is_still_coordinated() -> None:
    assert outcomes("Three soldiers, two civilians and four children were killed.") == [
        ("killed", 3),
        ("killed", 2),
        ("killed", 4),
    ]


def test_things_and_other_predicates_are_no_casualties() -> None:
    assert outcomes("About four persons were killed, nine houses burnt and six persons hurt.") == [
        ("killed", 4),
        ("injured", 6),
    ]
    assert outcomes("Five people were killed, about a dozen women raped.") == [("killed", 5)]


def test_status_then_killing_of_others() -> None:
    assert outcomes("Gunmen abducted at least 40 men and boys and killed 12 people.") == [
        ("kidnapped", 40),
        ("killed", 12),
    ]


def test_part_after_a_comma() -> None:
    figs = find_figures("Seven people, three of them children, were killed.")
    assert [(f.outcome, f.count.low, f.part_of) for f in figs] == [
        ("killed", 7, None),
        ("killed", 3, 0),
    ]


def test_apposed_parts_that_add_up() -> None:
    figs = find_figures("Five people, two Kenyans and three Ugandans, were killed.")
    assert [(f.count.low, f.part_of) for f in figs] == [(5, None), (2, 0), (3, 0)]


def test_apposed_list_that_does_not_add_up_is_no_parts() -> None:
    figs = find_figures("Five people, two Kenyans and six Ugandans, were killed.")
    assert all(f.part_of is None for f in figs)


def test_age_after_a_name_is_no_count() -> None:
    assert outcomes("Gunmen killed Mr Sam Roe, 52, a former mayor.") == [("killed", 1)]


def test_count_qualifying_the_victims() -> None:
    assert outcomes("Twenty-two tourists of six different nationalities were killed.") == [
        ("killed", 22)
    ]
    assert outcomes("Nine men from two villages were killed.") == [("killed", 9)]


def test_beat_object_to_death() -> None:
    assert outcomes("A crowd beat a suspected robber to death.") == [("killed", 1)]
    assert outcomes("Villagers stoned two alleged witches to death.") == [("killed", 2)]


def test_near_deaths_are_no_deaths() -> None:
    assert outcomes("The blast almost killed him.") == []
    assert outcomes("The shell nearly killed the governor.") == []


def test_injured_subject_chain() -> None:
    assert outcomes("A father was killed while his wife and two sons were injured.") == [
        ("killed", 1),
        ("injured", 1),
        ("injured", 2),
    ]


def test_qualifier_word_before_a_time_phrase_is_no_object() -> None:
    assert outcomes(
        "The shelling has killed at least 20 people and 45 wounded over the past week."
    ) == [
        ("killed", 20),
        ("injured", 45),
    ]


def test_number_of_injured_reaches_a_figure() -> None:
    figs = find_figures(
        "The number of people injured in the riots has risen to 57, officials said."
    )
    assert [(f.outcome, f.count.low, f.cumulative) for f in figs] == [("injured", 57, True)]


def test_elliptical_ordinal_subject() -> None:
    assert outcomes("Four people were killed on Monday and a fifth injured by the gunmen.") == [
        ("killed", 4),
        ("injured", 1),
    ]


def test_time_word_after_a_participle_is_no_object() -> None:
    assert outcomes("Six people were killed and nine injured overnight in the raids.") == [
        ("killed", 6),
        ("injured", 9),
    ]


def test_part_of_whom_after_a_comma() -> None:
    figs = find_figures("Twenty people were wounded in the blast, five of whom were police.")
    assert [(f.count.low, f.part_of) for f in figs] == [(20, None), (5, 0)]


def test_present_tense_wounds_after_a_comma() -> None:
    assert outcomes("Car bomb kills 9 people, wounds 27.") == [("killed", 9), ("injured", 27)]


def test_another_at_the_start_of_a_sentence() -> None:
    assert outcomes("Another woman was injured.") == [("injured", 1)]


def test_singular_subject_of_sustained_injuries() -> None:
    assert outcomes("A village head was killed while his guard sustained injuries.") == [
        ("killed", 1),
        ("injured", 1),
    ]


def test_compound_person_nouns() -> None:
    figs = find_figures("Rebels killed a deputy district governor and another state official.")
    assert [f.victims.text for f in figs] == [
        "a deputy district governor",
        "another state official",
    ]


def test_count_of_groups_inside_a_subject() -> None:
    assert outcomes(
        "Nine young men suspected of being members from two rival groups were killed."
    ) == [("killed", 9)]


def test_possessive_name_starts_a_conjunct() -> None:
    assert outcomes("Omar's personal driver and a visitor were badly wounded.") == [
        ("injured", 1),
        ("injured", 1),
    ]


def test_crucified_is_a_killing() -> None:
    assert outcomes("The group executed and crucified seven men in the square.") == [("killed", 7)]


def test_killing_verb_wins_over_the_status_of_its_object() -> None:
    assert outcomes("Gunmen executed 12 farmers who had been kidnapped last week.") == [
        ("killed", 12)
    ]
    assert outcomes("Militants killed four captured soldiers.") == [("killed", 4)]
    assert outcomes("Police arrested 9 men and the attack killed 2 people.") == [
        ("detained", 9),
        ("killed", 2),
    ]


def test_relative_status_then_main_clause_killing() -> None:
    assert outcomes("Four guards who were abducted last month have been killed.") == [
        ("killed", 4),
        ("kidnapped", 4),
    ]
    assert outcomes("Two clerks from the town who were kidnapped were found dead.") == [
        ("killed", 2),
        ("kidnapped", 2),
    ]
    assert outcomes("Ten men who were arrested on Monday were released.") == [("detained", 10)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Raiders killed nine herders, and eight others are admitted to the county hospital "
         "with serious injuries.", [("killed", 9), ("injured", 8)]),
        ("Bandits killed four traders while 12 others sustained varying degrees of "
         "gun-shot wounds.", [("killed", 4), ("injured", 12)]),
        ("A drone strike killed 6 farmers and wounded at least another 14 near the well.",
         [("killed", 6), ("injured", 14)]),
        ("A mortar round killed eleven people and wounded 23,officials said.",
         [("killed", 11), ("injured", 23)]),
        ("A fifth man was also shot but survived.", [("injured", 1)]),
        ("Ninety people died in the blast, with 130 people still being treated.",
         [("killed", 90), ("injured", 130)]),
        ("Two women from the village are said to be in a coma.", [("injured", 2)]),
    ],
)  # fmt: skip
def test_injured_cues_and_glue(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert outcomes(sentence) == expected


def test_another_after_a_coordinated_subject() -> None:
    assert outcomes("Four traders and one guard were killed and another injured at dawn.") == [
        ("killed", 4),
        ("killed", 1),
        ("injured", 1),
    ]


def test_title_before_a_possessive_conjunct() -> None:
    assert outcomes("Mr. Osei's office clerk and a visitor were badly wounded on Monday.") == [
        ("injured", 1),
        ("injured", 1),
    ]


def test_speakers_and_agents_are_no_victims() -> None:
    assert outcomes(
        "A bomb killed four people and seriously wounded six others, two police sources said."
    ) == [("killed", 4), ("injured", 6)]
    assert outcomes(
        "A teacher was stabbed to death by two men carrying knives, and his son was injured."
    ) == [("killed", 1), ("injured", 1)]


def test_degree_of_a_stated_total_is_its_part() -> None:
    figures = find_figures("Eight people were killed and 14 injured, three seriously, in the raid.")
    assert [(f.outcome, f.count.low, f.part_of) for f in figures] == [
        ("killed", 8, None),
        ("injured", 14, None),
        ("injured", 3, 1),
    ]


def test_gunshot_wounds_of_a_victim_are_no_figure() -> None:
    assert outcomes("The judge was found dead at home with at least 9 gunshot wounds.") == [
        ("killed", 1)
    ]
