"""The actor registry: shipped data, resolution of mentions, descriptions, outlets, fragments,
learned aliases, corrections and their plain-data form. Sentences and names here are invented."""

from __future__ import annotations

import doctest
import importlib
import json

import pytest

from warmonitor.actors import (
    Actor,
    ActorRegistry,
    describe,
    is_fragment,
    is_outlet,
    learn_aliases,
    normalise_name,
)
from warmonitor.model import CLAIMANT_KINDS


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


# -- the shipped data ------------------------------------------------------------------------


def test_shipped_registry_is_large_valid_and_unambiguous(registry: ActorRegistry) -> None:
    assert len(registry) >= 150
    assert sum(a.kind == "media" for a in registry) >= 60
    assert {a.kind for a in registry} <= set(CLAIMANT_KINDS)
    assert registry.collisions() == {}


def test_no_alias_is_a_bare_description(registry: ActorRegistry) -> None:
    # an alias names one actor: "the war monitor" or "officials" would name many
    for generic in ("war monitor", "monitor", "officials", "health ministry", "army", "rebels"):
        assert registry.resolve(generic) is None, generic


def test_default_is_shared() -> None:
    assert ActorRegistry.default() is ActorRegistry.default()


@pytest.mark.parametrize(
    "module",
    [
        "warmonitor.actors",
        "warmonitor.actors.names",
        "warmonitor.actors.registry",
        "warmonitor.actors.ministries",
        "warmonitor.actors.descriptions",
        "warmonitor.actors.outlets",
        "warmonitor.actors.fragments",
        "warmonitor.actors.learning",
        "warmonitor.actors.roles",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Syrian Observatory for Human Rights", "syrian observatory for human rights"),
        ("Syrian Observatory for Human Rights'", "Syrian Observatory for Human Rights"),
        ("Gaza's Health Ministry", "gaza health ministry"),
        ("Ministry of Defense", "Ministry of Defence"),
        ("World Health Organisation", "World Health Organization"),
        ("Rami Abdulrahman", "Rami Abdel Rahman"),
        ("Rami Abd al-Rahman", "Rami Abdel-Rahman"),
        ("U.N. refugee agency", "United Nations refugee agency"),
        ("Médecins Sans Frontières", "Medecins Sans Frontieres"),
        ("Ashraf Al-Qudra", "Ashraf el Qudra"),
    ],
)
def test_spellings_meet(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_normalise_keeps_what_tells_names_apart() -> None:
    assert normalise_name("Al-Monitor") != normalise_name("the monitor")
    assert normalise_name("an independent monitor") == "independent monitor"
    assert normalise_name("  ") == ""


# -- resolution ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "actor_id", "how"),
    [
        ("the Syrian Observatory for Human Rights", "sohr", "exact"),
        ("the Observatory", "sohr", "alias"),
        ("a Britain-based war monitor", "sohr", "alias"),
        ("SOHR", "sohr", "acronym"),
        ("Rami Abdulrahman", "sohr", "person"),
        (
            "the Britain-based Syrian Observatory for Human Rights director Rami Abdel Rahman",
            "sohr",
            "contained",
        ),
        ("Syrian Observatory for Human Rights' director", "sohr", "contained"),
        ("Syrian Observatory for Human Rights (SOHR)", "sohr", "exact"),
        ("المرصد السوري لحقوق الإنسان", "sohr", "alias"),
        ("SNHR", "snhr", "acronym"),
        ("SNHR chairman Fadel Abdul Ghany", "snhr", "contained"),
        ("the Local Coordination Committees", "lcc", "exact"),
        ("LCC", "lcc", "acronym"),
        ("Airwars", "airwars", "exact"),
        ("ACLED", "acled", "acronym"),
        ("the UN human rights office", "ohchr", "exact"),
        ("the U.N. human rights office in Kyiv", "ohchr", "contained"),
        ("HRMMU", "ohchr", "acronym"),
        ("Doctors Without Borders", "msf", "alias"),
        ("Medecins Sans Frontieres", "msf", "exact"),
        ("WHO", "who", "acronym"),
        ("Ukrainian Railways", "ukrzaliznytsia", "exact"),
        ("Ukrzaliznytsia", "ukrzaliznytsia", "alias"),
        ("Укрзалізниця", "ukrzaliznytsia", "alias"),
        ("Ukraine's prosecutor general's office", "ua-prosecutor-general", "alias"),
        ("the Ukrainian State Emergency Service", "ua-state-emergency-service", "alias"),
        ("the Russian Ministry of Defense", "ru-defence-ministry", "alias"),
        ("the White Helmets rescue group", "syrian-civil-defence", "contained"),
        ("Syrian Civil Defense", "syrian-civil-defence", "exact"),
        ("Syrian state news agency SANA", "sana", "alias"),
        ("IDF spokesman Daniel Hagari", "idf", "contained"),
        ("the Israeli military", "idf", "alias"),
        ("Hemedti", "rsf", "person"),
        ("the paramilitary RSF", "rsf", "contained"),
        ("Volodymyr Zelenskyy", "ua-president", "person"),
        ("Sudanese doctors' committee", "ccsd", "alias"),
    ],
)
def test_resolves_wordings_to_one_actor(
    registry: ActorRegistry, mention: str, actor_id: str, how: str
) -> None:
    found = registry.resolve(mention)
    assert found is not None, mention
    assert (found.actor.id, found.how) == (actor_id, how)
    assert 0 < found.confidence <= 1
    assert found.text == mention.strip()


