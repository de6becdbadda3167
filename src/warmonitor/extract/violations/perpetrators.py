"""Who did it: the perpetrator as the report states it, and its kind.

``find_perpetrator`` reads a text for the one who acted, kept apart from who reports it: a named
armed group or force anywhere in an agent's place ("Boko Haram militants killed", "killed by
police", "claimed by the Taliban", "blamed on al-Shabab"), else a force named as the doer of
the act ("soldiers opened fire"). Unnamed "gunmen" or "a suicide bomber" are an unknown
perpetrator: no name, kind ``unknown``. A perpetrator's own statement about its victims
("the army said it killed 30 terrorists") is marked ``own_claim``.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from warmonitor.extract.violations.gate import Words, gate
from warmonitor.model import Perpetrator

__all__ = ["PERPETRATOR_KINDS", "PerpetratorKind", "find_perpetrator"]

PerpetratorKind = Literal["state", "state_allied", "non_state", "transnational", "unknown"]
PERPETRATOR_KINDS: tuple[str, ...] = get_args(PerpetratorKind)

# Named non-state armed groups and movements: the name as news writes it → kind.
# ``transnational`` is decided by place (``find_perpetrator``'s ``country``), not here.
_GROUPS: tuple[tuple[str, str, str | None], ...] = (
    # (pattern, kind, the countries it is at home in (where it operates as a domestic
    # group; space-separated), or None when it has none)
    (r"Boko Haram", "non_state", "NG CM NE TD"),
    (r"ISWAP", "non_state", "NG CM NE TD"),
    (r"Taliban", "non_state", "AF PK"),
    (r"ISIS|ISIL|Daesh|Islamic State(?: group)?|IS militants|IS group", "non_state", None),
    (r"[Aa]l[- ]?Shabaa?b|Shabaab", "non_state", "SO KE"),
    (r"[Aa]l[- ]?Qaeda|[Aa]l[- ]?Qaida|AQAP|AQIM", "non_state", None),
    (
        r"[Aa]l[- ]?Nusra(?: Front)?|Nusra Front|Jabhat al-?Nusra|Hayat Tahrir al-?Sham|HTS",
        "non_state",
        "SY",
    ),
    (r"Houthis?(?: rebels| militias?| fighters| forces)?|Ansar ?Allah", "non_state", "YE"),
    (r"Fulani(?: herdsmen| herders| gunmen| militias?)?", "non_state", None),
    (r"Hezbollah|Hizbollah", "non_state", "LB"),
    (r"Hamas", "non_state", "PS"),
    (r"PKK", "non_state", "TR"),
    (r"ADF(?:-NALU)?|Allied Democratic Forces", "non_state", "UG CD"),
    (r"LRA|Lord's Resistance Army", "non_state", "UG CF CD SS"),
    (r"M23", "non_state", "CD"),
    (r"FDLR", "non_state", "RW CD"),
    (r"anti-?balaka", "non_state", "CF"),
    (r"Seleka|ex-Seleka", "non_state", "CF"),
    (r"NPA|New People's Army", "non_state", "PH"),
    (r"Abu Sayyaf", "non_state", "PH"),
    (r"Maoists?|Naxal(?:ite)?s?", "non_state", "IN"),
    (r"FARC", "non_state", "CO"),
    (r"ELN", "non_state", "CO"),
    (
        r"Lashkar-[eiE]-(?:Taiba|Jhangvi)|Tehr[ei][ei]k-[ei]-Taliban|TTP|Jamaat-ul-Ahrar|"
        r"Jaish-[ei]-Mohammed|LeJ",
        "non_state",
        "PK",
    ),
    (r"Baloch(?: Liberation Army| separatists| militants)?|BLA", "non_state", "PK"),
    (r"JNIM|Ansar Dine|MUJAO|Macina Liberation Front", "non_state", "ML"),
    (r"Janjaweed|Rapid Support Forces|RSF", "state_allied", "SD"),
    (r"Imbonerakure", "state_allied", "BI"),
    (r"shabiha|Shabiha", "state_allied", "SY"),
    (r"Civilian JTF|CJTF", "state_allied", "NG"),
    (r"Hashd|Popular Mobili[sz]ation (?:Forces|Units)|PMF|PMU", "state_allied", "IQ"),
    (r"Mayi[- ]Mayi|Mai[- ]Mai", "non_state", "CD"),
    (r"SPLA-IO|SPLM-IO", "non_state", "SS"),
    (r"Wagner(?: Group)?", "transnational", "RU"),
)
_GROUP_RE = [(re.compile(r"\b(?:" + p + r")(?![\w-])"), k, c) for p, k, c in _GROUPS]
_GROUP_GATES = [gate(pattern) for pattern, _, _ in _GROUP_RE]

_STATE_HEADS = (
    r"police(?:men)?|police officers?|policemen|security forces|security personnel|soldiers|troops|"
    r"army|military|armed forces|government forces|regime forces|pro-government forces|"
    r"air ?force|navy|gendarmes?|gendarmerie|border guards|national guard|marines|"
    r"warplanes?|jets|junta|Tatmadaw|state forces|paramilitar(?:y|ies)|coalition"
)
_NON_STATE_HEADS = (
    r"militants?|rebels?|insurgents?|jihadists?|extremists?|terrorists?|bandits|robbers|"
    r"(?:cattle )?rustlers|herdsmen|herders|pirates|separatists|guerrillas?|militias?|"
    r"militiamen|mobs?|rioters|gang(?:s| members)?|cultists|kidnappers|vigilantes|"
    r"fighters|Islamists"
)
_UNKNOWN_HEADS = (
    r"gunm[ae]n|assailants?|attackers?|suicide bombers?|bombers?|armed men|unknown men|"
    r"unidentified men|hitm[ae]n|killers"
)
# A nationality or a place adjective before a head ("Nigerian soldiers", "Saudi air force").
_MODIFIERS = (
    r"(?:(?:suspected|alleged|presumed|unidentified|unknown|armed|heavily armed|masked|"
    r"rival|local|Islamist|Muslim|Christian|Shiite|Sunni|ethnic|pro-[\w-]+|anti-[\w-]+|"
    r"(?-i:[A-Z][\w'-]+)(?:-led)?)\s+){0,3}"
)
_HEAD = re.compile(
    r"\b"
    + _MODIFIERS
    + r"(?P<head>"
    + _STATE_HEADS
    + "|"
    + _NON_STATE_HEADS
    + "|"
    + _UNKNOWN_HEADS
    + r")\b",
    re.IGNORECASE,
)
# A head always starts a word: no head word, no perpetrator phrase (``gate.py``).
_HEAD_GATE = gate(
    re.compile(
        r"\b(?:" + _STATE_HEADS + "|" + _NON_STATE_HEADS + "|" + _UNKNOWN_HEADS + r")\b",
        re.IGNORECASE,
    )
)
_STATE_RE = re.compile(r"^(?:" + _STATE_HEADS + r")$", re.IGNORECASE)
_AIRCRAFT = re.compile(r"^(?:warplanes?|jets|fighter jets|aircraft|helicopters?)$", re.I)
# Strikes from the air with no force named: an air force's (no armed group flies warplanes).
_FROM_THE_AIR = re.compile(
    r"\b(?:air ?-?strikes?|air ?raids?|aerial (?:bombardments?|bombings?|attacks?|strikes?)|"
    r"warplanes?|fighter jets|barrel bombs?|helicopter gunships?)\b",
    re.IGNORECASE,
)
_UNKNOWN_RE = re.compile(r"^(?:" + _UNKNOWN_HEADS + r")$", re.IGNORECASE)

_ACTS = (
    r"killed|kill|shot|shoot|opened fire|fired|attacked|attack|stormed|raided|abducted|"
    r"kidnapped|bombed|shelled|struck|hit|hacked|stabbed|slaughtered|massacred|executed|"
    r"beheaded|burned|burnt|torched|set fire|ambushed|detonated|launched|carried out|"
    r"invaded|rampaged|gunned|butchered|murdered|lynched|beat|tortured|raped|targeted|"
    r"dragged|rounded up|arrested|detained|seized|looted|overran|clashed"
)
_AGENT_AFTER = re.compile(
    r"(?:\s+(?:elements|men|members|fighters|units))?"
    r"(?:\s+(?:in|at|from|near|of|on|riding|on board)\s+[^,.;]{0,60}?)?"
    r"\s*(?:(?:have|had|has|reportedly|allegedly|on \w+|then|also)\s+)*"
    r"(?:" + _ACTS + r")\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(
    r"\b(?:by|blamed on|claimed by|attributed to|carried out by|responsibility (?:of|by)|"
    r"from|belonging to|linked to|loyal to)\s+(?:the\s+|a\s+|an\s+|some\s+|suspected\s+)?$",
    re.IGNORECASE,
)
_CLAIMED_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,3}(?:claimed|has claimed|have claimed|took|has taken|accepted)\s+"
    r"(?:\w+\s+){0,2}responsibility",
    re.IGNORECASE,
)
_OWN_CLAIM = re.compile(
    r"\b(?:neutrali[sz]ed|eliminated|terrorists were killed|killed \w+ terrorists|"
    r"(?:said|says|claimed) (?:it|they) (?:had )?(?:killed|destroyed|eliminated))\b",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an|some|suspected|alleged|presumed)\s+", re.IGNORECASE)
_COUNTRY_WORD = {
    "saudi": "SA",
    "saudi-led": "SA",
    "emirati": "AE",
    "american": "US",
    "us": "US",
    "u.s.": "US",
    "us-led": "US",
    "russian": "RU",
    "turkish": "TR",
    "israeli": "IL",
    "iranian": "IR",
    "syrian": "SY",
    "iraqi": "IQ",
    "afghan": "AF",
    "pakistani": "PK",
    "nigerian": "NG",
    "cameroonian": "CM",
    "chadian": "TD",
    "kenyan": "KE",
    "somali": "SO",
    "ethiopian": "ET",
    "ugandan": "UG",
    "sudanese": "SD",
    "egyptian": "EG",
    "libyan": "LY",
    "french": "FR",
    "british": "GB",
    "ukrainian": "UA",
    "yemeni": "YE",
    "indian": "IN",
    "burmese": "MM",
    "myanmar": "MM",
    "congolese": "CD",
    "malian": "ML",
    "nigerien": "NE",
    "burkinabe": "BF",
    "jordanian": "JO",
    "lebanese": "LB",
    "bangladeshi": "BD",
    "chinese": "CN",
}


def find_perpetrator(
    text: str, *, country: str | None = None, words: Words | None = None
) -> Perpetrator | None:
    """The perpetrator of the act ``text`` reports, or ``None`` when no doer is stated.

    ``country`` (alpha-2), where known, tells a foreign force or group (``transnational``);
    ``words``: the text's word beginnings, where the caller has them.
    """
    words = words or Words(text)
    named = _named_group(text, country, words)
    if named is not None:
        return named
    if not _HEAD_GATE.open(words):
        return _from_the_air(text, country)
    for m in _HEAD.finditer(text):
        if not _agent(text, m.start(), m.end()):
            continue
        phrase = _ARTICLE.sub("", m.group(0)).strip()
        head = m.group("head")
        if _UNKNOWN_RE.match(head):
            return Perpetrator(None, phrase, "unknown", start=m.start(), end=m.end())
        kind = "state" if _STATE_RE.match(head) else "non_state"
        if _AIRCRAFT.match(head):  # "Syrian warplanes": the force that flies them
            phrase = phrase[: len(phrase) - len(head)] + "air force"
        home = _home(phrase)
        if kind == "state" and home and country and home != country:
            kind = "transnational"
        own = bool(_OWN_CLAIM.search(text))
        return Perpetrator(phrase, m.group(0).strip(), kind, own, start=m.start(), end=m.end())
    return _from_the_air(text, country)


def _from_the_air(text: str, country: str | None) -> Perpetrator | None:
    """Strikes from the air with no force named are an air force's ("Saudi air strikes":
    the Saudi air force), no armed group flying warplanes."""
    air = _FROM_THE_AIR.search(text)
    if air is None:
        return None
    before = text[max(0, air.start() - 30) : air.start()].split()
    home = _home(before[-1]) if before else None
    nation = before[-1] if home else ""
    kind = "transnational" if home and country and home != country else "state"
    name = f"{nation} air force".strip()
    return Perpetrator(name, air.group(0), kind, start=air.start(), end=air.end())


def _named_group(text: str, country: str | None, words: Words) -> Perpetrator | None:
    best: tuple[int, re.Match[str], str, str | None] | None = None
    for (pattern, kind, home), needs in zip(_GROUP_RE, _GROUP_GATES, strict=True):
        if not needs.open(words):
            continue
        for m in pattern.finditer(text):
            if _victim_side(text, m.start()):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m, kind, home)
            break
    if best is None:
        return None
    _, m, kind, home = best
    if kind == "non_state" and home and country and country not in home.split():
        kind = "transnational"
    return Perpetrator(m.group(0), m.group(0), kind, start=m.start(), end=m.end())


_VICTIM_BEFORE = re.compile(
    r"\b(?:against|on|targeting|fighting|battle with|clashes with|clashed with|"
    r"positions of|killed|kill|killing|suspected of|joined|join|"
    r"(?:killed|killing|arrested|captured|detained|targeting|against)\s+(?:\w+\s+){0,3}"
    r"(?:members|fighters|militants) of|"
    r"defectors from|former|ex-)\s+(?:the\s+|an?\s+|\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _victim_side(text: str, start: int) -> bool:
    """A named group where it is the target ("air strikes on ISIS"), not the doer."""
    before = text[max(0, start - 40) : start]
    if _BY_BEFORE.search(before):
        return False
    return bool(_VICTIM_BEFORE.search(before))


def _agent(text: str, start: int, end: int) -> bool:
    """Whether the phrase at ``[start, end)`` is the doer: subject of an act, or after "by"."""
    if _AGENT_AFTER.match(text, end) or _CLAIMED_AFTER.match(text, end):
        return True
    return bool(_BY_BEFORE.search(text[max(0, start - 40) : start]))


def _home(phrase: str) -> str | None:
    for word in phrase.lower().split():
        if word in _COUNTRY_WORD:
            return _COUNTRY_WORD[word]
    return None
