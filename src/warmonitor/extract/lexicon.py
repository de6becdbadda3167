"""Word lists the extractor matches: outcome triggers, victim groups, claimant kinds, hedges.

Data only. Each table maps the words of reports to the normalised values of the claim contract
(``docs/CLAIMS.md``). Keep entries lowercase; multiword entries are matched as phrases.
"""

from __future__ import annotations

__all__ = [
    "AGENCIES",
    "CLAIMANT_KIND_WORDS",
    "COMBATANT_GROUPS",
    "DOCUMENT_HEDGES",
    "SENTENCE_HEDGES",
    "VICTIM_GROUP_WORDS",
]

# Victim head words → group. Matched on the last words of the noun phrase after a count
# ("125 members of the Syrian security forces" looks at "security forces" first).
VICTIM_GROUP_WORDS: dict[str, str] = {
    # security forces (state)
    "security forces": "security_forces",
    "security force": "security_forces",
    "security personnel": "security_forces",
    "security officers": "security_forces",
    "soldiers": "security_forces",
    "soldier": "security_forces",
    "troops": "security_forces",
    "servicemen": "security_forces",
    "serviceman": "security_forces",
    "policemen": "security_forces",
    "policeman": "security_forces",
    "police": "security_forces",
    "police officers": "security_forces",
    "police officer": "security_forces",
    "officers": "security_forces",
    "officer": "security_forces",
    "guards": "security_forces",
    "guard": "security_forces",
    "gendarmes": "security_forces",
    "marines": "security_forces",
    "army": "security_forces",
    "military": "security_forces",
    "personnel": "security_forces",
    "paratroopers": "security_forces",
    "pilots": "security_forces",
    "sailors": "security_forces",
    "border guards": "security_forces",
    "conscripts": "security_forces",
    "members of the security forces": "security_forces",
    "peacekeepers": "security_forces",
    "forces": "security_forces",
    "government forces": "security_forces",
    "regime forces": "security_forces",
    "pro-government forces": "security_forces",
    # armed groups (non-state)
    "militants": "armed_group",
    "militant": "armed_group",
    "insurgents": "armed_group",
    "insurgent": "armed_group",
    "rebels": "armed_group",
    "rebel": "armed_group",
    "jihadists": "armed_group",
    "jihadist": "armed_group",
    "gunmen": "armed_group",
    "gunman": "armed_group",
    "fighters": "armed_group",
    "fighter": "armed_group",
    "terrorists": "armed_group",
    "terrorist": "armed_group",
    "attackers": "armed_group",
    "attacker": "armed_group",
    "militiamen": "armed_group",
    "militiaman": "armed_group",
    "militia": "armed_group",
    "militias": "armed_group",
    "bandits": "armed_group",
    "extremists": "armed_group",
    "assailants": "armed_group",
    "bombers": "armed_group",
    "suicide bombers": "armed_group",
    "kidnappers": "armed_group",
    "pirates": "armed_group",
    "guerrillas": "armed_group",
    "guerrilla": "armed_group",
    "mercenaries": "armed_group",
    "combatants": "combatants",
    "combatant": "combatants",
    # civilians
    "civilians": "civilians",
    "civilian": "civilians",
    "residents": "civilians",
    "resident": "civilians",
    "villagers": "civilians",
    "villager": "civilians",
    "worshippers": "civilians",
    "worshipers": "civilians",
    "passengers": "civilians",
    "pedestrians": "civilians",
    "students": "civilians",
    "student": "civilians",
    "pupils": "civilians",
    "farmers": "civilians",
    "farmer": "civilians",
    "herders": "civilians",
    "traders": "civilians",
    "shoppers": "civilians",
    "teachers": "civilians",
    "journalists": "civilians",
    "journalist": "civilians",
    "aid workers": "civilians",
    "workers": "civilians",
    "worker": "civilians",
    "pilgrims": "civilians",
    "migrants": "civilians",
    "refugees": "civilians",
    "protesters": "civilians",
    "protestors": "civilians",
    "demonstrators": "civilians",
    "mourners": "civilians",
    "guests": "civilians",
    "fishermen": "civilians",
    "miners": "civilians",
    "doctors": "civilians",
    "nurses": "civilians",
    "patients": "people",  # a hospital's patients may be anyone: not counted as civilians
    "youths": "civilians",
    "youth": "civilians",
    "family members": "civilians",
    "relatives": "civilians",
    "villagers and": "civilians",
    "christians": "civilians",
    "muslims": "civilians",
    "alawites": "civilians",
    "shiites": "civilians",
    "sunnis": "civilians",
    "drivers": "civilians",
    "driver": "civilians",
    "traders and": "civilians",
    "tourists": "civilians",
    "hostages": "civilians",
    "prisoners": "detainees",
    "detainees": "detainees",
    "inmates": "detainees",
    # children and women
    "children": "children",
    "child": "children",
    "kids": "children",
    "boys": "children",
    "boy": "children",
    "girls": "children",
    "girl": "children",
    "babies": "children",
    "baby": "children",
    "infants": "children",
    "infant": "children",
    "minors": "children",
    "toddlers": "children",
    "schoolchildren": "children",
    "schoolgirls": "children",
    "schoolboys": "children",
    "teenagers": "children",
    "women": "women",
    "woman": "women",
    "mothers": "women",
    "wives": "women",
    # men (adult males, civilian unless named as a force: "gunmen", "policemen" are above)
    "men": "men",
    "man": "men",
    "fathers": "men",
    "husbands": "men",
    # other: victims known by a feature that is no group ("unidentified bodies", "adults")
    "unidentified": "other",
    "unnamed": "other",
    "adults": "other",
    "adult": "other",
    # unspecified
    "people": "people",
    "persons": "people",
    "person": "people",
    "individuals": "people",
    "others": "people",
    "victims": "people",
    "bodies": "people",
    "lives": "people",
    "members": "people",
    "dead": "people",
    "casualties": "people",
    "souls": "people",
}

