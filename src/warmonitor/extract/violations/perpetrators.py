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

from warmonitor.extract.gate import Gates, Lead, Words, gate
from warmonitor.extract.violations.armed_groups import patterns
from warmonitor.model import PERPETRATOR_KINDS, Perpetrator, PerpetratorKind

__all__ = ["PERPETRATOR_KINDS", "PerpetratorKind", "find_perpetrator"]

# Named armed groups and forces: the registry of armed actors (``armed_groups.py``).
# ``transnational`` is decided by place (``find_perpetrator``'s ``country``), not here.
_GROUP_RE = [(pattern, g.kind, g.home) for pattern, g in patterns()]
_GROUP_GATES = Gates(pattern for pattern, _, _ in _GROUP_RE)

_STATE_HEADS = (
    r"police(?:m[ae]n)?|police officers?|security forces|soldier|[Dd]efen[cs]e [Ff]orces|"
    r"special forces|[Rr]epublican [Gg]uard|[Pp]residential [Gg]uard|security personnel|"
    r"soldiers|troops|"
    r"army|military|armed forces|government forces|regime forces|pro-government forces|"
    r"air ?force|navy|gendarmes?|gendarmerie|border guards|national guard|marines|"
    r"warplanes?|jets|junta|Tatmadaw|state forces|paramilitar(?:y|ies)|coalition"
)
_NON_STATE_HEADS = (
    r"militants?|rebels?|insurgents?|jihadists?|extremists?|terrorists?|bandits|robbers|"
    r"(?:cattle )?rustlers|herdsmen|herders|pirates|separatists|guerrillas?|militias?|"
    r"militiamen|mobs?|rioters|gang(?:s| members)?|cultists|kidnappers|vigilantes|"
    r"fighters|Islamists|(?:cattle )?raiders|thugs|hoodlums|tribesmen|clansmen|militiaman|"
    r"arsonists|(?:irate |angry )?youths"
)
_UNKNOWN_HEADS = (
    r"gunm[ae]n|assailants?|attackers?|suicide bombers?|bombers?|armed men|unknown men|"
    r"unidentified men|hitm[ae]n|killers"
)
# A nationality or a place adjective before a head ("Nigerian soldiers", "Saudi air force"):
# at most three, each one word or two ("heavily armed").
_MODIFIERS = (
    r"(?:(?:suspected|alleged|presumed|unidentified|unknown|armed|heavily armed|masked|"
    r"rival|local|Islamist|Muslim|Christian|Shiite|Sunni|ethnic|pro-[\w-]+|anti-[\w-]+|"
    r"(?-i:[A-Z][\w'-]+)(?:-led)?)\s+){0,3}"
)
_HEADS = r"(?P<head>" + _STATE_HEADS + "|" + _NON_STATE_HEADS + "|" + _UNKNOWN_HEADS + r")\b"
_HEAD = re.compile(r"\b" + _MODIFIERS + _HEADS, re.IGNORECASE)
# A head always starts a word: no head word, no perpetrator phrase; a phrase starts at most six
# words (three modifiers) before its head (``gate.py``).
_HEAD_WORD = re.compile(r"\b" + _HEADS, re.IGNORECASE)
_HEAD_LEAD = Lead(_HEAD, _HEAD_WORD, 6)
_STATE_RE = re.compile(r"^(?:" + _STATE_HEADS + r")$", re.IGNORECASE)
_AIRCRAFT = re.compile(r"^(?:warplanes?|jets|fighter jets|aircraft|helicopters?)$", re.I)
# Strikes from the air with no force named: an air force's (no armed group flies warplanes).
_FROM_THE_AIR = re.compile(
    r"\b(?:air ?-?strikes?|air ?raids?|aerial (?:bombardments?|bombings?|attacks?|strikes?)|"
    r"warplanes?|fighter jets|barrel bombs?|helicopter gunships?)\b",
    re.IGNORECASE,
)
_FROM_THE_AIR_GATE = gate(_FROM_THE_AIR)
_UNKNOWN_RE = re.compile(r"^(?:" + _UNKNOWN_HEADS + r")$", re.IGNORECASE)

