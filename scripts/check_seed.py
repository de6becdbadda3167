#!/usr/bin/env python3
"""Check the founding example: the eight claims of ../shared/seed/EXPECTED.md.

    .venv/bin/python scripts/check_seed.py        # exit 1 with the differences, else 0

Runs the real CLI (ingest with --published 2025-03-09, then claims --format json) against a
fresh SQLite file, and checks counts, intervals, victim groups, claimants (one SOHR), hedges,
part_of links and dates. CI runs it when ../shared is present; the unit tests never read it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
SOHR = "Syrian Observatory for Human Rights"

# (count text, low, high, group, claimant name or None for the outlet, hedge, part of #)
EXPECTED = [
    ("hundreds", 200, 999, "people", "media", None, None),
    ("at least two hundred", 200, None, "security_forces", "Syrian security sources", None, None),
    ("dozens", 24, 99, "civilians", "authorities", None, None),
    ("More than 1,000", 1001, None, "people", SOHR, "unverified", None),
    ("745", 745, 745, "civilians", SOHR, "unverified", 3),
    ("125", 125, 125, "security_forces", SOHR, "unverified", 3),
    ("148", 148, 148, "armed_group", SOHR, "unverified", 3),
    ("dozens", 24, 99, "civilians", "reports", "reported", None),
]


def _tally(incident: dict[str, Any], group: str) -> dict[str, Any]:
    return next(t for t in incident["tallies"] if t["outcome"] == "killed" and t["group"] == group)


def check_incident(incidents: list[dict[str, Any]]) -> list[str]:
    """Issue 4, item 7: one incident; 125 against at least 200 flagged; 745; the parts check."""
    if len(incidents) != 1:
        return [f"{len(incidents)} incidents, expected 1"]
    (incident,) = incidents
    problems = []
    security = _tally(incident, "security_forces")
    high = security["high"]
    if security["low"]["value"] != 125 or not (high["value"] >= 200 and high["open"]):
        problems.append(f"security forces low/high {security['low']} {high}")
    conflict = [f["message"] for f in incident["flags"] if f.get("group") == "security_forces"]
    want = (
        "security forces killed: Syrian Observatory for Human Rights says 125, "
        "Syrian security sources say at least 200"
    )
    if conflict != [want]:
        problems.append(f"conflict flag {conflict}")
    if _tally(incident, "civilians")["best"]["value"] != 745:
        problems.append("civilians killed best is not 745")
    parts = [c for c in incident["checks"] if c["kind"] == "parts"]
    if not parts or not parts[0]["ok"] or parts[0]["parts_sum"] != 1018:
        problems.append(f"parts check {parts}")
    if incident["hedges"].get(SOHR) != ["unverified"]:
        problems.append(f"hedges {incident['hedges']}")
    return problems


def main() -> int:
    if not SEED.exists():
        print(f"no seed article at {SEED}: nothing to check")
        return 0
    exe = str(Path(sys.executable).with_name("warmonitor"))
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/seed.db"
        subprocess.run(
            [exe, "ingest", str(SEED), "--published", "2025-03-09", "--db", db],
            check=True,
            capture_output=True,
        )
        out = subprocess.run(
            [exe, "claims", "--format", "jsonl", "--db", db],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        incidents = json.loads(
            subprocess.run(
                [exe, "incidents", "--format", "json", "--db", db],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
    claims = [json.loads(line) for line in out.splitlines() if line.strip()]
    problems = []
    if len(claims) != len(EXPECTED):
        problems.append(f"{len(claims)} claims, expected {len(EXPECTED)}")
    for i, (want, got) in enumerate(zip(EXPECTED, claims, strict=False)):
        text, low, high, group, claimant, hedge, part = want
        c = got["count"]
        name = got["claimant"]["name"] if claimant != "media" else got["claimant"]["kind"]
        checks = {
            "text": (c["text"], text), "low": (c["low"], low), "high": (c["high"], high),
            "group": (got["victims"]["group"], group), "claimant": (name, claimant),
            "part_of": (got["part_of"], claims[part]["id"] if part is not None else None),
        }  # fmt: skip
        for field, (have, need) in checks.items():
            if have != need:
                problems.append(f"claim {i + 1} {field}: {have!r}, expected {need!r}")
        if hedge and hedge not in got["hedges"]:
            problems.append(f"claim {i + 1} hedges {got['hedges']}, expected {hedge!r}")
    dates = {
        1: ("period", "2025-03-06", "2025-03-06"),
        3: ("period", "2025-03-07", "2025-03-08"),
    }
    for i, (_, start, end) in dates.items():
        period = claims[i]["period"] if i < len(claims) else None
        if not period or (period["start"], period["end"]) != (start, end):
            problems.append(f"claim {i + 1} period {period}, expected {start}..{end}")
    if len(claims) > 3 and claims[3]["said_on"] != "2025-03-08":
        problems.append(f"claim 4 said_on {claims[3]['said_on']}, expected 2025-03-08")
    problems.extend(check_incident(incidents))
    for p in problems:
        print("SEED:", p)
    print(f"founding example: {len(claims)} claims, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
