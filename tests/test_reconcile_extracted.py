"""Reconciliation of claims the real extractor finds in multi-document fixtures (invented
events, real places, our own words: tests/fixtures/incidents/), and the founding example."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from reconcile_factory import LATAKIA, claim
from warmonitor.model import Claim, Document
from warmonitor.pipeline import extract_documents, load_nlp
from warmonitor.reconcile import Incident, reconcile

FIXTURES = Path(__file__).parent / "fixtures" / "incidents"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def documents(name: str) -> list[Document]:
    out = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out.append(
            Document(
                record["text"],
                title=record["title"],
                published=date.fromisoformat(record["published"]),
                publisher=record["publisher"],
                source=record["id"],
            )
        )
    return out


def reconciled(nlp: Language, *names: str) -> tuple[list[Incident], list[Claim]]:
    docs = [d for name in names for d in documents(name)]
    claims = [c for _, found in extract_documents(docs, nlp) for c in found]
    return reconcile(claims, {d.id: d.published for d in docs}), claims


def test_rising_repeated_and_disputed_market_toll(nlp: Language) -> None:
    incidents, _claims = reconciled(nlp, "market-strike.jsonl")
    (incident,) = incidents
    assert len(incident.document_ids) == 6
    tally = incident.tally("killed", "people")
    assert tally is not None
    sohr, snhr = tally.sources
    # a toll rising over three days from one monitor: 12, then 19, then 27
    assert sohr.claimant == "Syrian Observatory for Human Rights"
    assert sohr.count.best == 27 and sohr.as_of == date(2024, 5, 8)
    assert len(sohr.superseded) == 2
    # 27 repeated by three outlets: one source, three claims behind it
    assert sorted(sohr.outlets) == ["Al Jazeera", "Associated Press", "BBC"]
    assert len(sohr.claim_ids) == 3
    # a second monitor disagrees: low 27, high at least 40, flagged
    assert snhr.claimant == "Syrian Network for Human Rights"
    assert (tally.low.value, tally.best.value, tally.high.value) == (27, 27, 40)
    assert tally.high.open
    (flag,) = incident.flags
    assert flag.kind == "conflict"
    assert "Syrian Observatory for Human Rights says 27" in flag.message
    assert "Syrian Network for Human Rights says at least 40" in flag.message
    (series,) = [s for s in incident.timeline if s.claimant == sohr.claimant]
    assert [p.value for p in series.points] == [12, 19, 27]
    assert "rose from at least 12 to 27" in series.summary


def test_parts_that_add_up_and_parts_that_do_not(nlp: Language) -> None:
    incidents, _ = reconciled(nlp, "parts.jsonl")
    kharkiv, mosul = sorted(incidents, key=lambda i: i.place.name if i.place else "")
    (ok,) = [c for c in kharkiv.checks if c.kind == "parts"]
    assert ok.ok and dict(ok.detail)["parts_sum"] == 40
    assert kharkiv.flags == ()
    (flag,) = mosul.flags
    assert flag.kind == "parts" and "(12 + 9 = 21) exceed its total of 18" in flag.message


def seed_claims() -> list[Claim]:
    """The founding example as docs/EXPECTED.md lists it, built by hand."""
    sohr = "Syrian Observatory for Human Rights"
    say: dict[str, Any] = {"doc": "seed", "place": LATAKIA, "outlet": "Reuters"}
    total = claim(
        (1001, None),
        text="More than 1,000",
        stated=1000,
        claimant=sohr,
        hedges=("unverified",),
        said_on=date(2025, 3, 8),
        day=date(2025, 3, 8),
        sentence="More than 1,000 people have been killed in two days of clashes",
        **say,
    )
    parts = [
        claim(
            n,
            group=g,
            claimant=sohr,
            part_of=total.id,
            hedges=("unverified",),
            said_on=date(2025, 3, 8),
            day=date(2025, 3, 8),
            **say,
        )
        for n, g in ((745, "civilians"), (125, "security_forces"), (148, "armed_group"))
    ]
    others = [
        claim(
            (200, 999),
            text="hundreds",
            claimant="Reuters",
            kind="media",
            day=date(2025, 3, 9),
            **say,
        ),
        claim(
            (200, None),
            text="at least two hundred",
            claimant="Syrian security sources",
            kind="military",
            group="security_forces",
            day=date(2025, 3, 6),
            **say,
        ),
        claim(
            (24, 99),
            text="dozens",
            claimant="authorities",
            kind="government",
            group="civilians",
            day=date(2025, 3, 9),
            **say,
        ),
        claim(
            (24, 99),
            text="dozens",
            claimant="reports",
            kind="unnamed",
            group="civilians",
            hedges=("reported",),
            day=date(2025, 3, 9),
            **say,
        ),
    ]
    return [total, *parts, *others]


def check_founding_example(incidents: list[Incident]) -> None:
    """What docs/EXPECTED.md asks of the reconciled view (issue 4, point 7)."""
    (incident,) = incidents
    security = incident.tally("killed", "security_forces")
    assert security is not None
    assert security.low.value == 125 and security.high.value >= 200
    conflict = [f for f in incident.flags if f.kind == "conflict" and f.group == "security_forces"]
    assert len(conflict) == 1
    assert "Syrian Observatory for Human Rights says 125" in conflict[0].message
    assert "Syrian security sources say at least 200" in conflict[0].message
    civilians = incident.tally("killed", "civilians")
    assert civilians is not None and civilians.best.value == 745
    assert civilians.best.claimants == ("Syrian Observatory for Human Rights",)
    people = incident.tally("killed", "people")
    assert people is not None and people.best.text == "more than 1,000"
    (parts,) = [c for c in incident.checks if c.kind == "parts"]
    assert parts.ok and dict(parts.detail)["parts_sum"] == 1018
    assert "unverified" in incident.hedges["Syrian Observatory for Human Rights"]
    assert "unverified" in people.best.hedges and "unverified" in civilians.best.hedges


def test_the_founding_example_built_by_hand() -> None:
    check_founding_example(reconcile(seed_claims(), {"seed": date(2025, 3, 9)}))