@pytest.mark.parametrize(
    ("mention", "country", "actor_id", "how"),
    [
        ("the health ministry in Gaza", None, "gaza-health-ministry", "alias"),
        ("Gaza's Health Ministry", None, "gaza-health-ministry", "exact"),
        ("the Hamas-run health ministry", None, "gaza-health-ministry", "alias"),
        ("the Ministry of Health in the Gaza Strip", None, "gaza-health-ministry", "ministry"),
        (
            "the Palestinian health ministry in Ramallah",
            None,
            "palestinian-health-ministry-ramallah",
            "exact",
        ),
        (
            "the ministry of health in Ramallah",
            None,
            "palestinian-health-ministry-ramallah",
            "ministry",
        ),
        ("the Houthi-run health ministry", None, "houthi-health-ministry", "alias"),
        ("Yemen's ministry of health", None, "houthi-health-ministry", "ministry"),
        ("Lebanon's ministry of public health", None, "lebanese-health-ministry", "ministry"),
        ("the health ministry", "PS", "gaza-health-ministry", "hint"),
        ("the health ministry", "LB", "lebanese-health-ministry", "hint"),
        ("the ministry of defence", "RU", "ru-defence-ministry", "hint"),
        ("the army", "SY", "syrian-army", "hint"),
        ("the military", "UA", "ua-general-staff", "hint"),
    ],
)
def test_ministries_and_country_hints(
    registry: ActorRegistry, mention: str, country: str | None, actor_id: str, how: str
) -> None:
    found = registry.resolve(mention, country=country)
    assert found is not None, mention
    assert (found.actor.id, found.how) == (actor_id, how)


@pytest.mark.parametrize(
    "mention",
    [
        "a war monitor",
        "the monitoring group",
        "activists",
        "officials",
        "medics",
        "witnesses",
        "a security source",
        "the health ministry",  # no country hint
        "sohr",  # an acronym is written in capitals
        "who",
        "is",
        "an independent monitor",
        "the Ukrainian Red Cross",  # a national society, not the ICRC
        "",
    ],
)
def test_descriptions_and_namesakes_resolve_to_no_one(
    registry: ActorRegistry, mention: str
) -> None:
    assert registry.resolve(mention) is None


def test_a_namesake_in_another_country_is_not_the_actor(registry: ActorRegistry) -> None:
    found = registry.resolve("the Iraqi Observatory")
    assert found is not None and found.actor.id == "iraqi-observatory-for-human-rights"


