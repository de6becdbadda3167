"""Armed groups and forces are actors of the one registry: with aliases, a perpetrator kind, a
home and the pattern of their spellings; the perpetrator search reads them from it. Sentences
here are invented."""

from __future__ import annotations

import pytest

from warmonitor.actors import Actor, ActorRegistry, Armed, Correction, apply_corrections
from warmonitor.extract.violations import describe
from warmonitor.extract.violations.armed_groups import ARMED_GROUPS, canonical, group_of
from warmonitor.extract.violations.perpetrators import find_perpetrator


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def test_an_armed_group_is_an_actor_with_aliases(registry: ActorRegistry) -> None:
    adf = registry["allied-democratic-forces"]
    assert adf.kind == "armed_group" and adf.country == "UG"
    assert {"ADF", "Allied Democratic Forces"} <= set(adf.aliases)
    assert adf.armed is not None and adf.armed.kind == "non_state"
    assert adf.armed.home == ("UG", "CD")
    found = registry.resolve("the Allied Democratic Forces")
    assert found is not None and found.actor.id == "allied-democratic-forces"


def test_every_group_of_the_perpetrator_search_is_a_registry_actor(
    registry: ActorRegistry,
) -> None:
    armed = registry.armed()
    assert [g.actor for g in ARMED_GROUPS] == [a.id for a in armed]
    for group, actor in zip(ARMED_GROUPS, armed, strict=True):
        assert actor.armed is not None
        assert group.name == actor.perpetrator_name and group.kind == actor.armed.kind
        assert group.pattern == actor.armed.pattern


def test_a_claimant_actor_keeps_its_name_and_gains_a_perpetrator_label(
    registry: ActorRegistry,
) -> None:
    state = registry["islamic-state"]
    assert state.name == "Islamic State" and state.kind == "armed_group"
    assert state.perpetrator_name == "Islamic State (ISIS)"
    taliban = registry["taliban"]  # a government as a source, a non-state group as a doer
    assert taliban.kind == "government" and taliban.armed is not None
    assert taliban.armed.kind == "non_state"


def test_a_perpetrator_in_a_sentence_is_that_registry_actor(registry: ActorRegistry) -> None:
    text = "Fighters of the Lord's Resistance Army raided a market town on Sunday and killed 9."
    found = find_perpetrator(text)
    assert found is not None and found.name == "Lord's Resistance Army"
    group = group_of(found.name)
    assert group is not None and registry[group.actor or ""].name == canonical(found.name)
    profile = describe(text, country="CF")
    assert profile.perpetrator is not None
    assert profile.perpetrator.actor == "lords-resistance-army"
    assert profile.perpetrator.kind == "non_state"


def test_a_group_named_by_an_alias_is_linked_to_its_actor() -> None:
    text = "Suspected Janjawid militiamen attacked the camp at dawn, killing four people."
    profile = describe(text, country="SD")
    assert profile.perpetrator is not None
    assert profile.perpetrator.actor == "janjaweed"
    assert profile.perpetrator.kind == "state_allied"


def test_a_rename_names_the_perpetrator_too(registry: ActorRegistry) -> None:
    renamed = apply_corrections(registry, [Correction("rename", "islamic-state", "Daesh group")])
    actor = renamed["islamic-state"]
    assert actor.name == "Daesh group" and actor.perpetrator_name == "Daesh group"
    before = registry["islamic-state"].armed
    assert actor.armed is not None and before is not None
    assert (actor.armed.pattern, actor.armed.kind) == (before.pattern, before.kind)
    assert "Islamic State" in actor.aliases  # the old name, still found


def test_a_merge_keeps_the_armed_part() -> None:
    reg = ActorRegistry(
        [
            Actor("front", "Front", "unnamed"),
            Actor("the-front", "The Liberation Front", "armed_group",
                  armed=Armed("non_state", "Liberation Front", ("ZZ",))),
        ]
    )  # fmt: skip
    merged = reg.merge("front", "the-front")["front"]
    assert merged.armed is not None and merged.armed.home == ("ZZ",)


def test_the_armed_part_round_trips_and_a_pattern_defaults_to_the_names() -> None:
    actor = Actor.from_dict(
        {"id": "x-front", "name": "X Front", "kind": "armed_group", "country": None,
         "aliases": ["XF"], "armed": {"kind": "non_state", "home": []}}
    )  # fmt: skip
    assert actor.armed is not None and actor.armed.pattern == r"X\ Front|XF"
    assert Actor.from_dict(actor.to_dict()) == actor


@pytest.mark.parametrize(
    ("armed", "words"),
    [
        ({"kind": "unknown", "pattern": "X"}, "perpetrator kind"),
        ({"kind": "non_state", "pattern": "X(", "home": []}, "does not compile"),
        ({"kind": "non_state", "pattern": "X", "home": ["Syria"]}, "home country"),
    ],
)
def test_bad_armed_parts_are_refused(armed: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        Actor.from_dict({"id": "x", "name": "X", "kind": "armed_group", "armed": armed})
