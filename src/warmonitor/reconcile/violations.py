"""What was done, by whom, to whom, across an incident's claims (``docs/VIOLATIONS.md``).

``gather`` sums the violation types, perpetrators and victims' identities of an incident's
claims, each counted once per report that states it (several figures of one sentence are one
statement), the most stated first, then in the order the claims came; a type comes first by
the reports whose claims give it as their main type (a claim's first), so that "killed" said
of an air strike does not outrank it. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from warmonitor.model import Claim
from warmonitor.reconcile.types import IdentityCount, PerpetratorCount, ViolationCount, Violations

__all__ = ["gather"]

_T = TypeVar("_T")


def _counted(
    claims: Sequence[Claim],
    items: Callable[[Claim], Sequence[_T]],
    key: Callable[[_T], Hashable],
) -> list[tuple[_T, int]]:
    """Each distinct item (by ``key``) with how many reports state it: first those most
    reports give first, then those most state."""
    first: dict[Hashable, _T] = {}
    reports: dict[Hashable, set[str]] = {}
    main: dict[Hashable, set[str]] = {}
    for claim in claims:
        for index, item in enumerate(items(claim)):
            k = key(item)
            first.setdefault(k, item)
            reports.setdefault(k, set()).add(claim.document_id)
            if index == 0:
                main.setdefault(k, set()).add(claim.document_id)
    order = {k: i for i, k in enumerate(first)}
    ranked = sorted(first, key=lambda k: (-len(main.get(k, ())), -len(reports[k]), order[k]))
    return [(first[k], len(reports[k])) for k in ranked]


def gather(claims: Sequence[Claim]) -> Violations:
    """The violations, perpetrators and victims' identities of ``claims``, with counts."""
    types = _counted(claims, lambda c: c.violations, lambda v: v.type)
    perpetrators = _counted(
        claims,
        lambda c: (c.perpetrator,) if c.perpetrator is not None else (),
        lambda p: (p.actor or (p.name or p.text).casefold(), p.kind),
    )
    identities = _counted(
        claims,
        lambda c: (c.victim_identity,) if c.victim_identity is not None else (),
        lambda v: v.text.casefold(),
    )
    return Violations(
        types=tuple(ViolationCount(v.type, n, v.text) for v, n in types),
        perpetrators=tuple(
            PerpetratorCount(p.name, p.text, p.kind, n, p.actor, p.own_claim)
            for p, n in perpetrators
        ),
        victim_identity=tuple(
            IdentityCount(v.text, n, v.community, v.occupation, v.status, v.age_sex)
            for v, n in identities
        ),
    )
