"""The cue gate (``extract/gate.py``): it skips only patterns that cannot match."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.gate import DEPTH, Gates, Lead, Words, gate
from warmonitor.extract.violations.cues import VIOLATION_CUES, WEAPON_CUES

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


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_a_gate_finds_what_the_pattern_finds_where_it_looks() -> None:
    report = " ".join(SENTENCES)
    words = Words(report)
    for pattern in [*VIOLATION_CUES.values(), *WEAPON_CUES.values()]:
        g = gate(pattern)
        assert _spans(g.finditer(report, words)) == _spans(pattern.finditer(report))
        assert _spans(g.finditer(report, words, 10, 200)) == _spans(
            pattern.finditer(report, 10, 200)
        )
        # a stretch of the report, with the report's words; one that starts inside a word too
        for start, end in [(70, 160), (74, 160), (0, 40)]:
            part = report[start:end]
            found = g.finditer(part, words.within(start))
            assert _spans(found) == _spans(pattern.finditer(part)), (pattern.pattern[:40], part)


def test_a_text_whose_letters_match_others_is_searched_whole() -> None:
    pattern = re.compile(r"\b(?:shot|killed)\b", re.IGNORECASE)
    text = "A guard was \u017fhot at the gate."  # a long s: matches "s", case aside
    assert Words(text).low is None
    assert _spans(gate(pattern).finditer(text, Words(text))) == [(12, 16)]


def test_a_lead_finds_what_the_pattern_finds() -> None:
    tail = r"(?:journalists?|aid workers?|farmers)\b"
    pattern = re.compile(r"\b(?:(?:[A-Z][a-z]+|local|senior)\s+){0,2}" + tail)
    lead = Lead(pattern, re.compile(r"\b" + tail), 2)
    for text in [
        "Gunmen shot two Local  Senior journalists and three farmers near Alpha Town.",
        "Senior aid workers, local\tfarmers and Beta journalists fled; no journalist stayed.",
        "Nothing was said of anyone.",
        "xLocal journalists",
    ]:
        words = Words(text)
        assert _spans(lead.finditer(text, words)) == _spans(pattern.finditer(text))
        assert _spans(lead.finditer(text, words, 5, 60)) == _spans(pattern.finditer(text, 5, 60))
        assert _spans(lead.finditer(text[3:], words.within(3))) == _spans(
            pattern.finditer(text[3:])
        )


def test_gates_open_the_patterns_each_gate_opens_in_order() -> None:
    patterns = [*VIOLATION_CUES.values(), re.compile(r"\b\w+ed\b")]
    gates = Gates(patterns)
    for text in SENTENCES:
        words = Words(text)
        assert list(gates.open(words)) == [i for i, p in enumerate(patterns) if gate(p).open(words)]


def test_a_lead_whose_words_are_needed_finds_what_the_pattern_finds() -> None:
    tail = r"(?:tribe|clan)s?\b"
    pattern = re.compile(r"\b(?P<name>[A-Z]\w+(?:\s[A-Z]\w+)?)\s+" + tail)
    lead = Lead(pattern, re.compile(r"\b" + tail), 2)
    text = "the clan fought. Elders of the Alpha Beta clan and the Gamma tribe met; tribes stayed."
    words = Words(text)
    assert _spans(lead.finditer(text, words)) == _spans(pattern.finditer(text))
    assert len(_spans(pattern.finditer(text))) == 2


def _old_beginnings(text: str) -> frozenset[str]:
    """The beginnings as read one word at a time."""
    low = text.lower()
    starts = {low[m.start() : m.start() + DEPTH] for m in re.finditer(r"\b\w", low)}
    return frozenset(w[:i] for w in starts for i in range(1, len(w) + 1))


@given(st.text(alphabet="aBc d\n-.'1İé\u017f\u212a ", max_size=40))
def test_the_beginnings_are_those_of_each_word(text: str) -> None:
    assert Words(text).beginnings == _old_beginnings(text)
    for sentence in SENTENCES:
        assert Words(sentence + text).beginnings == _old_beginnings(sentence + text)


def test_a_union_of_patterns_that_open_at_a_word_has_a_gate() -> None:
    one = re.compile(r"\b(?:shot|kill(?:ed|ing))\b", re.IGNORECASE)
    two = re.compile(r"(?:\bair ?strikes?)|\b(?:shell(?:ed|ing))\b", re.IGNORECASE)
    both = re.compile(f"(?:{one.pattern})|(?:{two.pattern})", re.IGNORECASE)
    beginnings = gate(both).beginnings
    assert beginnings is not None
    assert beginnings == (gate(one).beginnings or set()) | (gate(two).beginnings or set())
    assert gate(re.compile(f"(?:{one.pattern})|shell", re.IGNORECASE)).beginnings is None
    report = "Jets shot at the airstrip; an AIR STRIKE killed two and shelling went on."
    assert _spans(gate(both).finditer(report, Words(report))) == _spans(both.finditer(report))
