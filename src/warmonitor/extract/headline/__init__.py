"""The headline of a document: the figures of the main incident it reports.

The public face is :func:`headline`, its :class:`Headline` and the :data:`Counting` convention
(``lead``, rules in ``docs/HEADLINE.md``); ``background`` tells killings that are not the
reported event (the cause of a protest, an arrest); ``splits`` reads coders' notes that share a
toll among events (:func:`find_split`).
"""

from __future__ import annotations

from warmonitor.extract.headline.lead import Counting, Headline, headline
from warmonitor.extract.headline.splits import Split, find_split

__all__ = ["Counting", "Headline", "Split", "find_split", "headline"]
