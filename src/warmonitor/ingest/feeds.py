"""RSS and Atom feeds: one document per entry."""

from __future__ import annotations

import io
import time
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import feedparser

from warmonitor.ingest.base import Defaults, ReadFailure, ReadResult, failed
from warmonitor.ingest.dates import parse_date
from warmonitor.ingest.files import normalise_newlines, replace_invalid_references
from warmonitor.ingest.html import html_to_text
from warmonitor.model import Document

__all__ = ["read_feed"]


def read_feed(source: str, text: str, defaults: Defaults) -> ReadResult:
    """The entries of an RSS or Atom feed, each one document.

    Text is the entry's content, else its summary, as plain text, else the title of a
    headline-only item; the title, date (published,
    else updated), publisher (the entry's ``<source>``, else the feed title) and link come from
    the feed and win over ``defaults``, which only fill what an entry does not state. An entry
    with neither text nor title is a failure named ``source#N`` (N counts entries from 1). A
    feed that is not well-formed XML is a failure, and its entries, as far as they could be
    read, are kept.
    """
    # The text is already decoded (and checked) by the caller: hand it over as UTF-8 and say so,
    # which overrides an XML declaration that named the original encoding.
    parsed = feedparser.parse(
        io.BytesIO(replace_invalid_references(text).encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
    )
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if parsed.get("bozo"):
            return failed(source, f"malformed RSS/Atom feed: {parsed.get('bozo_exception')}")
        if not parsed.get("version"):
            return failed(source, "not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        return failed(source, "feed has no entries")
    media_type = _media_type(str(parsed.get("version") or ""))
    feed_title = _field_text(parsed.feed, "title")
    result = ReadResult()
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe):
        # Not well-formed (often cut off): the lenient parser's entries are kept, but say so.
        reason = f"malformed RSS/Atom feed (read leniently, entries may be missing): {problem}"
        result.failures.append(ReadFailure(source, reason))
    for number, entry in enumerate(entries, start=1):
        entry_source = f"{source}#{number}"
        title = _field_text(entry, "title")
        body = _entry_text(entry) or title  # a headline-only item is read as its headline
        if not body:
            result.failures.append(
                ReadFailure(entry_source, "feed entry has neither text nor title")
            )
            continue
        origin = dict.get(entry, "source")
        link = dict.get(entry, "link")
        result.documents.append(
            Document(
                text=body,
                title=title,
                published=_entry_date(entry) or defaults.published,
                publisher=(origin and _field_text(origin, "title"))
                or feed_title
                or defaults.publisher,
                url=link if _is_web_url(link) else defaults.url,
                source=entry_source,
                media_type=media_type,
            )
        )
    return result


# Entries are read with ``dict.get``: feedparser's own ``get`` maps missing keys to others
# ("updated" to "published") and warns when it does.


def _entry_text(entry: Any) -> str:
    for item in dict.get(entry, "content") or ():
        text = _as_text(item.get("value"), item.get("type"))
        if text:
            return text
    detail = dict.get(entry, "summary_detail") or {}
    return _as_text(dict.get(entry, "summary"), detail.get("type", "text/html"))


def _field_text(mapping: Any, key: str) -> str | None:
    detail = dict.get(mapping, f"{key}_detail") or {}
    text = _as_text(dict.get(mapping, key), detail.get("type", "text/plain"))
    return " ".join(text.split()) or None


def _as_text(value: object, media_type: object) -> str:
    if not isinstance(value, str):
        return ""
    if isinstance(media_type, str) and "html" in media_type:
        return html_to_text(value)
    return normalise_newlines(value).strip()


def _entry_date(entry: Any) -> date | None:
    for key in ("published", "updated"):
        parsed = parse_date(dict.get(entry, key))
        if parsed is not None:
            return parsed
        # feedparser reads more odd date formats, but normalises them to UTC.
        stamp = dict.get(entry, f"{key}_parsed")
        if isinstance(stamp, time.struct_time):
            return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    return None


def _is_web_url(value: object) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def _media_type(version: str) -> str:
    if version.startswith("atom"):
        return "application/atom+xml"
    if version.startswith("rss"):
        return "application/rss+xml"
    return "application/xml"