# -- descriptions, outlets, fragments --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the war monitor", "monitor"),
        ("a monitoring group", "monitor"),
        ("activists", "monitor"),
        ("officials", "government"),
        ("local officials", "government"),
        ("medics", "medical"),
        ("doctors at the hospital", "medical"),
        ("hospital officials", "medical"),
        ("residents", "witness"),
        ("an eyewitness", "witness"),
        ("a security source", "military"),
        ("army officers", "military"),
        ("UN officials", "international"),
        ("state media", "media"),
        ("rebels", "armed_group"),
        ("sources", "unnamed"),
    ],
)
def test_describe_gives_the_kind(text: str, kind: str) -> None:
    found = describe(text)
    assert found is not None and found.kind == kind
    assert found.head in found.words


def test_describe_says_nothing_of_nothing() -> None:
    assert describe("") is None
    assert describe("Kharkiv") is None


@pytest.mark.parametrize(
    "text",
    [
        "Reuters",
        "the AP",
        "Agence France-Presse",
        "AFP",
        "Al Jazeera's correspondent",
        "a Reuters reporter",
        "TASS",
        "the Kyiv Independent",
        "Syrian state news agency SANA",
        "state media",
        "a local news agency",
    ],
)
def test_outlets(text: str) -> None:
    assert is_outlet(text)


@pytest.mark.parametrize(
    "text", ["the Observatory", "the war monitor", "Gaza's health ministry", "officials", "IDF"]
)
def test_claimants_are_not_outlets(text: str) -> None:
    assert not is_outlet(text)


@pytest.mark.parametrize(
    "text",
    [
        "and the monitor",
        "as the ministry",
        "the Syrian Observatory for",
        "of the Syrian",
        "the Observatory, which",
        "officials denied",
        "the group targeting",
        "the monitor that",
        "Conflicting",
        "Meanwhile",
        "the",
        "that",
        "Rami Abdel Rahman, who heads",
        "one of the many monitoring groups that have been counting the dead across the country",
        "the ministry said",
    ],
)
def test_fragments(text: str) -> None:
    assert is_fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "the war monitor",
        "Syrian Observatory for Human Rights",
        "the Britain-based Syrian Observatory for Human Rights",
        "the Hamas-run health ministry",
        "a security source",
        "informed sources",
        "the armed wing",
        "the UN-backed monitoring group",
        "Human Rights Watch",
        "Beijing",
        "he",
    ],
)
def test_names_and_descriptions_are_not_fragments(text: str) -> None:
    assert not is_fragment(text)


# -- learned aliases -------------------------------------------------------------------------


def test_learns_descriptions_acronyms_and_people() -> None:
    text = (
        "The Syrian Observatory for Human Rights, a Britain-based war monitor, said nine people "
        "died in the village. Its director, Rami Abdel Rahman, said the toll could rise. "
        "The Local Coordination Committees (LCC), an activist network, gave a higher toll. "
        "Fadel Abdul Ghany, head of the Syrian Network for Human Rights, said his group was "
        "still counting. Nour Haddad, who heads the Damascus Casualty Desk, gave no figure."
    )
    pairs = learn_aliases(text)
    assert pairs == [
        ("Syrian Observatory for Human Rights", "Britain-based war monitor"),
        ("Syrian Observatory for Human Rights", "Rami Abdel Rahman"),
        ("Local Coordination Committees", "LCC"),
        ("Syrian Network for Human Rights", "Fadel Abdul Ghany"),
        ("Damascus Casualty Desk", "Nour Haddad"),
    ]


def test_learns_a_described_name_and_a_possessive_role() -> None:
    text = (
        "The Kharkiv Casualty Project, an independent monitoring group, counted 14 dead. "
        "The Project's coordinator Olena Marchuk said more bodies were found."
    )
    assert learn_aliases(text) == [
        ("Kharkiv Casualty Project", "independent monitoring group"),
        ("Project", "Olena Marchuk"),
    ]


