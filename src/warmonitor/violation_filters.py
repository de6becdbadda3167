"""Choosing claims and incidents by what was done, by whom, to whom (``docs/VIOLATIONS.md``).

    wanted = ViolationFilter(violation="air_strike", perpetrator_kind="state", victim="medics")
    wanted.check()                      # ValueError naming an unknown type or kind
    [c for c in claims if wanted.matches_claim(c)]
    [i for i in incidents if wanted.matches_incident(i)]

Pure: the CLI's ``claims``, ``incidents`` and ``export``, and the API's incident list, filter
with these; the API's claim search asks the same of the database (``store.claim_search``).
"""

from __future__ import annotations

from dataclasses import dataclass

from warmonitor.extract.violations import KINDS, PERPETRATOR_KINDS
from warmonitor.model import Claim, VictimIdentity
from warmonitor.reconcile import IdentityCount, Incident

__all__ = ["ViolationFilter"]


@dataclass(frozen=True, slots=True)
class ViolationFilter:
    """What to keep; every field given narrows the choice.

    ``violation`` is a violation type (``taxonomy.KINDS``), shown anywhere in the claim or
    the incident; ``perpetrator_kind`` one of ``state``, ``state_allied``, ``non_state``,
    ``transnational``, ``unknown``; ``victim`` words of the victims' identity ("journalists",
    "Shiite"), ignoring case.
    """

    violation: str | None = None
    perpetrator_kind: str | None = None
    victim: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.violation or self.perpetrator_kind or self.victim)

    def check(self) -> ViolationFilter:
        """The filter itself, or ``ValueError`` naming what is not a type or a kind."""
        if self.violation and self.violation not in KINDS:
            raise ValueError(
                f"unknown violation type {self.violation!r}: choose one of {', '.join(KINDS)}"
            )
        if self.perpetrator_kind and self.perpetrator_kind not in PERPETRATOR_KINDS:
            raise ValueError(
                f"unknown perpetrator kind {self.perpetrator_kind!r}: choose one of "
                f"{', '.join(PERPETRATOR_KINDS)}"
            )
        return self

    def matches_claim(self, claim: Claim) -> bool:
        if self.violation and all(v.type != self.violation for v in claim.violations):
            return False
        if self.perpetrator_kind and (
            claim.perpetrator is None or claim.perpetrator.kind != self.perpetrator_kind
        ):
            return False
        return not self.victim or _identity_has(claim.victim_identity, self.victim)

    def matches_incident(self, incident: Incident) -> bool:
        summary = incident.violations
        if self.violation and all(t.type != self.violation for t in summary.types):
            return False
        if self.perpetrator_kind and all(
            p.kind != self.perpetrator_kind for p in summary.perpetrators
        ):
            return False
        return not self.victim or any(
            _identity_has(v, self.victim) for v in summary.victim_identity
        )


def _identity_has(identity: VictimIdentity | IdentityCount | None, words: str) -> bool:
    if identity is None:
        return False
    wanted = words.casefold()
    fields = (identity.text, identity.community, identity.occupation, identity.status,
              identity.age_sex)  # fmt: skip
    return any(wanted in f.casefold() for f in fields if f)