# Groups that are combatants for the "combatants killed" headline.
COMBATANT_GROUPS = frozenset({"security_forces", "armed_group", "combatants"})

# Words in a claimant's name or description → claimant kind. First match in this order wins.
CLAIMANT_KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "international",
        (
            "united nations",
            "un ",
            "u.n.",
            "unicef",
            "ocha",
            "unhcr",
            "icrc",
            "red cross",
            "world health organization",
            "who ",
            "iom",
            "unama",
            "unami",
            "monusco",
            "minusma",
            "amisom",
            "unmiss",
            "human rights office",
            "high commissioner",
        ),
    ),
    (
        "medical",
        (
            "hospital",
            "health",
            "medic",
            "doctor",
            "physician",
            "paramedic",
            "morgue",
            "mortuary",
            "red crescent",
            "ambulance",
            "civil defence",
            "civil defense",
            "white helmets",
            "rescue",
            "rescuers",
            "msf",
            "medecins",
            "médecins",
            "coroner",
            "nurse",
        ),
    ),
    (
        "monitor",
        (
            "observatory",
            "monitor",
            "human rights",
            "rights group",
            "rights watch",
            "amnesty",
            "airwars",
            "acled",
            "network",
            "documentation",
            "violations",
            "watchdog",
            "activists",
            "activist",
            "ngo",
            "casualty count",
            "iraq body count",
        ),
    ),
    (
        "military",
        (
            "army",
            "military",
            "armed forces",
            "defence",
            "defense",
            "troops",
            "security",
            "police",
            "commander",
            "colonel",
            "general ",
            "brigade",
            "spokesman for the army",
            "officer",
            "pentagon",
            "coalition",
            "navy",
            "air force",
            "idf",
            "gendarmerie",
            "soldier",
        ),
    ),
    (
        "armed_group",
        (
            "rebel",
            "insurgent",
            "militant",
            "islamic state",
            "isis",
            "isil",
            "daesh",
            "taliban",
            "boko haram",
            "al-shabaab",
            "al shabaab",
            "shabaab",
            "hezbollah",
            "hamas",
            "houthi",
            "al qaeda",
            "al-qaeda",
            "nusra",
            "ypg",
            "sdf",
            "pkk",
            "fsa",
            "free syrian army",
            "militia",
            "jihadist",
            "group said",
            "the group",
            "claimed responsibility",
            "fighters",
        ),
    ),
    (
        "government",
        (
            "ministry",
            "minister",
            "government",
            "official",
            "authorities",
            "authority",
            "governor",
            "mayor",
            "president",
            "prime minister",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "council",
            "administration",
            "state media",
            "state news",
            "state television",
            "state tv",
            "sana",
            "district chief",
            "chief",
            "local leader",
            "lawmaker",
            "senator",
            "parliament",
            "presidency",
            "kremlin",
            "white house",
            "embassy",
        ),
    ),
    (
        "media",
        (
            "reuters",
            "afp",
            "agence france",
            "associated press",
            "ap ",
            "bbc",
            "al jazeera",
            "cnn",
            "television",
            "tv",
            "newspaper",
            "news agency",
            "media",
            "radio",
            "reporter",
            "correspondent",
            "journalist",
        ),
    ),
    (
        "witness",
        (
            "witness",
            "resident",
            "villager",
            "survivor",
            "local",
            "relative",
            "eyewitness",
            "neighbour",
            "neighbor",
            "farmer",
            "trader",
            "elder",
        ),
    ),
)