_ACTS = (
    r"killed|kill|shot|shoot|opened fire|fired|attacked|attack|stormed|raided|abducted|"
    r"kidnapped|bombed|shelled|struck|hit|hacked|stabbed|slaughtered|massacred|executed|"
    r"beheaded|burned|burnt|torched|set fire|ambushed|detonated|launched|carried out|"
    r"invaded|rampaged|gunned|butchered|murdered|lynched|beat|tortured|raped|targeted|"
    r"dragged|rounded up|arrested|detained|seized|looted|overran|clashed|bombarded|rammed|"
    r"sacked|razed|invaded|engaged|went on|fired|blew up|planted|"
    r"(?:have|has|had)\s+(?:\w+\s+)?(?:killed|attacked|shot|stormed|abducted|bombed)"
)
_AGENT_AFTER = re.compile(
    r"(?:\s*\([A-Z][\w-]{1,10}\))?(?:\s+(?:elements|men|members|fighters|units))?"
    r"(?:\s+(?:in|at|from|near|of|on|riding|on board)\s+[^,.;]{0,60}?)?"
    r"\s*(?:(?:have|had|has|reportedly|allegedly|on \w+(?: (?:night|morning|evening))?|then|"
    r"also|last night|yesterday|today|tonight|overnight|(?:early|late) (?:on )?\w+|"
    r"(?:are|were|is|was|have been|had been) (?:reported|said|believed|alleged|suspected) to "
    r"(?:have)?)\s+)*"
    r"(?:" + _ACTS + r")\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(
    r"\b(?:by|blamed(?: \w+){0,3} on|claimed by|attributed to|carried out by|"
    r"responsibility (?:of|by)|from|belonging to|linked to|loyal to|blamed|accused|"
    # the doer named where the attackers are said to be it ("the attackers were rustlers")
    r"(?:attackers|assailants|gunmen|killers|perpetrators|culprits)\s+(?:were|are)"
    r"(?:\s+(?:believed|thought|suspected|said) to (?:be|have been))?|"
    r"(?:suspected|believed|alleged|thought) to (?:be|have been))\s+"
    r"(?:the\s+|a\s+|an\s+|some\s+|suspected\s+|alleged\s+)?"
    r"(?:(?:joint\s+)?(?:force|group|gang|band|unit|team|number|contingent|members|"
    r"elements|fighters|militants)s?\s+of\s+(?:the\s+)?)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|"
    r"several|some|many|scores of|hundreds of)\s+)?$",
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
# Modifiers that say nothing of who the doers were ("unknown", "heavily armed", "masked").
_BLANK = re.compile(
    r"\b(?:suspected|alleged|presumed|unidentified|unknown|armed|heavily|masked|rival|local|"
    r"some|several|two|three|four|five|six|seven|eight|nine|ten|dozens|hooded|the|a|an)\b",
    re.IGNORECASE,
)
_UNSAID = re.compile(r"^(?:(?:heavily|well|armed|masked|hooded)\s+)+(?=\w)", re.IGNORECASE)
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
    found = _head_agent(text, country, words)
    if found is None or found.kind == "unknown":
        sides = _sides(text, len(text), words)
        if sides is not None:
            return sides
    return found if found is not None else _from_the_air(text, country, words)


def _head_agent(text: str, country: str | None, words: Words) -> Perpetrator | None:
    """The first force or group named in an agent's place."""
    if not _HEAD_LEAD.open(words):
        return None
    for m in _HEAD_LEAD.finditer(text, words):
        if not _agent(text, m.start(), m.end()):
            continue
        phrase = _ARTICLE.sub("", m.group(0)).strip()
        phrase = _UNSAID.sub("", phrase) or phrase  # "heavily armed rustlers": rustlers
        head = m.group("head")
        if _UNKNOWN_RE.match(head):
            who = _BLANK.sub("", phrase[: len(phrase) - len(head)]).strip()
            home = _home(who) if who else None
            if home and country and home != country:  # "Ethiopian gunmen" in Sudan: foreign
                return Perpetrator(phrase, m.group(0).strip(), "transnational",
                                   start=m.start(), end=m.end())  # fmt: skip
            if not who or home:  # "unknown gunmen", "Afghan gunmen" at home: no one named
                return Perpetrator(None, phrase, "unknown", start=m.start(), end=m.end())
            # "Islamist gunmen", "BNP attackers": the words before the head say who
            name = f"{who} {head}"
            return Perpetrator(name, m.group(0).strip(), "non_state", start=m.start(), end=m.end())
        kind = "state" if _STATE_RE.match(head) else "non_state"
        home = _home(phrase)
        if _AIRCRAFT.match(head):  # "Syrian warplanes": the force that flies them
            phrase = phrase[: len(phrase) - len(head)] + "air force"
        elif home and _AIR_ARM.match(head) and _FROM_THE_AIR.search(text):
            # "the Saudi-led coalition" striking from the air: the Saudi air force
            phrase = f"{_nation(phrase)} air force"
        if kind == "state" and home and country and home != country:
            kind = "transnational"
        own = bool(_OWN_CLAIM.search(text))
        return Perpetrator(phrase, m.group(0).strip(), kind, own, start=m.start(), end=m.end())
    return None


# Fighting between two sides names both as its doers ("clashes between the Garre and Degodia
# clans", "fighting pitting herders against farmers", "X clashed with Y").
_SIDE_END = (
    r"(?=\s+(?:in|at|on|near|over|that|which|who|since|after|following|from|along|left|has|"
    r"have|had|killed|claimed|erupted|broke|continued)\b|[,.;:()\[\]]|$)"
)
_SIDES = re.compile(
    r"\b(?:clash(?:es|ed)?|fighting|fights?|fought|gun ?battles?|battles?|skirmish(?:es)?|"
    r"feuds?|violence|hostilities|war|fire ?fights?|confrontations?)\s+"
    r"(?:(?:that|which)\s+(?:\w+\s+){0,2})?(?:in\s+(?:\w+\s+){0,3}?)?"
    r"(?:(?:broke out|erupted|flared)\s+(?:[\w.]+\s+){0,4}?)?"
    r"(?:between|among|involving)\s+(?P<a>[^,.;:()\[\]]{2,60}?)\s+(?:and|&)\s+"
    r"(?P<b>[^,.;:()\[\]]{2,60}?)" + _SIDE_END + "|"
    r"\bpitting\s+(?P<c>[^,.;:()\[\]]{2,60}?)\s+against\s+(?P<d>[^,.;:()\[\]]{2,60}?)" + _SIDE_END,
    re.IGNORECASE,
)


def _sides(text: str, end: int, words: Words) -> Perpetrator | None:
    """Both sides of the fighting the text reports before ``end``, as one doer."""
    m = _SIDES_GATE.search(text, words, 0, end)
    if m is None:
        return None
    a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    a, b = _ARTICLE.sub("", a.strip()), _ARTICLE.sub("", b.strip())
    if not a or not b or _NO_SIDE.search(a) or _NO_SIDE.search(b):
        return None
    kinds = {_side_kind(a), _side_kind(b)}
    kind = "state" if kinds == {"state"} else "non_state"
    name = f"{a} and {b}"
    start = m.start("a") if m.group("a") else m.start("c")
    return Perpetrator(name, m.group(0), kind, start=start, end=m.end())


_SIDES_GATE = gate(_SIDES)


# Words that make "between" name no sides: a time or a place ("between 2 and 4 am").
_NO_SIDE = re.compile(r"\d|\b(?:am|pm|hours?|days?|weeks?|months?|kilomet\w+|km|miles)\b", re.I)


def _side_kind(words: str) -> str:
    return "state" if _STATE_HEAD.search(words) else "non_state"


_STATE_HEAD = re.compile(r"\b(?:" + _STATE_HEADS + r")\b", re.IGNORECASE)


def _from_the_air(text: str, country: str | None, words: Words) -> Perpetrator | None:
    """Strikes from the air with no force named are an air force's ("Saudi air strikes":
    the Saudi air force), no armed group flying warplanes."""
    air = _FROM_THE_AIR_GATE.search(text, words)
    if air is None:
        return None
    before = _NATION_BEFORE.search(text, max(0, air.start() - 40), air.start())
    home = _home(before.group(1)) if before else None
    nation = _nation(before.group(1)) if before and home else ""
    kind = "transnational" if home and country and home != country else "state"
    name = f"{nation} air force".strip()
    start = before.start() if before and home else air.start()
    return Perpetrator(name, text[start : air.end()], kind, start=start, end=air.end())


# The nation of strikes from the air: the word before them, or before "coalition" ("Saudi-led
# coalition air strikes").
_NATION_BEFORE = re.compile(r"([\w.-]+)\s+(?:(?:coalition|military|government)\s+)?$")


def _named_group(text: str, country: str | None, words: Words) -> Perpetrator | None:
    best: tuple[int, re.Match[str], str, tuple[str, ...]] | None = None
    for i in _GROUP_GATES.open(words):
        _, kind, home = _GROUP_RE[i]
        for m in _GROUP_GATES.gates[i].finditer(text, words):
            if _victim_side(text, m.start()):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m, kind, home)
            break
    if best is None:
        return None
    _, m, kind, home = best
    if kind == "non_state" and home and country and country not in home:
        kind = "transnational"
    # the name is the group's own ("Fulani", "Houthi"); the words keep the noun after it
    head = _GROUP_HEAD.match(text, m.end())
    end = head.end() if head else m.end()
    return Perpetrator(m.group(0), text[m.start() : end], kind, start=m.start(), end=end)


