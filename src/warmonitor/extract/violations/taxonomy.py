"""The violation taxonomy and its mappings to ACLED, PITF and HURIDOCS (``docs/VIOLATIONS.md``).

Data only. One :class:`Kind` per violation type; each names, once, the ACLED event and
sub-event type, the PITF kind of violence and (where the type fixes it) PITF's weapon, and the
HURIDOCS events vocabulary term it maps to. Dataset labels are read from here
(``labels.py``), so there is one classifier, not one per dataset; the reverse mappings
(``from_acled``, ``from_pitf``, ``from_huridocs``) are derived from the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "KINDS",
    "Kind",
    "ViolationType",
    "from_acled",
    "from_huridocs",
    "from_pitf",
    "kind",
]

ViolationType = Literal[
    "summary_execution",
    "massacre",
    "targeted_killing",
    "armed_attack",
    "raid",
    "shelling",
    "air_strike",
    "bombing",
    "suicide_bombing",
    "grenade",
    "landmine",
    "abduction",
    "arbitrary_detention",
    "torture",
    "sexual_violence",
    "mob_violence",
    "riot",
    "protest",
    "protest_intervention",
    "excessive_force",
    "clash",
    "territory_regained",
    "territory_taken",
    "territory_transfer",
    "looting",
    "property_destruction",
    "weapons_seizure",
    "agreement",
    "deployment",
    "displacement",
    "other",
]

PitfViolence = Literal[
    "Attack/Massacre", "Clash", "Targeted Assassination", "Protest", "Riot/Pogrom", "Unclear/Other"
]
PitfWeapon = Literal[
    "Firearms",
    "Explosives",
    "Suicide Bombing",
    "Heavy Weapons",
    "Primitive Weapons",
    "Unclear/Other",
]


@dataclass(frozen=True, slots=True)
class Kind:
    """One violation type and what it is in each vocabulary."""

    name: str
    label: str  # as a person reads it
    acled_event: str
    acled_sub_event: str
    pitf_violence: str
    pitf_weapon: str | None  # None: the words of the report decide
    huridocs: str  # HURIDOCS events vocabulary, "Types of acts"


_VAC = "Violence against civilians"
_ERV = "Explosions/Remote violence"
_SD = "Strategic developments"

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("summary_execution", "summary execution", _VAC, "Attack", "Attack/Massacre",
             "Firearms", "Extrajudicial execution"),
        Kind("massacre", "massacre", _VAC, "Attack", "Attack/Massacre", None, "Killing"),
        Kind("targeted_killing", "targeted killing, assassination", _VAC, "Attack",
             "Targeted Assassination", None, "Killing"),
        Kind("armed_attack", "armed attack on people", _VAC, "Attack", "Attack/Massacre", None,
             "Killing"),
        Kind("raid", "raid on homes or a village", _VAC, "Attack", "Attack/Massacre", None,
             "Attack on property"),
        Kind("shelling", "shelling, artillery, rocket or missile attack", _ERV,
             "Shelling/artillery/missile attack", "Attack/Massacre", "Heavy Weapons",
             "Indiscriminate attack"),
        Kind("air_strike", "air or drone strike", _ERV, "Air/drone strike", "Attack/Massacre",
             "Heavy Weapons", "Indiscriminate attack"),
        Kind("bombing", "bombing, improvised explosive device", _ERV,
             "Remote explosive/landmine/IED", "Attack/Massacre", "Explosives",
             "Indiscriminate attack"),
        Kind("suicide_bombing", "suicide bombing", _ERV, "Suicide bomb", "Attack/Massacre",
             "Suicide Bombing", "Indiscriminate attack"),
        Kind("grenade", "grenade attack", _ERV, "Grenade", "Attack/Massacre", "Explosives",
             "Indiscriminate attack"),
        Kind("landmine", "landmine or unexploded ordnance", _ERV,
             "Remote explosive/landmine/IED", "Attack/Massacre", "Explosives",
             "Indiscriminate attack"),
        Kind("abduction", "abduction, enforced disappearance", _VAC,
             "Abduction/forced disappearance", "Attack/Massacre", None, "Abduction"),
        Kind("arbitrary_detention", "arrest, arbitrary detention", _SD, "Arrests",
             "Unclear/Other", None, "Arbitrary arrest and detention"),
        Kind("torture", "torture, ill-treatment", _VAC, "Attack", "Attack/Massacre", None,
             "Torture"),
        Kind("sexual_violence", "sexual violence", _VAC, "Sexual violence", "Attack/Massacre",
             None, "Rape and sexual violence"),
        Kind("mob_violence", "mob violence, lynching, communal clash", "Riots", "Mob violence",
             "Riot/Pogrom", None, "Mob violence"),
        Kind("riot", "riot, violent demonstration", "Riots", "Violent demonstration",
             "Riot/Pogrom", None, "Violent demonstration"),
        Kind("protest", "peaceful protest", "Protests", "Peaceful protest", "Protest", None,
             "Demonstration"),
        Kind("protest_intervention", "protest dispersed or obstructed", "Protests",
             "Protest with intervention", "Protest", None, "Interference with assembly"),
        Kind("excessive_force", "excessive force against protesters", "Protests",
             "Excessive force against protesters", "Protest", "Firearms",
             "Excessive use of force"),
        Kind("clash", "armed clash", "Battles", "Armed clash", "Clash", None, "Armed clash"),
        Kind("territory_regained", "government regains territory", "Battles",
             "Government regains territory", "Clash", None, "Armed clash"),
        Kind("territory_taken", "non-state actor overtakes territory", "Battles",
             "Non-state actor overtakes territory", "Clash", None, "Armed clash"),
        Kind("territory_transfer", "territory changes hands without fighting", _SD,
             "Non-violent transfer of territory", "Unclear/Other", None, "Other"),
        Kind("looting", "looting, pillage", _SD, "Looting/property destruction",
             "Unclear/Other", None, "Pillage"),
        Kind("property_destruction", "destruction of property, arson", _SD,
             "Looting/property destruction", "Unclear/Other", None, "Destruction of property"),
        Kind("weapons_seizure", "weapons seized or defused", _ERV, "Disrupted weapons use",
             "Unclear/Other", None, "Other"),
        Kind("agreement", "agreement, surrender, ceasefire", _SD, "Agreement", "Unclear/Other",
             None, "Other"),
        Kind("deployment", "movement of forces, change to a group", _SD,
             "Change to group/activity", "Unclear/Other", None, "Other"),
        Kind("displacement", "forced displacement", _SD, "Other", "Unclear/Other", None,
             "Forced displacement"),
        Kind("other", "other", _SD, "Other", "Unclear/Other", None, "Other"),
    )
}  # fmt: skip

assert set(KINDS) == set(get_args(ViolationType)), "every violation type has one Kind"


def kind(name: str) -> Kind:
    """The :class:`Kind` of a violation type (``other`` for an unknown name)."""
    return KINDS.get(name, KINDS["other"])


def from_acled(sub_event_type: str) -> tuple[str, ...]:
    """The violation types that map to an ACLED sub-event type (the reverse mapping)."""
    return tuple(k.name for k in KINDS.values() if k.acled_sub_event == sub_event_type)


def from_pitf(violence: str) -> tuple[str, ...]:
    """The violation types that map to a PITF kind of violence."""
    return tuple(k.name for k in KINDS.values() if k.pitf_violence == violence)


def from_huridocs(term: str) -> tuple[str, ...]:
    """The violation types that map to a HURIDOCS events vocabulary term."""
    return tuple(k.name for k in KINDS.values() if k.huridocs == term)
