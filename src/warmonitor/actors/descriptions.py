"""Descriptions that name no one ("the war monitor", "officials", "medics") and the kind of
source each says speaks, so a caller can bind them to the actor the report names."""

from __future__ import annotations

import re

from warmonitor.actors.actor import Description
from warmonitor.actors.names import normalise_name

__all__ = ["KIND_CUES", "describe"]


def _cues(words: str) -> re.Pattern[str]:
    alternatives = sorted((w.strip() for w in words.split(",") if w.strip()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b")


#: Cue words by kind, tried in this order: a modifier decides before a head noun, so
#: "UN officials" is international, "hospital officials" medical and "security sources" military.
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "international",
        _cues("""
        un, aid agency, aid agencies, aid group, aid groups, aid workers, humanitarian agency,
        humanitarian agencies, humanitarian groups, relief agency, relief agencies,
        humanitarian organisation, humanitarian organisations, peacekeepers, peacekeeping,
        international observers, diplomats, diplomat"""),
    ),
    (
        "medical",
        _cues("""
        medic, medics, paramedic, paramedics, doctor, doctors, physician, physicians, nurse,
        nurses, hospital, hospitals, health, medical, ambulance, morgue, mortuary, surgeon,
        surgeons, rescuer, rescuers, rescue, rescue workers, first responders, civil defence,
        red crescent, clinic"""),
    ),
    (
        "media",
        _cues("""
        state media, state television, state tv, state run media, state run television,
        local media, news agency, news agencies, media reports, media outlet, newspaper,
        broadcaster, television, tv, channel, reporter, reporters, journalist, journalists,
        correspondent, correspondents, press reports, media"""),
    ),
    (
        "monitor",
        _cues("""
        war monitor, monitor, monitors, monitoring group, monitoring network, observatory,
        rights group, rights groups, rights organisation, human rights group, watchdog,
        activists, activist, activist network, activist group, documentation group,
        conflict monitor, casualty recorders, researchers"""),
    ),
    (
        "military",
        _cues("""
        army, military, security source, security sources, security officials, security
        forces, troops, soldiers, commander, commanders, general staff, armed forces, navy,
        air force, defence ministry, military source, military sources, officer, officers"""),
    ),
    (
        "armed_group",
        _cues("""
        rebels, rebel, militants, militant, insurgents, insurgent, militia, militias, jihadists,
        jihadist, fighters, armed group, rebel group, group, faction, factions, gunmen"""),
    ),
    (
        "witness",
        _cues("""
        witness, witnesses, eyewitness, eyewitnesses, resident, residents, survivor, survivors,
        locals, villager, villagers, relative, relatives, family, families, neighbour,
        neighbours, displaced, refugees, neighbors"""),
    ),
    (
        "government",
        _cues("""
        official, officials, government, authorities, authority, ministry, minister,
        spokesman, spokeswoman, spokesperson, governor, mayor, administration, prosecutor,
        prosecutors, police, council, presidency, president, prime minister, cabinet,
        local officials, interior ministry"""),
    ),
    (
        "unnamed",
        _cues("""
        source, sources, a person familiar, people familiar, insider, insiders"""),
    ),
)


def describe(text: str) -> Description | None:
    """What kind of source a description names, or ``None`` when it says nothing about one.

    >>> describe("the war monitor")
    Description(kind='monitor', words='war monitor', head='war monitor')
    >>> describe("hospital officials").kind
    'medical'
    """
    words = normalise_name(text)
    if not words:
        return None
    for kind, cues in KIND_CUES:
        found = cues.search(words)
        if found:
            return Description(kind, words, found.group())
    return None
