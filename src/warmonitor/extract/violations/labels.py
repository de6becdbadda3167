"""Dataset labels from a report's :class:`~warmonitor.extract.violations.profile.Profile`.

The labels of ACLED (event and sub-event type) and of PITF's World Atrocities Dataset (kind of
violence, weapon, perpetrator role, perpetrator, victim identity) are read through the
taxonomy's mapping (``taxonomy.py``): one reading of the report, never a classifier per dataset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from warmonitor.extract.violations.armed_groups import canonical
from warmonitor.extract.violations.profile import Profile
from warmonitor.extract.violations.taxonomy import kind
from warmonitor.model import Claim, Perpetrator, VictimIdentity

__all__ = [
    "PERPETRATOR_ROLES",
    "dataset_labels",
    "identity_label",
    "perpetrator_label",
    "perpetrator_role",
]

#: PITF's perpetrator role for each perpetrator kind (transnational split by state or not).
PERPETRATOR_ROLES: dict[str, str] = {
    "state": "State Perpetrator",
    "state_allied": "Non-State, Internal, State Sanction",
    "non_state": "Non-State, Internal, No State Sanction",
    "transnational_state": "Transnational, State",
    "transnational": "Transnational, Non-State",
    "unknown": "Unknown/Unclear/Other",
}
_STATE_WORDS = re.compile(
    r"\b(?:air ?force|army|military|forces|troops|soldiers|navy|jets|warplanes|coalition|"
    r"police|government)\b",
    re.IGNORECASE,
)


_COALITION = re.compile(r"\bcoalition\b|-led\b", re.IGNORECASE)
# Acts done by crowds or between armed sides: with no doer named, still no state's.
_NON_STATE_ACTS = ("mob_violence", "riot", "clash")


def perpetrator_role(p: Perpetrator | None, main: str | None = None) -> str:
    """PITF's perpetrator role of a perpetrator, given the report's main type ``main``.

    No doer named: a mob, a riot or fighting between sides is a non-state one's (a crowd is
    no state), anything else unknown. A coalition of foreign states ("Saudi-led") fights
    beside a government: PITF's state perpetrator; one foreign state's forces are transnational."""
    if p is not None and not p.name and p.kind == "non_state":
        return PERPETRATOR_ROLES["non_state"]
    if p is None or not p.name:
        if main in _NON_STATE_ACTS:
            return PERPETRATOR_ROLES["non_state"]
        return PERPETRATOR_ROLES["unknown"]
    if p.kind == "transnational" and _STATE_WORDS.search(p.name):
        if _COALITION.search(p.text):
            return PERPETRATOR_ROLES["state"]
        return PERPETRATOR_ROLES["transnational_state"]
    return PERPETRATOR_ROLES.get(p.kind, PERPETRATOR_ROLES["unknown"])


# A bare word for armed men that names no group: what governments and wire copy call any
# armed group ("militants killed five"), as blank as "gunmen". The kind stays (non-state).
_BARE = re.compile(
    r"^(?:the\s+)?(?:militants?|insurgents?|terrorists?|extremists?|jihadists?)$", re.IGNORECASE
)


def perpetrator_label(p: Perpetrator | None) -> str | None:
    """The perpetrator as a dataset label: a group's name in the registry of armed actors
    ("ISIL": Islamic State (ISIS)), else the name as stated; a bare "militants" names none."""
    if p is None or not p.name or _BARE.match(p.name):
        return None
    return canonical(p.name)


#: PITF's weapon where the report names none: killings with no weapon stated are most often
#: shootings in wire copy (measured on the development split; ``docs/VIOLATIONS.md``).
DEFAULT_WEAPON = "Firearms"


def pitf_violence(profile: Profile, claims: Sequence[Claim] = ()) -> str:
    """PITF's kind of violence. PITF codes atrocities: a report with dead or wounded is an
    ``Attack/Massacre`` (the type's own kind, clash, riot, protest, measured lower on the
    development split: 0.886 against 0.912); one without is the main type's kind."""
    civilians = any(_CIVILIANS.search(c.victims.text or "") for c in claims)
    if _fight_between_sides(profile) and not civilians:
        return "Clash"
    if any(c.outcome in ("killed", "injured") for c in claims) or not profile.main:
        return "Attack/Massacre"
    return kind(profile.main).pitf_violence


