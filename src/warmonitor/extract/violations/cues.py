"""The words that show a violation, a weapon, a protest's course: precompiled patterns.

Data and patterns only. Each cue names a violation type of ``taxonomy.py``; ``find_cues``
returns every cue of a text with its offsets, which become a claim's evidence. Patterns are
written for English reports and coders' notes; they match whole words, case aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmonitor.extract.gate import Gates, Words

__all__ = ["NOTE_TAGS", "WEAPON_CUES", "Cue", "find_cues", "find_weapons", "note_tag"]


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


_PROTESTERS = (
    r"(?:protesters|protestors|demonstrators|marchers|students|participants|crowds?|"
    r"gathering|picketers|strikers)"
)

# Violation type → the words that show it. Order within a type does not matter.
VIOLATION_CUES: dict[str, re.Pattern[str]] = {
    "protest": _words(
        r"protest(?:ed|ing|s|ers|ors)?",
        r"demonstrat(?:ed|ing|ions?|ors?)",
        r"rall(?:y|ied|ies|ying)",
        r"march(?:ed|es)?(?= (?:in|to|through|from|on|against|for|along|towards))",
        r"sit-ins?",
        r"(?:staged|held|organi[sz]ed) a (?:\w+ ){0,2}(?:vigil|picket|"
        r"strike|walkout|blockade|boycott)",
        r"(?:went|go|were|are) on (?:a )?(?:hunger |general )?strike",
        r"hunger strike",
        r"picket(?:ed|ing)?",
        r"gathered (?:\w+ ){0,8}(?:to (?:demand|denounce|protest|call|express|condemn|oppose|"
        r"show|commemorate|mark|support|reject|press|urge)|against|in (?:support|solidarity))",
        r"(?:denounc|condemn)(?:e|ed|ing) (?:the )?(?:\w+ ){0,4}(?:and )?(?:demand|call)",
        r"counter-demonstration",
        r"gathered|assembled|vigils?|marched",
        r"motorcade|car caravan|caravan protest",
        # a gathering told by what it voices: a demand, a banner, a strike, the street
        r"(?:demanding|to demand|to call (?:for|on)|calling (?:for|on)|urg(?:ed|ing)|to urge|"
        r"to denounce|denouncing|to raise awareness|to press for|in solidarity with|"
        r"to (?:express|voice) (?:their )?(?:anger|solidarity|support|opposition|discontent))",
        r"press conferences? with (?:a )?(?:banners?|placards?|signs?)",
        r"banners|placards",
        r"sit in|took (?:to )?the streets?|striking (?:\w+ ){0,3}workers|strikers|"
        r"occupied (?:\w+ ){0,3}(?:building|premises|offices?|school|university|square)",
    ),
    "protest_intervention": _words(
        r"(?:dispersed?|dispersing|broke up|break up|prevented|stopped|blocked|arrested|detained|"
        r"beat(?:en)?|removed|cordoned|kettled|intervened|fired tear ?gas|used tear ?gas|"
        r"tear ?gas|water cannons?|rubber bullets|batons?|baton-charged|lathi[- ]?charged?|"
        r"cane-charged|interrupted|used force|"
        r"ended (?:the )?(?:\w+ ){0,2}(?:protest|sit|demonstration|gathering|strike|march)|"
        r"forcibly (?:dispersed|removed|prevented|evicted|stopped))",
        r"(?:attacked|assaulted|beat|beaten|charged at) (?:\w+ ){0,2}" + _PROTESTERS,
    ),
    "excessive_force": _words(
        r"(?:opened fire|live (?:fire|ammunition|rounds|bullets)|fired (?:live )?(?:shots|bullets)"
        r"|shot (?:and killed|dead))",
    ),
    "riot": _words(
        r"riot(?:ed|ing|s|ers)?",
        r"(?:threw|throwing|hurled|hurling|pelted|pelting) (?:\w+ ){0,3}(?:stones|rocks|bricks|"
        r"petrol bombs|molotov|objects|firecrackers|eggs|bottles|projectiles|fireworks)",
        r"stone[- ]pelting",
        r"vandali[sz](?:ed|ing|m)",
        r"(?:set|setting) (?:\w+ ){0,5}(?:on )?fire|set(?:ting)? ablaze|torched|"
        r"damaged (?:\w+ ){0,3}(?:windows|property|vehicles|cars|buildings|shops)|"
        r"burn(?:ed|t|ing) (?:\w+ ){0,2}tyres|"
        r"burn(?:ed|t|ing) (?:\w+ ){0,2}tires",
        r"(?<!human )barricad(?:e|es|ed|ing)",
        r"blockades? (?:\w+ ){0,2}(?:with|of) (?:\w+ ){0,2}(?:rocks|stones|burning|tyres|tires)",
        r"burning (?:debris|tyres|tires|objects)",
        r"clash(?:ed|es)? with (?:the )?(?:\w+ ){0,2}(?:police|security forces|officers|guards)",
        r"stormed",
        r"scuffled?",
        r"(?:attacked|assaulted) (?:\w+ ){0,2}(?:police|officers|journalists|guards|vehicles)",
        # a road blocked with things that make it a barricade
        r"(?:block(?:ed|ing)?|barricad\w*|clos(?:ed|ing)|cut) (?:\w+ ){0,8}(?:with|using) "
        r"(?:\w+ ){0,3}(?:tires|tyres|logs|tree|trees|trunks|stones|rocks|branches|stumps|"
        r"debris|burning)",
        r"used (?:\w+ ){0,4}(?:tires|tyres|logs|trunks|stones|rocks|branches|stumps|debris) "
        r"to (?:block|barricade|close)",
        r"(?:acts of violence|turned violent|became violent|violent protest)",
        r"(?<=with )(?:rocks|stones|bricks|blunt objects|sticks|clubs)",
    ),
    "mob_violence": _words(
        r"mobs?",
        r"lynch(?:ed|ing|ings)?",
        r"(?:villagers|residents|locals|crowds?|relatives) (?:\w+ ){0,3}(?:beat|attacked|"
        r"assaulted|burned|killed|set)",
        r"beat(?:en)? (?:\w+ ){0,3}to death",
        r"(?:supporters|members|activists|cadres|workers) of (?:\w+ ){0,6}clashed",
        r"clashed with (?:\w+ ){0,3}(?:supporters|activists|cadres|villagers|residents|students)",
        r"(?:two|rival) (?:groups|families|clans|factions|communities|villages|gangs) "
        r"(?:\w+ ){0,3}clashed",
        r"communal (?:clash|violence)",
    ),
    "clash": _words(
        r"clash(?:ed|es|ing)?",
        r"fighting",
        r"fought",
        r"(?:gun ?battles?|firefights?|fire ?fights?|shoot-?outs?|exchange of fire|"
        r"exchanged (?:gun)?fire|skirmish(?:es|ed)?|battled?|engaged)",
        r"ambush(?:ed|es)?",
        r"exchanged (?:\w+ ){0,3}(?:shelling|shells|artillery|strikes|mortars?|rockets?)",
        r"fired back|returned fire|in both directions",
        r"(?:shots|bursts)(?:/bursts)? (?:\w+ ){0,3}(?:fire|involving)",
        r"(?:attacked|attacks? (?:on|against)|assaulted|raided|opened fire "
        r"(?:at|on)) (?:\w+ ){0,3}(?:military|army|"
        r"troops|soldiers|forces|police (?:post|station|checkpoint|outpost)|checkpoints?|"
        r"positions?|base|outpost|camp|convoy|barracks|patrol)",
        r"offensive",
        r"counter-?attack(?:ed)?",
    ),
    "air_strike": _words(
        r"air ?-?strikes?",
        r"air ?raids?",
        r"air (?:attacks?|bombardment|bombing)",
        r"aerial (?:attacks?|bombardment|bombing|strikes?)",
        r"(?:war|fighter |military )?(?:planes?|jets?|aircraft|helicopters?)(?= (?:\w+ ){0,4}"
        r"(?:bombed|struck|hit|attacked|dropped|fired|targeted|carried out|conducted|launched))",
        r"warplanes?",
        r"drone (?:strikes?|attacks?)",
        r"(?:armed |kamikaze |suicide |combat )?drones? (?=(?:\w+ ){0,3}(?:struck|hit|attacked|"
        r"targeted|dropped|bombed))",
        r"barrel bombs?",
        r"bombed",
        r"UAVs?",
        r"(?:helicopter )?gunships?",
    ),
    "shelling": _words(
        r"shell(?:ed|ing|s)",
        r"artillery",
        r"mortars?",
        r"rockets?",
        r"missiles?",
        r"MLRS",
        r"Grads?",
        r"howitzers?",
        r"tank (?:fire|shells|rounds)",
        r"bombard(?:ed|ment|ing)",
        r"(?:heavy|anti-aircraft) (?:weapons|guns|machine ?guns) fire",
        r"projectiles?",
        r"cluster munitions?",
        r"grenade launchers?|RPGs?|rocket-propelled grenades?",
        r"explosions? involving",
    ),
    "suicide_bombing": _words(
        r"suicide(?:d)? (?:\w+ ){0,2}(?:bomber|bombers|bombs?|bombing|"
        r"bombings|attack|attacks|attacker|"
        r"vest|belt|car|truck|blast|explosion)s?",
        r"blew (?:himself|herself|themselves) up",
        r"detonated (?:his|her|their) (?:\w+ ){0,2}(?:vest|belt|explosives)",
        r"self-detonat\w*",
    ),
    "grenade": _words(
        r"grenades?(?! launchers?)",
        r"(?:hurled|threw|lobbed|tossed) (?:\w+ ){0,3}(?:bombs?|explosives?|explosive devices?|"
        r"petrol bombs?)(?= at)",
    ),
    "landmine": _words(
        r"land ?mines?",
        r"(?:anti-personnel|anti-tank) mines?",
        r"mines? (?:explosion|blast|exploded|detonated|went off)",
        r"(?:stepped|drove|ran) (?:on|over) (?:a|an) (?:\w+ )?mine",
        r"(?:unexploded|explosive) (?:ordnance|remnants?)",
        r"UXOs?|ERW",
        r"mine attacks?",
        # an attack made with mines or planted explosives is one, whatever its target
        r"(?<=with )(?:(?:two|three|four|several|many) )?(?:mines|landmines|"
        r"remote-controlled explosives?|IEDs|improvised explosive devices)",
    ),
    "bombing": _words(
        r"IEDs?",
        r"VBIEDs?|SVIEDs?",
        r"improvised explosive",
        r"(?:roadside|car|truck|motorcycle|bicycle|parcel|time|remote-controlled|magnetic|sticky)"
        r" bombs?",
        r"car bombings?",
        r"bombs?(?= (?:\w+ ){0,2}(?:exploded|went off|blast|attack|explosion|detonated|ripped))",
        r"bomb (?:blast|attack|explosion)s?",
        r"bombings?",
        r"blasts?",
        r"explosions?",
        r"explosive(?:s| devices?)",
        r"(?:exploded|detonated|went off)",
    ),
    "abduction": _words(
        r"abduct(?:ed|ion|ions|ing|s)?",
        r"kidnap(?:ped|ping|pings|s)?",
        r"(?:forcibly|forced) disappear(?:ed|ance|ances)",
        r"taken hostage|held hostage|hostages?",
        r"(?:whereabouts|fate) (?:\w+ ){0,3}(?:unknown|remain)",
        r"incommunicado",
    ),
    "arbitrary_detention": _words(
        r"arrest(?:ed|s|ing)?",
        r"detain(?:ed|ing|s)?",
        r"detention",
        r"(?:took|taken) into custody",
        r"rounded up",
        r"apprehended",
    ),
    "sexual_violence": _words(
        r"rap(?:e|ed|es|ing)",
        r"gang-?raped?",
        r"sexual(?:ly)? (?:assault(?:ed)?|abuse(?:d)?|violence|harass(?:ed|"
        r"ment)|exploit(?:ed|ation))",
        r"stripped (?:\w+ )?naked",
        r"molest(?:ed|ing)?",
    ),
    "torture": _words(r"tortur(?:e|ed|ing)", r"ill-treat(?:ed|ment)"),
    "summary_execution": _words(
        r"execut(?:ed|ion|ions|ing)(?! (?:committee|board|order|officer|director))",
        r"execution-style",
        r"extra-?judicial(?:ly)?",
        r"summar(?:y|ily) (?:killed|shot|executed|executions?)",
        r"point-?blank",
        r"beheaded|beheadings?|decapitated",
    ),
    "massacre": _words(r"massacr(?:e|ed|es|ing)", r"slaughter(?:ed)?", r"mass killings?"),
    "targeted_killing": _words(
        r"assassinat(?:ed|ion|ions|e|ing)",
        r"targeted killings?",
        r"hit ?m[ae]n",
    ),
    "raid": _words(r"(?<!air )raid(?:ed|s|ing)?", r"stormed", r"house-to-house", r"door-to-door"),
    "armed_attack": _words(
        r"shot (?:and (?:killed|wounded|injured)|dead|at|to death|\w+ (?:dead|to death))",
        r"gunned down",
        r"gun ?men",
        r"gunfire",
        r"opened fire",
        r"fired (?:\w+ ){0,3}(?:at|on|upon)",
        r"(?:armed|unidentified|unknown) (?:\w+ )?(?:men|individuals|persons|assailants|attackers|"
        r"group)",
        r"shooting",
        r"(?:hacked|stabbed|bludgeoned|burned|burnt|beaten|clubbed|stoned) (?:\w+ ){0,2}"
        r"(?:to death|alive)",
        r"(?:hacked|stabbed|slit)",
        r"(?:attacked|attack on|attacks on) (?:\w+ ){0,3}(?:village|villagers|civilians|residents|"
        r"homes?|houses?|people|farmers|herders|worshippers|passengers|travellers|market|mosque|"
        r"church|school|bus|vehicle|family|man|woman|men|women|children)",
        r"killed",
        r"shot (?:\w+ ){0,3}(?:civilians?|m[ae]n|wom[ae]n|people|villagers|residents|boys?|"
        r"girls?|child(?:ren)?|persons?|times|driver|passengers?|youths?)",
        r"(?:beaten|beat up|fired (?:\w+ ){0,2}shots)",
        r"murder(?:ed|s)?",
        r"assault(?:ed)?",
        r"attack(?:ed|s)?",
    ),
    "looting": _words(
        r"loot(?:ed|ing|ers)?",
        r"pillag(?:e|ed|ing)",
        r"(?:stole|stolen|steal|robbed|robbery|rustl(?:ed|ing|ers)|made away with|carted away|"
        r"extort(?:ed|ion))",
        r"land seizures?|seized (?:\w+ ){0,2}(?:land|property|properties|houses?|homes?)",
    ),
    "property_destruction": _words(
        r"(?:set|setting) (?:\w+ ){0,4}(?:on )?fire",
        r"(?:burn(?:ed|t)|torched|razed|demolish(?:ed)?|destroy(?:ed)?|bulldoz(?:ed|ing)) "
        r"(?:\w+ ){0,4}(?:houses?|homes?|shops?|buildings?|villages?|property|properties|"
        r"farms?|crops|vehicles?|cars?|bus(?:es)?|trucks?|structures?|"
        r"offices?|schools?|churches|mosques?)",
        r"arson",
        r"vandali[sz]ed",
    ),
    "weapons_seizure": _words(
        r"(?:seized|recovered|confiscated|found|discovered|"
        r"uncovered) (?:\w+ ){0,4}(?:weapons?|arms|"
        r"ammunition|explosives|cache|rifles?|guns?|grenades?|IEDs?|mines?)",
        r"defus(?:ed|al|ing)",
        r"(?:bomb|explosive) disposal",
        r"intercept(?:ed|ion)",
        r"shot down",
        r"air defen[cs]es?",
        r"controlled (?:explosion|detonation)",
    ),
    "agreement": _words(
        r"surrender(?:ed|s)?",
        r"ceasefire|cease-fire|truce",
        r"(?:signed|reached|agreed) (?:\w+ ){0,3}(?:agreement|deal|accord)",
        r"peace (?:deal|agreement|accord|talks)",
        r"prisoner (?:exchange|swap)",
        r"laid down (?:their|his) (?:arms|weapons)",
    ),
    "deployment": _words(
        r"deploy(?:ed|ment|s)",
        r"patrol(?:s|led|ling)?",
        r"reinforcements?",
        r"(?:established|set up) (?:\w+ ){0,2}(?:base|checkpoint|headquarters|post)",
        r"recruit(?:ed|ment|s)?",
        r"military (?:build-?up|exercises?|drills?|training)",
        r"convoy",
        r"curfew",
    ),
    "territory_regained": _words(
        r"regain(?:ed|s)? (?:\w+ ){0,3}control",
        r"re-?took|re-?captured|recaptured|liberated",
        r"regains?",
    ),
    "territory_taken": _words(
        r"(?:took|taken|taking|gained|seized|assumed) (?:full )?control",
        r"captured|overran|overrun|seized",
    ),
    "territory_transfer": _words(
        r"(?:withdrew|withdrawn|pulled out|retreated|left) (?:from )?(?:the )?(?:\w+ ){0,3}"
        r"(?:areas?|town|village|positions)",
        r"(?:without (?:a )?(?:fight|fighting|resistance)|peacefully|clashes were not reported)",
    ),
    "displacement": _words(
        r"displaced|displacement",
        r"fled (?:their )?(?:homes|villages)",
        r"evacuat(?:ed|ion)",
        r"refugees",
    ),
}

# ACLED's notes open strategic developments with a tag ("Looting: On 3 March …"): tag → type.
NOTE_TAGS: dict[str, str] = {
    "looting": "looting",
    "property destruction": "property_destruction",
    "land seizure": "looting",
    "movement of forces": "deployment",
    "change to armed group": "deployment",
    "change to group/activity": "deployment",
    "security measures": "deployment",
    "recruitment": "deployment",
    "headquarters or base established": "deployment",
    "weapons seizure": "weapons_seizure",
    "defusal": "weapons_seizure",
    "detonation": "weapons_seizure",
    "interception": "weapons_seizure",
    "agreement": "agreement",
    "peace agreement": "agreement",
    "ceasefire": "agreement",
    "prisoner exchange": "agreement",
    "displacement": "displacement",
    "mass grave": "other",
    "other": "other",
    "non-violent activity": "other",
    "elections/referendum": "other",
    "strikes": "other",
    "training": "other",
    "explosive remnants of war": "other",
    "abduction": "abduction",
    "arrests": "arbitrary_detention",
}
_TAG = re.compile(r"^\s*([A-Z][A-Za-z /-]{2,40}):\s")

# PITF's weapons: the words that show each, strongest first (``find_weapons``).
WEAPON_CUES: dict[str, re.Pattern[str]] = {
    "Suicide Bombing": VIOLATION_CUES["suicide_bombing"],
    "Heavy Weapons": _words(
        r"air ?-?strikes?|air ?raids?|warplanes?|(?:fighter )?jets?|aircraft|helicopters?|"
        r"drones?|barrel bombs?|shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|"
        r"tanks?|howitzers?|bombard(?:ed|ment)|aerial|bombed|MLRS|air force|cluster"
    ),
    "Explosives": _words(
        r"bombs?|bombings?|blasts?|explosions?|explosives?|explosive devices?|IEDs?|VBIEDs?|"
        r"grenades?|land ?mines?|mines? (?:explosion|blast)|exploded|detonated|went off|"
        r"dynamite|improvised explosive"
    ),
    "Primitive Weapons": _words(
        r"machetes?|knives|knife|axes?|stabbed|stabbing|hacked|hacking|cutlass(?:es)?|"
        r"clubs?|clubbed|sticks|stones|stoned|stoning|bows? and arrows|arrows|spears?|"
        r"beaten|beat (?:\w+ ){0,2}to death|burn(?:ed|t) (?:\w+ ){0,3}(?:alive|to death)|"
        r"lynch(?:ed|ing)?|"
        r"slaughtered|butchered|throats? slit|slit (?:\w+ ){0,2}throats?|beheaded|"
        r"decapitated|hammers?|iron rods?|sharp objects?|crude weapons|daggers?|swords?"
    ),
    "Firearms": _words(
        r"shot|shoot(?:ing|ings|s)?|gun(?:s|fire|shots?|men|man|point)?|gunned|"
        r"opened fire|rifles?|AK-?47s?|pistols?|bullets?|firing|fired (?:at|on|shots)|"
        r"sniper|machine-?guns?|executed|execution|point-?blank|assault rifles?|armed men|"
        r"ambush(?:ed)?|firearms?|riddled"
    ),
}


@dataclass(frozen=True, slots=True)
class Cue:
    """One word or phrase that shows a violation type, at ``[start, end)`` of the text."""

    type: str
    start: int
    end: int
    text: str


# Each pattern with the word beginnings it needs (``gate.py``): most are not run on a text, and
# one that is runs only where a word of the text begins as a match of it would.
_CUE_NAMES, _CUE_GATES = list(VIOLATION_CUES), Gates(VIOLATION_CUES.values())
_WEAPON_NAMES, _WEAPON_GATES = list(WEAPON_CUES), Gates(WEAPON_CUES.values())


def find_cues(
    text: str, types: tuple[str, ...] | None = None, *, words: Words | None = None
) -> list[Cue]:
    """Every cue of ``text`` (all types, or those given), in order of position.

    ``words``: the text's word beginnings, where the caller has them already."""
    return _find(text, _CUE_NAMES, _CUE_GATES, words or Words(text), types)


def find_weapons(text: str, *, words: Words | None = None) -> list[Cue]:
    """PITF weapon cues of ``text`` (the weapon label is the cue's ``type``), in order."""
    return _find(text, _WEAPON_NAMES, _WEAPON_GATES, words or Words(text), None)


def _find(
    text: str,
    names: list[str],
    gates: Gates,
    words: Words,
    types: tuple[str, ...] | None,
) -> list[Cue]:
    found: list[Cue] = []
    for i in gates.open(words):
        name = names[i]
        if types is None or name in types:
            matches = gates.gates[i].finditer(text, words)
            found.extend(Cue(name, m.start(), m.end(), m.group(0)) for m in matches)
    found.sort(key=lambda c: (c.start, -c.end))
    return found


def note_tag(text: str) -> str | None:
    """The violation type of a coder's note tag ("Looting: On 3 March …"), if it opens one."""
    m = _TAG.match(text)
    return NOTE_TAGS.get(m.group(1).lower()) if m else None