_GROUP_HEAD = re.compile(
    r"\s+(?:rebels|militias?|militiamen|fighters|forces|herdsmen|herders|gunmen|militants|"
    r"insurgents|extremists|jihadists|members|group)\b",
    re.IGNORECASE,
)


_VICTIM_BEFORE = re.compile(
    r"\b(?:against|on|targeting|fighting|battle with|clashes with|clashed with|"
    r"positions of|killed|kill|killing|suspected of|joined|join|"
    r"(?:killed|killing|arrested|captured|detained|targeting|against)\s+(?:\w+\s+){0,3}"
    r"(?:members|fighters|militants) of|"
    r"defectors from|former|ex-)\s+(?:the\s+|an?\s+|(?!(?:when|as|after|while|before|because|"
    r"since|and|but|then|in|during|by|at)\b)\w+\s+){0,2}$",
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


_AIR_ARM = re.compile(r"^(?:coalition|military|armed forces|forces|air ?force)$", re.I)


def _nation(phrase: str) -> str:
    """The nation word of a phrase as a name ("Saudi-led coalition": Saudi)."""
    for word in phrase.split():
        if word.lower() in _COUNTRY_WORD:
            return re.sub(r"-led$", "", word, flags=re.IGNORECASE)
    return ""


def _home(phrase: str) -> str | None:
    for word in phrase.lower().split():
        if word in _COUNTRY_WORD:
            return _COUNTRY_WORD[word]
    return None
