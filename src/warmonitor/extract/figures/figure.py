"""The figure of one sentence: a count bound to an outcome, its victims and its parts."""

from __future__ import annotations

from dataclasses import dataclass, replace

from warmonitor.extract.counts import CountMention
from warmonitor.extract.numbers import parse_number
from warmonitor.extract.outcomes import Trigger
from warmonitor.extract.victims import VictimPhrase, group_of
from warmonitor.model import Count

__all__ = ["Figure", "one_figure"]


@dataclass(slots=True)
class Figure:
    """A casualty figure found in a sentence (offsets relative to the sentence)."""

    mention: CountMention
    victims: VictimPhrase
    outcome: str | None = None
    trigger: Trigger | None = None
    part_of: int | None = None  # index of the total figure in the same sentence
    part_of_previous: bool = False  # a part of a total stated in an earlier sentence
    cumulative: bool = False

    @property
    def count(self) -> Count:
        """The figure's interval, with the number as written when it differs from ``low``."""
        c = self.mention.count
        if c.high is None or c.approximate:
            m = self.mention
            stated = parse_number(m.count.text[m.number_start - m.start : m.number_end - m.start])
            if stated is not None and stated != c.low:
                return replace(c, stated=stated)
        return c


def one_figure(sentence: str, start: int, end: int, trigger: Trigger) -> Figure:
    text = sentence[start:end]
    mention = CountMention(start, end, Count(1, 1, text), start, end, "count")
    words = text.split(maxsplit=1)
    victims = VictimPhrase(text, end, group_of(words[-1]) if len(words) > 1 else "people")
    return Figure(mention, victims, trigger.outcome, trigger)
