"""Dataset labels from a report's :class:`~warmonitor.extract.violations.profile.Profile`.

The labels of ACLED (event and sub-event type) and of PITF's World Atrocities Dataset (kind of
violence, weapon, perpetrator role, perpetrator, victim identity) are read through the
taxonomy's mapping (``taxonomy.py``): one reading of the report, never a classifier per dataset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from warmonitor.extract.violations.profile import Profile
from warmonitor.extract.violations.taxonomy import kind
from warmonitor.model import Claim, Perpetrator

__all__ = ["PERPETRATOR_ROLES", "dataset_labels", "perpetrator_role"]

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


def perpetrator_role(p: Perpetrator | None) -> str:
    """PITF's perpetrator role of a perpetrator (unknown when none is stated)."""
    if p is None or not p.name:
        return PERPETRATOR_ROLES["unknown"]
    if p.kind == "transnational" and _STATE_WORDS.search(p.name):
        return PERPETRATOR_ROLES["transnational_state"]
    return PERPETRATOR_ROLES.get(p.kind, PERPETRATOR_ROLES["unknown"])


#: PITF's weapon where the report names none: killings with no weapon stated are most often
#: shootings in wire copy (measured on the development split; ``docs/VIOLATIONS.md``).
DEFAULT_WEAPON = "Firearms"


def pitf_violence(profile: Profile, claims: Sequence[Claim] = ()) -> str:
    """PITF's kind of violence. PITF codes atrocities: a report with dead or wounded is an
    ``Attack/Massacre`` (the type's own kind, clash, riot, protest, measured lower on the
    development split: 0.886 against 0.912); one without is the main type's kind."""
    if any(c.outcome in ("killed", "injured") for c in claims) or not profile.main:
        return "Attack/Massacre"
    return kind(profile.main).pitf_violence


def dataset_labels(profile: Profile, claims: Sequence[Claim] = ()) -> dict[str, Any]:
    """ACLED's and PITF's labels for one report, from its profile (and its claims)."""
    main = kind(profile.main or "other")
    p = profile.perpetrator
    return {
        "event_type": main.acled_event,
        "sub_event_type": main.acled_sub_event,
        "violence": pitf_violence(profile, claims),
        "weapons": profile.weapon or DEFAULT_WEAPON,
        "perpetrator_role": perpetrator_role(p),
        "perpetrator": p.name if p is not None else None,
        "victim_identity": profile.victim_identity.text if profile.victim_identity else None,
    }