# Wire agencies whose name in a report means "reported by" when the outlet is not given.
AGENCIES: tuple[tuple[str, str], ...] = (
    ("reuters", "Reuters"),
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("associated press", "AP"),
    ("(ap)", "AP"),
    ("xinhua", "Xinhua"),
    ("anadolu", "Anadolu"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
    ("ani", "ANI"),
    ("pti", "PTI"),
    ("tass", "TASS"),
)

# Hedge phrases found in the claim's own sentence → hedge label.
SENTENCE_HEDGES: tuple[tuple[str, str], ...] = (
    (r"could ?n[o']t (?:be )?independently (?:verif|confirm)", "unverified"),
    (
        r"(?:cannot|can ?n[o']t|could ?n[o']t|impossible to|unable to|not been able to|"
        r"no way to|not possible to) (?:be )?(?:independently )?(?:verif|confirm)",
        "unverified",
    ),
    (r"\bunverified\b|\bnot (?:been )?(?:independently )?verified\b", "unverified"),
    (r"\bunconfirmed\b|\bnot (?:been )?(?:independently )?confirmed\b", "unconfirmed"),
    (
        r"\breportedly\b|\breports? (?:of|that|say|said)\b|\bit was reported\b|"
        r"\bwere reported\b|\bwas reported\b|\bunconfirmed reports\b",
        "reported",
    ),
    (r"\ballegedly\b|\balleged\b", "alleged"),
    (
        r"\bpreliminary\b|\binitial (?:toll|reports?|figures?|count)\b|\bso far\b|"
        r"\b(?:expected|likely|feared) to (?:rise|climb|increase)\b|\bcould rise\b",
        "preliminary",
    ),
    (
        r"\bdenied\b|\bdisputed\b|\brejected (?:the|these|those) (?:figures?|claims?|reports?)\b|"
        r"\bexaggerated\b",
        "disputed",
    ),
    (r"\bfeared\b|\bbelieved (?:to|dead)\b|\bfeared dead\b|\bpresumed\b", "feared"),
    (r"\baccording to\b", "attributed"),
    (r"\bclaimed\b", "claimed"),
    # a toll foreseen, not counted: "could exceed 1,000", "is expected to reach 500"
    (
        r"\b(?:could|may|might|would|will|(?:is|are|was|were) (?:expected|likely|set) to)"
        r"(?: well| eventually| soon| ultimately)? (?:exceed|surpass|top|reach|pass|hit|"
        r"climb (?:to|above|past)|rise (?:to|above|past)|be as high as|be higher than|"
        r"be more than|number in)\b|\bprojected\b|\bprojections?\b|\bforecasts?\b",
        "projection",
    ),
    # a figure worked out, not counted: "an estimated 300", "estimates put the toll at"
    (r"\bestimat(?:e|es|ed|ing|ion)\b", "estimate"),
)

# A sentence that carries one of these and no figure of its own hedges the figures just before.
DOCUMENT_HEDGES: tuple[tuple[str, str], ...] = (
    (r"could ?n[o']t (?:be )?independently (?:verif|confirm)", "unverified"),
    (
        r"(?:cannot|can ?n[o']t|could ?n[o']t|impossible to|unable to|not been able to|"
        r"no way to|not possible to) (?:be )?(?:independently )?(?:verif|confirm)",
        "unverified",
    ),
    (
        r"\b(?:figures?|tolls?|numbers?|claims?|reports?) (?:could|can) ?n[o']t be verified\b",
        "unverified",
    ),
    (r"\bunconfirmed\b", "unconfirmed"),
)

# Singular nouns of people: "a policeman was killed", "killed a priest" state a count of one.
PERSON_NOUNS = frozenset(
    """man woman boy girl child baby infant toddler teenager teen youth person civilian
    soldier policeman policewoman officer commander general colonel major captain lieutenant
    sergeant guard trooper marine pilot sailor militant insurgent rebel fighter gunman jihadist
    terrorist attacker assailant bomber suspect leader chief official politician lawmaker mayor
    governor minister councillor councilor judge lawyer prosecutor cleric imam priest pastor
    monk nun bishop preacher scholar teacher student pupil doctor nurse medic paramedic
    journalist reporter photographer cameraman blogger activist worker employee engineer driver
    farmer herder herdsman shepherd trader shopkeeper vendor merchant businessman
    businesswoman resident villager passenger pedestrian pilgrim tourist migrant refugee
    prisoner detainee inmate hostage elder chief chieftain villager fisherman miner guard
    member volunteer contractor diplomat ambassador candidate opponent critic protester
    demonstrator mother father son daughter brother sister husband wife relative nephew niece
    cousin uncle aunt grandfather grandmother sheikh chairman councilman spokesman
    policeofficer gendarme serviceman peacekeeper ranger warden watchman president
    vice-president mp senator head director manager staffer staff detective inspector
    superintendent constable lady gentleman girlfriend boyfriend fiance fiancee teenager
    toddler schoolboy schoolgirl youngster adolescent veteran businessman landlord owner
    headmaster principal lecturer professor researcher chemist pharmacist surgeon dentist
    vet operator technician mechanic electrician tailor barber cook waiter guide translator
    interpreter aide assistant secretary clerk accountant banker broker cashier agent
    spy informant collaborator smuggler trafficker kidnapper robber thief bandit cultist
    emir warlord kingpin ringleader deputy commissioner councillor chairperson speaker
    magistrate coroner sheriff marshal deputy ex-soldier ex-policeman ex-militant bodyguard
    broadcaster presenter anchor editor columnist writer poet artist singer footballer
    athlete coach referee player victim casualty body corpse administrator companion
    colleague associate partner friend neighbour neighbor pastoralist thief ruler king queen
    prince princess monarch commissioner apprentice grandson granddaughter grandchild
    bystander by-stander passer-by devotee worshipper follower supporter sheik male female
    visitor guest customer militiaman tribesman legislator parliamentarian aspirant envoy
    mullah mufti muezzin rabbi commentator custodian caretaker motorist commuter labourer
    laborer hunter chef consul porter headman
    adult""".split()
)
