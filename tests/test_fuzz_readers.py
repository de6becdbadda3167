"""Fuzzing the readers (``warmonitor.ingest``: text, HTML, RSS/Atom, JSON Lines) and the victim
CSV reader: any bytes, and documents built from each format's own pieces, are read or refused
with a reason naming the file; no parser ever crashes (the catch-all "could not read … file
(SomeError: …)" of ``read_path`` counts as a crash here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import fuzz
from warmonitor.errors import ConfigurationError, InputError
from warmonitor.ingest import ReadResult, read_path
from warmonitor.victim_service import read_victim_csv

_HOSTILE_CHARS = st.sampled_from(
    [
        *("\x00", "\x01", "\x7f", "\ufeff", "\ufffd", "\u202e", "\u2066", "\u200f", "\u2028"),
        *("&", "&amp;", "&#0;", "&#x110000;", "&#55296;", "&nbsp;", "&bogus;", "]]>", "<!--"),
        *("<", ">", '"', "'", "\r", "\r\n", "killed 12", "١٢ قتيلا", "𝟙𝟚", "é", "ﬁ"),
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=12), _HOSTILE_CHARS), max_size=12).map("".join)


def _read(folder: Path, name: str, data: bytes) -> ReadResult:
    path = folder / name
    path.write_bytes(data)
    result = read_path(path)
    assert result.documents or result.failures
    for failure in result.failures:
        assert failure.source.startswith(str(path)), failure
        assert failure.reason
        assert not failure.reason.startswith("could not read"), failure  # a parser crashed
    for document in result.documents:
        assert document.text.strip()
        for value in (document.text, document.title, document.publisher, document.url):
            if value is not None:  # storable: UTF-8, no NUL (PostgreSQL refuses it)
                assert "\x00" not in value
                value.encode("utf-8")
    return result


@fuzz(1000)
@given(
    data=st.one_of(st.binary(max_size=600), TEXT.map(lambda t: t.encode("utf-8", "replace"))),
    suffix=st.sampled_from(["", ".txt", ".md", ".html", ".xml", ".rss", ".jsonl", ".csv"]),
)
def test_any_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    _read(tmp_path, f"any{suffix}", data)


_TAGS = st.sampled_from(
    [
        *("p", "div", "span", "a", "b", "table", "tr", "td", "ul", "li", "h1", "article", "main"),
        *("script", "style", "noscript", "svg", "math", "iframe", "template", "title", "meta"),
        *("head", "body", "html", "br", "img", "form", "select", "option", "pre", "xmp"),
    ]
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attr, inner, close: f"<{tag}{attr}>{inner}" + (f"</{tag}>" if close else ""),
        _TAGS,
        st.sampled_from(
            [
                "",
                ' class="x"',
                ' charset="koi8-r"',
                ' property="og:title" content="12 killed"',
                ' name="date" content="2024-02-30"',
                ' href="javascript:alert(1)"',
                " dir=rtl",
                ' lang="ar"',
                " =",
            ]
        ),
        st.lists(children, max_size=4).map("".join),
        st.booleans(),
    )


HTML = st.recursive(TEXT, _element, max_leaves=30).map(
    lambda body: f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"
)


@fuzz(400)
@given(markup=st.one_of(HTML, st.recursive(TEXT, _element, max_leaves=20)))
def test_html(tmp_path: Path, markup: str) -> None:
    _read(tmp_path, "page.html", markup.encode("utf-8", "replace"))


def _rss(entries: list[tuple[str, str, str, str]], doctype: str) -> str:
    items = "".join(
        f"<item><title>{t}</title><description>{d}</description>"
        f"<pubDate>{p}</pubDate><link>{link}</link></item>"
        for t, d, p, link in entries
    )
    channel = f"<channel><title>c</title>{items}</channel>"
    return f'<?xml version="1.0"?>{doctype}<rss version="2.0">{channel}</rss>'


def _atom(entries: list[tuple[str, str, str, str]], doctype: str) -> str:
    items = "".join(
        f'<entry><title type="html">{t}</title><content type="html">{d}</content>'
        f'<updated>{p}</updated><link href="{link}"/></entry>'
        for t, d, p, link in entries
    )
    atom = 'xmlns="http://www.w3.org/2005/Atom"'
    return f'<?xml version="1.0"?>{doctype}<feed {atom}><title>c</title>{items}</feed>'


_ENTRY = st.tuples(
    TEXT,
    st.one_of(TEXT, st.just("&lt;p&gt;At least 12 people were killed.&lt;/p&gt;")),
    st.sampled_from(["", "Mon, 04 Mar 2024 01:30:00 +0300", "2024-03-04T01:30:00Z", "junk", "0"]),
    st.sampled_from(["", "https://example.org/a", "file:///etc/passwd", "javascript:x", "&x;"]),
)
_DOCTYPE = st.sampled_from(
    [
        "",
        '<!DOCTYPE rss [<!ENTITY x "boom">]>',
        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ]
)


@fuzz(400)
@given(
    kind=st.sampled_from([_rss, _atom]),
    entries=st.lists(_ENTRY, max_size=4),
    doctype=_DOCTYPE,
    cut=st.integers(min_value=0, max_value=40),
)
def test_feeds(tmp_path: Path, kind, entries, doctype: str, cut: int) -> None:  # type: ignore[no-untyped-def]
    xml = kind(entries, doctype)
    xml = xml[: len(xml) - cut]  # often cut off, as a truncated download is
    _read(tmp_path, "feed.xml", xml.encode("utf-8", "replace"))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=10,
)
_RECORD = st.fixed_dictionaries(
    {"text": st.one_of(TEXT, _JSON)},
    optional={
        "id": _JSON,
        "title": _JSON,
        "published": st.one_of(_JSON, st.sampled_from(["2024-03-04", "4 March 2024", "9999-99"])),
        "publisher": _JSON,
        "url": _JSON,
    },
)
_LINE = st.one_of(
    _RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)),
    _JSON.map(json.dumps),
    TEXT,
    st.just('{"text": "unterminated'),
)


@fuzz(600)
@given(lines=st.lists(_LINE, min_size=1, max_size=8), newline=st.sampled_from(["\n", "\r\n"]))
def test_json_lines(tmp_path: Path, lines: list[str], newline: str) -> None:
    body = newline.join(lines).encode("utf-8", "surrogatepass")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:  # json.dumps escapes lone surrogates, TEXT may not
        body = newline.join(lines).encode("utf-8", "replace")
    _read(tmp_path, "records.jsonl", body)


_CELL = st.one_of(
    TEXT,
    st.sampled_from(["m", "F", "female", "12", "-1", "1e400", "nan", "2024-02-30", "1/1/2024"]),
    st.sampled_from(["", '"', '""', '"a,b"', ",", "\r", "\n"]),
)
_HEADER = st.lists(
    st.sampled_from(["name", "Name", "alt_name", "sex", "age", "birth_date", "death_date", "x"])
    | TEXT,
    max_size=6,
)


@fuzz(800)
@given(
    header=_HEADER,
    rows=st.lists(st.lists(_CELL, max_size=7), max_size=6),
    raw=st.one_of(st.none(), st.binary(max_size=300)),
)
def test_victim_csv(
    tmp_path: Path, header: list[str], rows: list[list[str]], raw: bytes | None
) -> None:
    path = tmp_path / "list.csv"
    if raw is not None:
        path.write_bytes(raw)
    else:
        lines = [",".join(header), *(",".join(row) for row in rows)]
        path.write_bytes("\n".join(lines).encode("utf-8", "replace"))
    try:
        records, problems = read_victim_csv(path, "fuzz")
    except InputError as exc:
        assert exc.source == str(path)
        return
    except ConfigurationError:
        pytest.fail("a file's content is an InputError, not a ConfigurationError")
    lines_seen = [r.line for r in records] + [p.line for p in problems]
    assert len(lines_seen) == len(set(lines_seen))
