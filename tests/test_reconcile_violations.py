"""An incident gathers its claims' violations, perpetrators and victims' identities (issue 10)."""

from __future__ import annotations

import dataclasses
from datetime import date

from reconcile_factory import IDLIB, claim
from warmonitor.model import Perpetrator, VictimIdentity, Violation
from warmonitor.reconcile import Incident, reconcile
from warmonitor.reconcile.codec import decode, encode
from warmonitor.reconcile.violations import gather

STRIKE = Violation("air_strike", "air strike")
MARKET = Violation("armed_attack", "killed")
AIR_FORCE = Perpetrator("government air force", "government air force", "state")
TRADERS = VictimIdentity("traders", occupation="traders")


def _claims() -> list:
    first = claim(12, doc="doc-a", place=IDLIB).with_(
        violations=(STRIKE, MARKET), perpetrator=AIR_FORCE, victim_identity=TRADERS
    )
    again = claim(15, doc="doc-a", place=IDLIB, outcome="injured").with_(
        violations=(STRIKE,), perpetrator=AIR_FORCE
    )
    other = claim(14, doc="doc-b", place=IDLIB, claimant="civil defence", kind="ngo").with_(
        violations=(STRIKE,)
    )
    return [first, again, other]


def test_types_are_counted_once_per_report_the_most_stated_first() -> None:
    summary = gather(_claims())
    assert [(t.type, t.reports) for t in summary.types] == [("air_strike", 2), ("armed_attack", 1)]
    assert summary.main == "air_strike"
    assert [(p.name, p.kind, p.reports) for p in summary.perpetrators] == [
        ("government air force", "state", 1)
    ]
    assert [(v.text, v.occupation, v.reports) for v in summary.victim_identity] == [
        ("traders", "traders", 1)
    ]


def test_an_incident_carries_them_and_keeps_them_when_stored() -> None:
    day = date(2024, 5, 6)
    incidents = reconcile(_claims(), {"doc-a": day, "doc-b": day})
    assert len(incidents) == 1
    incident = incidents[0]
    assert incident.violations.main == "air_strike"
    assert incident.to_dict()["violations"]["types"][0] == {
        "type": "air_strike",
        "reports": 2,
        "text": "air strike",
    }
    assert decode(Incident, encode(incident)) == incident


def test_an_incident_stored_before_violations_were_gathered_still_decodes() -> None:
    day = date(2024, 5, 6)
    incident = reconcile(_claims(), {"doc-a": day, "doc-b": day})[0]
    old = encode(incident)
    del old["violations"]
    read = decode(Incident, old)
    assert read.violations.types == ()
    assert dataclasses.replace(read, violations=incident.violations) == incident
