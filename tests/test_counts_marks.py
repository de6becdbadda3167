"""The quote marks and brackets a token's reading strips are the ones ``LEAD_STRIP`` strips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.counts.patterns import LEAD_MARKS, LEAD_STRIP


@given(st.text(alphabet="([{\"'“‘«„‹″)]}”’»›″ a1.,-$\u00a0", max_size=12))
def test_lstrip_strips_what_the_pattern_strips(token: str) -> None:
    assert token.lstrip(LEAD_MARKS) == LEAD_STRIP.sub("", token)
