"""Words of reconciliation: how figures read in a flag, which counts are vague, event kinds.

Plain string code, testable without a model.
"""

from __future__ import annotations

import re

from warmonitor.model import Count

__all__ = [
    "event_kinds",
    "figure_text",
    "group_label",
    "is_vague",
    "number",
    "possessive",
    "says",
    "topic",
]

_VAGUE = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|millions|"
    r"several|many|numerous|a few|a number of|countless|multiple)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")

_GROUP_LABELS = {
    "people": "people",
    "civilians": "civilians",
    "security_forces": "security forces",
    "armed_group": "armed group members",
    "combatants": "combatants",
    "children": "children",
    "women": "women",
    "detainees": "detainees",
}

_PLURAL_HEADS = re.compile(
    r"\b(?:sources|officials|authorities|reports|residents|witnesses|medics|doctors|"
    r"activists|police|forces|workers|officers|villagers|rescuers|volunteers|people|groups|"
    r"services|ministries|agencies|militants|rebels|monitors)$"
)

# Event kinds named in a claim's sentence; two claims whose sentences name only different
# kinds describe different events (docs/RECONCILE.md, "Grouping").
_EVENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "air",
        re.compile(
            r"\b(?:air ?strikes?|air raids?|airstrikes?|drone strikes?|drone attacks?|"
            r"warplanes?|bombing raids?|helicopter gunships?|barrel bombs?|missile strikes?)\b",
            re.I,
        ),
    ),
    (
        "shelling",
        re.compile(r"\b(?:shelling|shelled|artillery|mortars?|rocket fire|rockets)\b", re.I),
    ),
    (
        "explosion",
        re.compile(
            r"\b(?:car bombs?|suicide (?:bomb(?:ing|er)s?|attacks?)|explosions?|blasts?|"
            r"explosive devices?|IEDs?|landmines?)\b",
            re.I,
        ),
    ),
    (
        "ground",
        re.compile(
            r"\b(?:clashes|fighting|gunmen|gunfire|shootings?|shot|ambush(?:es|ed)?|"
            r"(?<!air )(?<!bombing )raids?|executions?|executed|massacres?|stormed|attacked|"
            r"assault)\b",
            re.I,
        ),
    ),
    ("natural", re.compile(r"\b(?:floods?|earthquakes?|landslides?|storms?|cyclones?)\b", re.I)),
    ("accident", re.compile(r"\b(?:crash(?:ed)?|collisions?|capsized|derailed)\b", re.I)),
)


def is_vague(count: Count) -> bool:
    """True for a count given by a vague word ("dozens", "hundreds", "several"), no number."""
    return bool(_VAGUE.search(count.text)) and not _DIGIT.search(count.text)


def number(value: int) -> str:
    """``1018`` → ``"1,018"``."""
    return f"{value:,}"


def figure_text(count: Count, *, vague: bool | None = None) -> str:
    """How a figure reads in a sentence: "125", "at least 200", "more than 1,000", "dozens"."""
    if vague if vague is not None else is_vague(count):
        return count.text.strip().lower() or number(count.low)
    stated = count.best
    if count.high is None:
        return f"more than {number(stated)}" if count.low > stated else f"at least {number(stated)}"
    if count.approximate:
        return f"about {number(stated)}"
    if count.high != count.low:
        return f"{number(count.low)} to {number(count.high)}"
    return number(count.low)


def group_label(group: str) -> str:
    """``security_forces`` → ``security forces``."""
    return _GROUP_LABELS.get(group, group.replace("_", " "))


def topic(outcome: str, group: str) -> str:
    """The subject of a flag: "security forces killed"."""
    return f"{group_label(group)} {outcome}"


def says(claimant: str) -> str:
    """ "SOHR says", "Syrian security sources say": the verb agrees with a plural common noun."""
    return f"{claimant} {'say' if _PLURAL_HEADS.search(claimant.strip()) else 'says'}"


def possessive(name: str) -> str:
    """ "SOHR's", "Syrian Network for Human Rights'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def event_kinds(sentence: str) -> frozenset[str]:
    """The kinds of event a sentence names ("air", "shelling", "ground" …)."""
    return frozenset(kind for kind, pattern in _EVENT_KINDS if pattern.search(sentence))