def _fight_between_sides(profile: Profile) -> bool:
    """Fighting between two non-state sides (clans, communities, militias) with no civilians
    said to be its victims: PITF's clash, where the dead are the fighters themselves."""
    p = profile.perpetrator
    if p is None or p.kind != "non_state" or not _SIDES_TEXT.match(p.text):
        return False
    identity = profile.victim_identity
    return identity is None or not _CIVILIANS.search(identity.text)


# The words of a doer read from fighting between two sides (``perpetrators._SIDES``).
_SIDES_TEXT = re.compile(
    r"^(?:clash\w*|fight\w*|fought|gun ?battles?|battles?|skirmish\w*|feuds?|violence|"
    r"hostilities|war)\b.*\b(?:between|among|involving)\b|^pitting\b",
    re.IGNORECASE,
)
_CIVILIANS = re.compile(r"\b(?:civilians?|villagers|residents|passengers)\b", re.IGNORECASE)


def dataset_labels(profile: Profile, claims: Sequence[Claim] = ()) -> dict[str, Any]:
    """ACLED's and PITF's labels for one report, from its profile (and its claims)."""
    main = kind(profile.main or "other")
    p = profile.perpetrator
    return {
        "event_type": main.acled_event,
        "sub_event_type": main.acled_sub_event,
        "violence": pitf_violence(profile, claims),
        "weapons": profile.weapon or DEFAULT_WEAPON,
        "perpetrator_role": perpetrator_role(p, profile.main),
        "perpetrator": perpetrator_label(p),
        "victim_identity": identity_label(profile.victim_identity),
    }


_SPELLING = {"shi'ite": "Shiite", "shi'ites": "Shiites", "shi'a": "Shia", "shi'i": "Shia",
             "shiite": "Shiite"}  # fmt: skip
_MODIFIER = re.compile(
    r"^(?:(?:female|male|local|prominent|senior|former|young|elderly|pro-[\w-]+|mostly|"
    r"predominantly|largely|mainly|[A-Z][a-z]+)\s+)+"
)


def identity_label(identity: VictimIdentity | None) -> str | None:
    """The victims' identity as a dataset label: its community word in one spelling
    ("Shi'ite Muslim village": Shiite), else its occupation without the modifiers before it
    ("Philippine mayor": mayor), else its status; the words themselves stay on the claim."""
    if identity is None:
        return None
    if identity.community:
        words = [w for w in identity.community.split() if w.lower() not in _HEDGED]
        word = " ".join(words) if words else identity.text
        # "Shiite-majority", "Sunni-dominated": the community is the word before
        word = _SHARE.sub("", word) or word
        return _singular(_SPELLING.get(word.lower(), word))
    if identity.occupation:
        head = _MODIFIER.sub("", identity.occupation) or identity.occupation
        return _singular(_CATEGORY.get(head.lower(), head))
    status = identity.status or identity.age_sex or identity.text
    return _singular(_CATEGORY.get(status.lower(), status))


def _singular(label: str) -> str:
    """A category's name in the singular ("Shiites": Shiite, "tribal elders": tribal elder):
    the one name of a community or trade whether one or many were harmed."""
    last = label.rsplit(" ", 1)[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "ys")):
        return label[:-1]
    return label


_HEDGED = ("mostly", "predominantly", "largely", "mainly")
_SHARE = re.compile(r"-(?:majority|dominated|populated|inhabited)$", re.IGNORECASE)
# Words of one occupation or status, as a category: a cameraman is a journalist.
_CATEGORY = {
    **{w: "journalist" for w in ("cameraman", "cameramen", "reporter", "reporters",
                                 "photographer", "photographers", "editor", "editors")},
    **{w: "journalists" for w in ("journalists",)},
    **{w: "prisoners" for w in ("inmate", "inmates", "detainee", "detainees")},
}  # fmt: skip