def test_a_place_in_a_persons_role_is_not_the_body_they_head() -> None:
    text = "Taras Holub, the head of Poltava's regional police, said 12 people were found."
    assert not [name for name, _ in learn_aliases(text) if name.startswith("Poltava")]


def test_learns_nothing_from_plain_prose() -> None:
    assert learn_aliases("Shelling hit the market on Tuesday, and nine people died.") == []
    # a parenthesis that is no acronym of the name before it teaches nothing
    assert learn_aliases("The North Gate (Aleppo) was closed.") == []


# -- corrections and plain data --------------------------------------------------------------


def test_round_trip_through_plain_data(registry: ActorRegistry) -> None:
    data = json.loads(json.dumps(registry.to_dict(), ensure_ascii=False))
    again = ActorRegistry.from_dict(data)
    assert list(again) == list(registry)
    assert again.to_dict() == registry.to_dict()


def test_with_alias_teaches_and_moves_an_alias(registry: ActorRegistry) -> None:
    taught = registry.with_alias("sohr", "the Coventry monitor")
    found = taught.resolve("the Coventry monitor")
    assert found is not None and found.actor.id == "sohr"
    assert registry.resolve("the Coventry monitor") is None  # the original is unchanged
    moved = registry.with_alias(
        "palestinian-health-ministry-ramallah", "Palestinian Health Ministry"
    )
    found = moved.resolve("the Palestinian health ministry")
    assert found is not None and found.actor.id == "palestinian-health-ministry-ramallah"
    assert moved.collisions() == {}


def test_with_person(registry: ActorRegistry) -> None:
    taught = registry.with_person("airwars", "Samira Osei")
    found = taught.resolve("Airwars researcher Samira Osei")
    assert found is not None and found.actor.id == "airwars"


def test_add_rename_and_merge() -> None:
    base = ActorRegistry(
        [
            Actor("north-watch", "North Watch", "monitor", "SY", aliases=("NW",)),
            Actor(
                "nw-monitor", "Northern Monitoring Desk", "monitor", "SY", people=("Layla Saad",)
            ),
        ]
    )
    added = base.add(Actor("river-clinic", "River Clinic", "medical", "SD"))
    assert len(added) == 3 and len(base) == 2
    with pytest.raises(ValueError, match="taken"):
        added.add(Actor("river-clinic", "Another", "medical"))

    renamed = added.rename("river-clinic", "River Field Clinic")
    assert renamed["river-clinic"].name == "River Field Clinic"
    found = renamed.resolve("the River Clinic")
    assert found is not None and found.actor.id == "river-clinic" and found.how == "alias"

    merged = renamed.merge("north-watch", "nw-monitor")
    assert "nw-monitor" in merged and merged["nw-monitor"].id == "north-watch"
    assert merged.canonical_id("nw-monitor") == "north-watch"
    for mention in ("Northern Monitoring Desk", "Layla Saad", "NW"):
        found = merged.resolve(mention)
        assert found is not None and found.actor.id == "north-watch", mention
    again = ActorRegistry.from_dict(merged.to_dict())
    assert again.canonical_id("nw-monitor") == "north-watch"
    with pytest.raises(KeyError):
        merged["no-such-actor"]


def test_bad_actors_are_refused() -> None:
    with pytest.raises(ValueError, match="slug"):
        Actor("Not A Slug", "X", "monitor")
    with pytest.raises(ValueError, match="kind"):
        Actor("x", "X", "spy")
    with pytest.raises(ValueError, match="alpha-2"):
        Actor("x", "X", "monitor", "Syria")
    with pytest.raises(ValueError, match="twice"):
        ActorRegistry([Actor("x", "X", "monitor"), Actor("x", "Y", "monitor")])


def test_a_title_in_either_word_order_is_one_name() -> None:
    assert normalise_name("the general prosecutor's office") == normalise_name(
        "the prosecutor general's office"
    )
