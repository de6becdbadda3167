"""HTML pages: the main text via trafilatura, with the page's title, date, site name and URL."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params

from warmonitor.ingest.base import Defaults, ReadResult, failed
from warmonitor.ingest.dates import parse_date
from warmonitor.ingest.files import normalise_newlines
from warmonitor.model import Document

__all__ = ["MAIN_TEXT_MAX", "html_to_text", "read_html"]

MEDIA_TYPE = "text/html"
#: The longest page (in characters) whose main text trafilatura looks for.
MAIN_TEXT_MAX = 5_000_000

# Elements whose content is never visible text.
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object")
# Elements that break the line before and after them.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_DEPTH = 2048  # libxml2's limit with huge_tree
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)


def read_html(source: str, markup: str, defaults: Defaults) -> ReadResult:
    """One document from an HTML page.

    The text is the page's main text as trafilatura finds it (reader comments left out), else
    all its visible text, one paragraph per block (blocks apart by a blank line, so that a
    heading is never read as one sentence with the paragraph under it). The headline is kept
    apart in ``Document.title``: a first line of the text that repeats it is left out of the
    text, so a figure stated in headline and lead is in the text once.

    Title, date, site name and canonical URL come from the page and win over ``defaults``,
    which fill only what the page does not state; a site name trafilatura only derived from the
    host name yields to ``defaults.publisher``. The date comes from the page's metadata, never
    from dates in the body text.

    A page of more than ``MAIN_TEXT_MAX`` characters is no article page: its text is all its
    visible text and its metadata is read from its ``<head>`` (trafilatura would take minutes
    and gigabytes on tens of megabytes, this takes seconds).
    """
    date_params = set_date_params(extensive=False)  # metadata only; body dates are events
    text = ""
    meta: Any = None
    if len(markup) <= MAIN_TEXT_MAX:
        meta = _best_effort(
            trafilatura.bare_extraction,
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=date_params,
        )
        text = _clean(getattr(meta, "text", None) or "")
    if not text:
        text = html_to_text(markup)
        meta = _best_effort(
            extract_metadata, _head(markup), date_config=date_params, extensive=False
        )
    if not text:
        if _too_deep(markup):
            return failed(source, f"HTML nested deeper than {_MAX_DEPTH} elements (no text read)")
        return failed(source, "no readable text in HTML page")
    title = _str(getattr(meta, "title", None))
    url = _absolute_url(_str(getattr(meta, "url", None)), defaults.url) or defaults.url
    return ReadResult(
        [
            Document(
                text=_paragraphs(text, title),
                title=title,
                published=parse_date(getattr(meta, "date", None)) or defaults.published,
                publisher=_publisher(_str(getattr(meta, "sitename", None)), url, defaults),
                url=url,
                source=source,
                media_type=MEDIA_TYPE,
            )
        ],
        [],
    )


def _parser() -> lxml.html.HTMLParser:
    # huge_tree: without it libxml2 silently drops everything nested deeper than 256 elements;
    # with it, deeper than 2048 (_MAX_DEPTH).
    return lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )


def _best_effort(function: Any, *args: Any, **options: Any) -> Any:
    """``function(*args, **options)``, or ``None`` when it raises: trafilatura and htmldate
    fail on odd markup (an ``AssertionError`` on ``<svg><p><p>``, a ``ValueError`` on control
    characters; found by fuzzing), and the page is then read by :func:`html_to_text`."""
    try:
        return function(*args, **options)
    except Exception:
        return None


def _head(markup: str) -> str:
    """Where a page's metadata is read from: all of it, or a huge page's ``<head>`` (when it
    ends within ``MAIN_TEXT_MAX`` characters; else nothing)."""
    if len(markup) <= MAIN_TEXT_MAX:
        return markup
    found = re.search("</head>", markup[:MAIN_TEXT_MAX], re.I)
    return markup[: found.end()] + "</html>" if found else "<html></html>"


def _too_deep(markup: str) -> bool:
    """Whether libxml2 stopped reading ``markup`` at its depth limit."""
    parser = _parser()
    try:
        lxml.html.fromstring(markup.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return False
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page or fragment: one line per block, spaces collapsed."""
    if not markup.strip():
        return ""
    # Control characters are no visible text, and lxml refuses to join a tail holding one
    # when it drops an element (a ValueError on "<script></script>\x1f", found by fuzzing).
    markup = _CONTROLS.sub(" ", markup)
    parser = _parser()
    try:
        root = lxml.html.fromstring(markup.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.xpath("//" + " | //".join(_INVISIBLE)):
        element.drop_tree()
    pieces: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            if event == "end" and element.tail:
                pieces.append(element.tail)
            continue
        block = element.tag.lower() in _BLOCKS
        if event == "start":
            if block:
                pieces.append("\n")
            if element.text:
                pieces.append(element.text)
        else:
            if block:
                pieces.append("\n")
            if element.tail and element is not root:
                pieces.append(element.tail)
    return _clean("".join(pieces))


def _clean(text: str) -> str:
    """Whitespace collapsed within lines, blank lines dropped."""
    lines = (" ".join(line.split()) for line in normalise_newlines(text).split("\n"))
    return "\n".join(line for line in lines if line)


def _paragraphs(text: str, title: str | None) -> str:
    """The cleaned lines of ``text`` as paragraphs apart by blank lines, without leading lines
    that repeat ``title`` (unless nothing else is left)."""
    lines = text.split("\n")
    kept = lines
    if title:
        heads = _title_forms(title)
        while kept and _words(kept[0]) in heads:
            kept = kept[1:]
    return "\n\n".join(kept or lines)


# What sets a site name off a headline in a page's <title>: "Headline | Site", "Site - Headline".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014:»·]|::)\s+")


def _title_forms(title: str) -> list[tuple[str, ...]]:
    """The word sequences a repeated headline may show: the title, and its parts when a
    separator sets a site name off it."""
    forms = [_words(title)]
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        forms += [_words(" ".join(parts[:-1])), _words(" ".join(parts[1:]))]
    return [form for form in forms if form]


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


def _str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _absolute_url(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    if urlsplit(url).scheme in ("http", "https"):
        return url
    if base and urlsplit(base).scheme in ("http", "https"):
        return urljoin(base, url)
    return None


def _publisher(sitename: str | None, url: str | None, defaults: Defaults) -> str | None:
    if sitename is None:
        return defaults.publisher
    host = urlsplit(url).hostname if url else None
    derived = _DOMAIN.match(sitename) is not None or sitename.lower() == (host or "").lower()
    if derived and defaults.publisher:
        return defaults.publisher
    return sitename
