"""The cue gate (``violations/gate.py``): it skips only patterns that cannot match."""

from __future__ import annotations

import re

from warmonitor.extract.violations.cues import VIOLATION_CUES, WEAPON_CUES
from warmonitor.extract.violations.gate import Words, gate

SENTENCES = [
    "Warplanes bombed a market in the town on Monday, killing nine people.",
    "Protesters marched to the governor's office; police fired tear gas and arrested ten.",
    "An explosive device went off near a convoy, and the army re-took the hill at dawn.",
    "Gunmen on motorbikes abducted 12 travellers; their whereabouts remain unknown.",
    "Villagers beat a suspected thief to death after a rally in the square.",
    "A suicide bomber detonated his vest at a checkpoint outside the ex-rebel base.",
    "The UAV struck a house; two MLRS rockets also hit the outskirts.",
    "Nothing happened in the quiet town where people went on with their lives.",
]


def _matches(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


def test_a_closed_gate_means_no_match() -> None:
    for text in SENTENCES:
        words = Words(text)
        for pattern in [*VIOLATION_CUES.values(), *WEAPON_CUES.values()]:
            if _matches(pattern, text):
                assert gate(pattern).open(words), (pattern.pattern[:60], text)


def test_the_gate_reads_the_beginnings_a_pattern_needs() -> None:
    g = gate(re.compile(r"\b(?:air ?strikes?|shell(?:ed|ing))\b", re.IGNORECASE))
    assert g.beginnings is not None and {"air st", "airstr", "shelle", "shelli"} <= g.beginnings
    assert not g.open(Words("Nothing of the kind was said."))
    assert g.open(Words("An AIRSTRIKE hit the bridge."))
    assert g.open(Words("Troops shelled the town."))


def test_patterns_it_cannot_read_always_run() -> None:
    assert gate(re.compile(r"shell")).beginnings is None  # no word boundary: may match inside
    assert gate(re.compile(r"\b\w+ed\b")).beginnings is None  # starts with any letter
    assert gate(re.compile(r"\b[A-Z][a-z]+ forces\b")).beginnings is None
    assert gate(re.compile(r"\b\w+ed\b")).open(Words("anything"))
