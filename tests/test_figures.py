"""Figures in one sentence: binding counts to outcomes, singular victims, parts, tolls."""

from __future__ import annotations

import pytest

from warmonitor.extract.figures import find_figures


def summary(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(f.count.text, f.outcome, f.victims.group) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Five people were killed in the blast.", [("Five", "killed", "people")]),
        ("Gunmen killed 12 villagers and wounded 30 others.",
         [("12", "killed", "civilians"), ("30", "injured", "people")]),
        ("The attack left 9 soldiers dead.", [("9", "killed", "security_forces")]),
        ("At least 40 people died and dozens were hurt.",
         [("At least 40", "killed", "people"), ("dozens", "injured", "people")]),
        ("Police arrested 17 protesters.", [("17", "detained", "civilians")]),
        ("Militants abducted 30 schoolgirls.", [("30", "kidnapped", "children")]),
        ("Two journalists remain missing.", [("Two", "missing", "civilians")]),
        ("The fighting displaced 4,000 residents.", [("4,000", "displaced", "civilians")]),
    ],
)  # fmt: skip
def test_binding(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert summary(sentence) == expected


def test_perpetrators_are_not_victims() -> None:
    assert summary("Five gunmen killed three farmers.") == [("three", "killed", "civilians")]


def test_numbers_that_are_not_casualties() -> None:
    assert summary("A court sentenced 21 men to death on Monday.") == []
    assert summary("The 13-year-old conflict has killed no one here since 2019.") == [
        ("no one", "killed", "people")
    ]


def test_coordinated_figures_share_the_trigger() -> None:
    figures = find_figures("Three soldiers and two civilians were killed by a roadside bomb.")
    assert [(f.count.low, f.victims.group) for f in figures] == [
        (3, "security_forces"),
        (2, "civilians"),
    ]
    assert figures[0].trigger is figures[1].trigger


def test_singular_victims_count_one() -> None:
    assert summary("A policeman was killed when his patrol was ambushed.") == [
        ("A policeman", "killed", "security_forces")
    ]
    assert summary("Unknown gunmen shot dead a Catholic priest outside his church.")[0][:2] == (
        "a Catholic priest",
        "killed",
    )
    assert [f.count.low for f in find_figures("A bomb exploded, killing him and a bodyguard.")] == [
        1,
        1,
    ]


def test_long_subject_of_a_passive() -> None:
    sentence = (
        "Ten residents of the province, including the district police chief and his deputy, "
        "have been killed in a suicide attack."
    )
    assert summary(sentence)[0] == ("Ten", "killed", "civilians")


def test_parts_in_one_sentence() -> None:
    figures = find_figures("At least 22 people were killed, including six civilians.")
    assert [f.count.text for f in figures] == ["At least 22", "six"]
    assert figures[1].part_of == 0 and figures[1].outcome == "killed"


def test_parts_of_a_previous_sentence() -> None:
    figures = find_figures(
        "The dead included 745 civilians and 125 members of the security forces."
    )
    assert [(f.count.low, f.victims.group, f.part_of_previous) for f in figures] == [
        (745, "civilians", True),
        (125, "security_forces", True),
    ]


def test_casualties_included_are_parts() -> None:
    figures = find_figures("The casualties included 745 civilians and 148 fighters loyal to Assad.")
    assert [(f.count.low, f.outcome, f.victims.side) for f in figures] == [
        (745, "killed", None),
        (148, "killed", "pro-Assad"),
    ]
    assert all(f.part_of_previous for f in figures)


def test_among_the_killed() -> None:
    figures = find_figures("Six civilians including a child were among at least 22 people killed.")
    six = next(f for f in figures if f.count.low == 6)
    assert figures[six.part_of].count.low == 22  # type: ignore[index]


def test_toll_rising_is_cumulative() -> None:
    (fig,) = find_figures("The death toll from Friday's shelling of the market rose to 19.")
    assert (fig.count.low, fig.outcome, fig.cumulative) == (19, "killed", True)


def test_more_than_keeps_the_stated_number() -> None:
    (fig,) = find_figures("More than 1,000 people have been killed in two days of clashes.")
    assert (fig.count.low, fig.count.high, fig.count.best) == (1001, None, 1000)


def test_kidnapped_then_killed_is_both() -> None:
    assert [(f.count.low, f.outcome) for f in find_figures(
        "Gunmen kidnapped eight farmers from their homes and killed them on Monday."
    )] == [(8, "killed"), (8, "kidnapped")]  # fmt: skip
    assert summary("The group said it had killed seven foreign hostages.") == [
        ("seven", "killed", "people")
    ]


def test_a_headline_pair_is_not_a_verb_and_its_object() -> None:
    assert summary("57 civilians killed 150 injured in shelling of the city") == [
        ("57", "killed", "civilians"),
        ("150", "injured", "people"),
    ]


def test_a_bare_noun_takes_no_name_as_its_object() -> None:
    assert summary("Regime Commits Massacres After Loss of the City") == []


def test_a_later_figure_updates_the_toll() -> None:
    figures = find_figures("Seven men were killed -- total later raised to 10 -- on Monday.")
    assert [(f.count.low, f.cumulative) for f in figures] == [(7, False), (10, True)]
    figures = find_figures("At least 30 people (a lower estimate says 16) have been killed.")
    assert figures[0].outcome == "killed" and figures[0].count.low == 30


def test_victims_taken_and_then_killed() -> None:
    assert summary("Gunmen forced seven men outside and killed them.") == [
        ("seven", "killed", "men")
    ]
    assert summary("The bombers blew up two cars, killing themselves and seven other people.") == [
        ("seven", "killed", "people")
    ]
    assert summary("Eight more people were Tuesday [26 August] morning killed.")[0][:2] == (
        "Eight",
        "killed",
    )


@pytest.mark.parametrize(
    ("sentence", "count", "group"),
    [
        ("The number of civilians killed in the strike has risen to 52.", 52, "civilians"),
        (
            "The number of bodies of civilians killed in the town has risen to 403, the mayor "
            "said.",
            403,
            "civilians",
        ),
        ("The number of soldiers killed rose to 9.", 9, "security_forces"),
    ],
)
def test_the_number_of_victims_killed_has_risen_to(sentence: str, count: int, group: str) -> None:
    (fig,) = find_figures(sentence)
    assert (fig.outcome, fig.count.low, fig.victims.group, fig.cumulative) == (
        "killed",
        count,
        group,
        True,
    )
