"""Aggregates: a figure whose own clause counts a whole country or war stays out of the toll."""

from __future__ import annotations

from datetime import date

from reconcile_factory import claim
from warmonitor.model import Claim, Evidence
from warmonitor.reconcile import reconcile
from warmonitor.reconcile.scope import find_aggregates

PUBLISHED = {"doc-a": date(2024, 5, 6), "doc-b": date(2024, 5, 7)}


def said(value: int, sentence: str, *, nth: int = 1, base: int = 500, **options: object) -> Claim:
    """A claim whose figure is the ``nth`` occurrence of ``value`` in its sentence."""
    words = f"{value:,}"
    at = -1
    for _ in range(nth):
        at = sentence.index(words, at + 1)
    made = claim(value, sentence=sentence, **options)  # type: ignore[arg-type]
    evidence = Evidence(sentence, base, base + len(sentence), (base + at, base + at + len(words)))
    return made.with_(evidence=evidence)


def test_a_countrywide_figure_is_an_aggregate_not_the_toll() -> None:
    sentence = "The monitor said 212 people were killed across the country on Monday."
    wide = said(212, sentence, day=date(2024, 5, 6), doc="doc-b")
    toll = claim(40, doc="doc-a")
    (incident,) = reconcile([toll, wide], PUBLISHED)
    (tally,) = incident.tallies
    assert [s.value for s in tally.sources] == [40]
    (part,) = incident.parts
    assert (part.scope, part.source.value) == ("aggregate", 212)


def test_a_war_total_and_the_figure_joined_to_it_are_aggregates() -> None:
    sentence = (
        "After the strike, the toll since the war began rose to 3,010, with the number of "
        "wounded reaching 9,200, the ministry said."
    )
    dead = said(3010, sentence)
    hurt = said(9200, sentence, outcome="injured").with_(id="hurt")
    assert set(find_aggregates([dead, hurt])) == {dead.id, hurt.id}


def test_a_share_of_an_aggregate_is_one_too() -> None:
    sentence = "Activists said 90 people were killed nationwide, 41 of them in the province."
    wide = said(90, sentence)
    share = said(41, sentence, part_of=wide.id)
    assert set(find_aggregates([wide, share])) == {wide.id, share.id}


def test_the_previous_figures_words_are_its_own() -> None:
    sentence = "Shelling killed 30 people in the town, and 75 were killed across the country."
    town = said(30, sentence)
    wide = said(75, sentence)
    assert set(find_aggregates([town, wide])) == {wide.id}


def test_across_the_events_own_place_is_not_an_aggregate() -> None:
    sentence = "At least 30 bodies were found strewn across Arbat on Sunday."
    found = said(30, sentence)
    assert find_aggregates([found], {"arbat"}) == {}
    assert set(find_aggregates([found])) == {found.id}


def test_an_event_figure_alone_is_not_an_aggregate() -> None:
    sentence = "The strike on the market killed 30 people since Monday, the monitor said."
    assert find_aggregates([said(30, sentence)]) == {}
