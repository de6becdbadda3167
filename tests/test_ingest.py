"""Readers: real files in tmp_path, no mocks."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warmonitor.ingest as ingest
from warmonitor.errors import InputError
from warmonitor.ingest import ReadFailure, ReadResult, iter_files, read_path, read_paths
from warmonitor.ingest.dates import parse_date
from warmonitor.ingest.html import html_to_text
from warmonitor.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def only_document(result: ReadResult) -> Document:
    assert result.failures == []
    assert len(result.documents) == 1
    return result.documents[0]


def only_failure(result: ReadResult) -> ReadFailure:
    assert result.documents == []
    assert len(result.failures) == 1
    return result.failures[0]


def test_public_api() -> None:
    assert set(ingest.__all__) == {
        "ReadFailure",
        "ReadResult",
        "iter_files",
        "read_path",
        "read_path_parts",
        "read_paths",
        "stream_paths",
    }


# --- plain text -------------------------------------------------------------------------------


def test_plain_text_is_one_document_with_newlines_normalised(tmp_path: Path) -> None:
    path = write(tmp_path / "report.txt", "Four people were killed.\r\nTwo are missing.\rEnd.\n")
    doc = only_document(read_path(path))
    assert doc.text == "Four people were killed.\nTwo are missing.\nEnd.\n"
    assert doc.title is None
    assert doc.published is None and doc.publisher is None and doc.url is None
    assert doc.source == str(path)
    assert doc.media_type == "text/plain"


def test_plain_text_takes_metadata_from_options(tmp_path: Path) -> None:
    path = write(tmp_path / "report.md", "# Raid\n\nNine fighters were captured.\n")
    doc = only_document(
        read_path(
            path, published=date(2024, 6, 1), publisher="Delta Post", url="https://d.example/"
        )
    )
    assert (doc.published, doc.publisher, doc.url) == (
        date(2024, 6, 1),
        "Delta Post",
        "https://d.example/",
    )
    assert doc.media_type == "text/markdown"
    assert doc.title is None


def test_published_option_accepts_a_datetime(tmp_path: Path) -> None:
    path = write(tmp_path / "r.txt", "Three killed.")
    doc = only_document(read_path(path, published=datetime(2024, 6, 1, 23, 0)))
    assert doc.published == date(2024, 6, 1)


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfSix wounded in Southgate.")
    assert only_document(read_path(path)).text == "Six wounded in Southgate."


# --- format detection -------------------------------------------------------------------------


def test_format_sniffed_without_extension(tmp_path: Path) -> None:
    html = write(tmp_path / "page", (FIXTURES / "market.html").read_bytes())
    feed = write(tmp_path / "feed", (FIXTURES / "wire.rss").read_bytes())
    jsonl = write(tmp_path / "records", (FIXTURES / "reports.jsonl").read_bytes())
    text = write(tmp_path / "notes", "Eight civilians were killed in the shelling.")
    assert only_document(read_path(html)).media_type == "text/html"
    assert read_path(feed).documents[0].media_type == "application/rss+xml"
    assert [d.source for d in read_path(jsonl).documents][:2] == ["rep-1", "rep-2"]
    assert only_document(read_path(text)).media_type == "text/plain"


def test_extension_wins_over_content(tmp_path: Path) -> None:
    path = write(tmp_path / "markup.txt", "<html><body><p>Two killed.</p></body></html>")
    assert only_document(read_path(path)).text == "<html><body><p>Two killed.</p></body></html>"


# --- HTML -------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = shutil.copy(FIXTURES / "market.html", tmp_path / "market.html")
    doc = only_document(read_path(Path(path)))
    assert doc.title == "Shells strike Northtown market"
    assert doc.published == date(2024, 3, 4)
    assert doc.publisher == "Valley Courier"
    assert doc.url == "https://courier.example.org/news/northtown-market"
    assert doc.media_type == "text/html"
    assert doc.source == str(path)
    assert "At least seven civilians were killed and twelve wounded" in doc.text
    assert "two of the wounded were children" in doc.text
    assert "ninety-nine" not in doc.text  # script
    assert "Reader comment" not in doc.text  # comments are not the report
    assert "\r" not in doc.text


def test_html_meta_name_date_and_options_fill_gaps(tmp_path: Path) -> None:
    page = """<html><head><title>Checkpoint arrests</title>
    <meta name="date" content="2024-01-15">
    </head><body><article><p>Soldiers detained six students at the northern checkpoint on
    Monday, according to their families, who said none had been charged.</p></article>
    </body></html>"""
    path = write(tmp_path / "arrests.htm", page)
    doc = only_document(read_path(path, publisher="Campus Voice", url="https://cv.example/a"))
    assert doc.title == "Checkpoint arrests"
    assert doc.published == date(2024, 1, 15)
    assert doc.publisher == "Campus Voice"
    assert doc.url == "https://cv.example/a"


def test_html_page_metadata_wins_over_the_options(tmp_path: Path) -> None:
    path = shutil.copy(FIXTURES / "market.html", tmp_path / "market.html")
    doc = only_document(
        read_path(
            Path(path),
            published=date(2024, 3, 5),
            publisher="Someone Else",
            url="https://elsewhere.example/",
        )
    )
    assert doc.published == date(2024, 3, 4)  # the page's own date, as for feeds and JSON Lines
    assert doc.publisher == "Valley Courier"
    assert doc.url == "https://courier.example.org/news/northtown-market"


# One rule for every format: the options fill what a document does not state, its own win.
_DATED = {
    "page.html": """<html><head><title>Ferry attack</title>
    <meta property="article:published_time" content="2023-11-02">
    <meta property="og:site_name" content="Harbour Herald">
    <link rel="canonical" href="https://herald.example/ferry"></head>
    <body><article><p>Gunmen killed four passengers on the morning ferry to the island, the
    coastguard said, and two crew members are still unaccounted for.</p></article></body></html>""",
    "wire.rss": """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>
    <item><title>Ferry attack</title><link>https://herald.example/ferry</link>
    <pubDate>Thu, 02 Nov 2023 08:00:00 +0000</pubDate>
    <description>Gunmen killed four passengers on the morning ferry.</description></item>
    </channel></rss>""",
    "records.jsonl": '{"id": "f1", "text": "Gunmen killed four passengers on the ferry.", '
    '"published": "2023-11-02", "publisher": "Harbour Herald", '
    '"url": "https://herald.example/ferry"}\n',
}
_UNDATED = {
    "page.html": """<html><head><title>Ferry attack</title></head><body><article><p>Gunmen
    killed four passengers on the morning ferry to the island, the coastguard said, and two
    crew members are still unaccounted for.</p></article></body></html>""",
    "wire.rss": """<?xml version="1.0"?><rss version="2.0"><channel><item><title>Ferry
    attack</title><description>Gunmen killed four passengers on the morning ferry.</description>
    </item></channel></rss>""",
    "records.jsonl": '{"id": "f1", "text": "Gunmen killed four passengers on the ferry."}\n',
    "note.txt": "Gunmen killed four passengers on the morning ferry.\n",
}
_OPTIONS = {
    "published": date(2024, 1, 9),
    "publisher": "Caller Desk",
    "url": "https://caller.example/x",
}


@pytest.mark.parametrize("name", sorted(_DATED))
def test_a_documents_own_metadata_wins_over_the_options(tmp_path: Path, name: str) -> None:
    doc = only_document(read_path(write(tmp_path / name, _DATED[name]), **_OPTIONS))
    assert (doc.published, doc.publisher, doc.url) == (
        date(2023, 11, 2),
        "Harbour Herald",
        "https://herald.example/ferry",
    )


@pytest.mark.parametrize("name", sorted(_UNDATED))
def test_the_options_fill_a_document_that_states_nothing(tmp_path: Path, name: str) -> None:
    doc = only_document(read_path(write(tmp_path / name, _UNDATED[name]), **_OPTIONS))
    assert (doc.published, doc.publisher, doc.url) == tuple(_OPTIONS.values())


def test_html_headline_is_kept_apart_from_the_text(tmp_path: Path) -> None:
    page = """<html><head><title>Nine killed as shells hit Rivermouth bus station | The
    Estuary Times</title></head><body><article>
    <h1>Nine killed as shells hit Rivermouth bus station</h1>
    <p>Nine people were killed when shells struck the bus station in Rivermouth on Sunday
    morning, the regional health department said</p>
    <h2>Hospitals overwhelmed</h2>
    <p>Another 14 were wounded, doctors at the city hospital said.</p>
    </article></body></html>"""
    doc = only_document(read_path(write(tmp_path / "bus.html", page)))
    assert doc.title is not None and doc.title.startswith("Nine killed as shells hit")
    assert "Nine killed as shells" not in doc.text  # stated once: in the title
    assert doc.text.startswith("Nine people were killed when shells struck")
    # blocks are paragraphs: a heading never runs into the paragraph under it
    assert "department said\n\nHospitals overwhelmed\n\nAnother 14 were wounded" in doc.text


def test_html_page_of_only_a_headline_keeps_it_as_text(tmp_path: Path) -> None:
    page = "<html><head><title>Two killed</title></head><body><h1>Two killed</h1></body></html>"
    doc = only_document(read_path(write(tmp_path / "short.html", page)))
    assert (doc.title, doc.text) == ("Two killed", "Two killed")


def test_html_dates_in_body_text_are_not_the_publication_date(tmp_path: Path) -> None:
    page = """<html><head><title>Depot strike</title></head><body><article>
    <p>On 1 February 2023 a missile hit the grain depot, killing three guards, the regional
    governor said in a statement read out on local radio that evening.</p>
    </article></body></html>"""
    doc = only_document(read_path(write(tmp_path / "depot.html", page)))
    assert doc.published is None


def test_html_host_name_as_site_name_yields_to_publisher_option(tmp_path: Path) -> None:
    page = """<html><head><title>Bridge</title>
    <link rel="canonical" href="https://news.example.org/bridge"></head><body><article>
    <p>Four people were killed when the bridge near the old mill was shelled on Friday, the
    mayor said, adding that repairs could take months.</p></article></body></html>"""
    path = write(tmp_path / "bridge.html", page)
    assert only_document(read_path(path)).publisher == "news.example.org"
    assert only_document(read_path(path, publisher="Mill Gazette")).publisher == "Mill Gazette"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Café hit</title></head><body>'
        "<p>“Five were killed at the café,” the mayor said.</p></body></html>"
    )
    path = write(tmp_path / "cafe.html", page.encode("cp1252"))
    doc = only_document(read_path(path))
    assert doc.title == "Café hit"
    assert "“Five were killed at the café,” the mayor said." in doc.text


def test_html_latin1_without_declaration_is_a_failure(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cafe.html", "<html><body><p>caf\xe9</p></body></html>".encode("latin-1")
    )
    failure = only_failure(read_path(path))
    assert failure.reason == "not UTF-8 text (invalid byte 0xe9 at offset 18, line 1)"


def test_html_declared_charset_that_does_not_fit_is_a_failure(tmp_path: Path) -> None:
    koi = write(tmp_path / "a.html", b'<html><meta charset="x-unknown-9"><p>caf\xe9</p></html>')
    utf = write(tmp_path / "b.html", b'<html><meta charset="utf-8"><p>caf\xe9</p></html>')
    assert only_failure(read_path(koi)).reason.endswith(
        "the declared charset 'x-unknown-9' is unknown"
    )
    assert only_failure(read_path(utf)).reason == (
        "not UTF-8 text (invalid byte 0xe9 at offset 34, line 1)"
    )


def test_html_without_text_is_a_failure(tmp_path: Path) -> None:
    page = "<html><head><title>Nothing here</title><script>x()</script></head><body></body></html>"
    failure = only_failure(read_path(write(tmp_path / "blank.html", page)))
    assert failure == ReadFailure(str(tmp_path / "blank.html"), "no readable text in HTML page")


def test_deeply_nested_html_falls_back_to_visible_text(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 400 + "Two killed." + "</div>" * 400 + "</body></html>"
    assert only_document(read_path(write(tmp_path / "deep.html", page))).text == "Two killed."


def test_html_to_text_fragments() -> None:
    assert html_to_text("Two <b>killed</b><br>one hurt") == "Two killed\none hurt"
    assert html_to_text("<p>A</p><!-- note --><p>B &amp; C</p><style>p{}</style>") == "A\nB & C"
    assert html_to_text("   ") == ""


# --- feeds ------------------------------------------------------------------------------------


def test_rss_entries_are_documents(tmp_path: Path) -> None:
    path = Path(shutil.copy(FIXTURES / "wire.rss", tmp_path / "wire.rss"))
    result = read_path(path)
    first, second, third = result.documents
    assert (
        first.text
        == "Three aid workers were killed near the river crossing, the relief agency said."
    )
    assert first.title == "Drone strike hits aid convoy"
    assert first.published == date(2024, 3, 4)  # the local date, not UTC (3 March 22:30)
    assert first.publisher == "Border Wire"
    assert first.url == "https://wire.example.net/a/101"
    assert first.source == f"{path}#1"
    assert first.media_type == "application/rss+xml"
    # content:encoded wins over the description, HTML is stripped, scripts dropped
    assert third.text == (
        "Police detained forty protesters in Eastbridge on Tuesday.\n"
        "Two of them are still missing, their lawyer said."
    )
    assert third.published is None  # an unreadable date is no date
    assert third.source == f"{path}#3"
    # a headline-only item is read as its headline; an item with neither is a failure
    assert (second.text, second.title) == ("Headline only", "Headline only")
    assert result.failures == [ReadFailure(f"{path}#4", "feed entry has neither text nor title")]


def test_atom_entries_are_documents(tmp_path: Path) -> None:
    path = Path(shutil.copy(FIXTURES / "monitor.atom", tmp_path / "monitor.atom"))
    first, second = read_path(path, url="https://hill.example.com/feed.atom").documents
    assert first.title == "Camp shelled at dawn"
    assert first.text == (
        "Five displaced people were injured when a shell landed inside the camp <north section>."
    )
    assert first.published == date(2024, 5, 1)  # published beats updated
    assert first.publisher == "Hill Monitor"
    assert first.url == "https://hill.example.com/reports/1"
    assert first.media_type == "application/atom+xml"
    assert second.text == "One driver was killed by a roadside bomb on the mountain road."
    assert second.published == date(2024, 5, 2)  # only <updated>
    assert second.url == "https://hill.example.com/feed.atom"  # no link of its own


def test_feed_published_option_only_fills_entries_without_a_date(tmp_path: Path) -> None:
    path = Path(shutil.copy(FIXTURES / "wire.rss", tmp_path / "wire.rss"))
    first, _, third = read_path(path, published=date(2024, 3, 9), publisher="Other").documents
    assert first.published == date(2024, 3, 4)
    assert third.published == date(2024, 3, 9)
    assert first.publisher == "Border Wire"


def test_feed_in_declared_latin1_encoding(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
        "<title>Le Caf\xe9</title><item><title>Bless\xe9s</title>"
        "<description>Deux bless\xe9s \xe0 la gare.</description></item></channel></rss>"
    )
    doc = only_document(read_path(write(tmp_path / "fr.rss", feed.encode("latin-1"))))
    assert (doc.publisher, doc.title, doc.text) == ("Le Café", "Blessés", "Deux blessés à la gare.")


def test_malformed_feed_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.xml", "<?xml version='1.0'?>\n<rss><channel><title>x</")
    failure = only_failure(read_path(path))
    assert failure.source == str(path)
    assert failure.reason.startswith("malformed RSS/Atom feed: ")


def test_truncated_feed_keeps_its_entries_and_says_so(tmp_path: Path) -> None:
    feed = (
        '<rss version="2.0"><channel><title>Cut</title><item><title>Raid</title>'
        "<description>Six detained in a night raid.</description></item><item><title>Sec"
    )
    path = write(tmp_path / "cut.rss", feed)
    result = read_path(path)
    assert [d.text for d in result.documents] == ["Six detained in a night raid."]
    assert result.failures[0].source == str(path)
    assert result.failures[0].reason.startswith(
        "malformed RSS/Atom feed (read leniently, entries may be missing): "
    )


def test_xml_that_is_no_feed_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "sitemap.xml", "<?xml version='1.0'?><urlset><url>a</url></urlset>")
    assert only_failure(read_path(path)).reason.startswith("not an RSS/Atom feed")


def test_feed_without_entries_is_a_failure(tmp_path: Path) -> None:
    path = write(
        tmp_path / "quiet.rss", '<rss version="2.0"><channel><title>Q</title></channel></rss>'
    )
    assert only_failure(read_path(path)).reason == "feed has no entries"


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_records(tmp_path: Path) -> None:
    path = Path(shutil.copy(FIXTURES / "reports.jsonl", tmp_path / "reports.jsonl"))
    result = read_path(path, publisher="Default Desk", published=date(2024, 2, 1))
    assert result.failures == []
    first, second, third = result.documents
    assert first.source == "rep-1"  # the record id
    assert first.title == "Landmine near Westvale"
    assert first.published == date(2024, 2, 10)
    assert (first.publisher, first.url) == ("Plains Herald", "https://herald.example.org/1")
    assert first.media_type == "application/jsonl"
    assert second.published == date(2024, 2, 11)  # a datetime keeps its local date
    assert second.publisher == "Default Desk"
    assert third.source == f"{path}:4"  # no id: path and line (the blank line 3 counts)
    assert third.published == date(2024, 2, 1)  # null: the caller's date fills in


def test_jsonl_broken_lines_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "text": "Seven killed in Northtown.", "published": "2024-13-45"}',
        '{"id": 2, "text": "Broken record"',
        '["not", "an", "object"]',
        '{"id": 4, "text": "   "}',
        '{"id": 5, "title": "No text at all"}',
        '{"id": 6, "text": "Twelve injured.\\r\\nMany more missing."}',
    ]
    path = write(tmp_path / "mixed.ndjson", "\n".join(lines) + "\n")
    result = read_path(path)
    assert [(d.source, d.text) for d in result.documents] == [
        ("1", "Seven killed in Northtown."),
        ("6", "Twelve injured.\nMany more missing."),
    ]
    assert result.documents[0].published is None  # a bad date never crashes
    assert [f.source for f in result.failures] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert result.failures[0].reason.startswith("malformed JSON on line 2: ")
    assert result.failures[1].reason == "line 3 is not a JSON object (got array)"
    assert "has no text" in result.failures[2].reason
    assert "has no text" in result.failures[3].reason


def test_pretty_printed_json_is_not_json_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "one.jsonl", '{\n  "id": "a",\n  "text": "Two killed."\n}\n')
    failure = only_failure(read_path(path))
    assert failure == ReadFailure(
        str(path), "a single JSON document, not JSON Lines (expected one object per line)"
    )


# --- bad files --------------------------------------------------------------------------------


def test_binary_files(tmp_path: Path) -> None:
    nul = write(tmp_path / "a.txt", b"abc\x00def")
    control = write(tmp_path / "b.txt", bytes(range(1, 9)) * 20 + b"text")
    pdf = write(tmp_path / "c.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    utf16 = write(tmp_path / "d.txt", "Two killed".encode("utf-16"))
    assert only_failure(read_path(nul)).reason == "binary file (contains NUL bytes)"
    assert only_failure(read_path(control)).reason == "binary file (many control characters)"
    assert only_failure(read_path(pdf)).reason == "binary file (PDF document)"
    assert only_failure(read_path(utf16)).reason.startswith(
        "not UTF-8 text (UTF-16 byte-order mark"
    )


def test_latin1_text_names_the_first_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Two killed.\nA caf\xe9 hit.".encode("latin-1"))
    failure = only_failure(read_path(path))
    assert failure == ReadFailure(
        str(path), "not UTF-8 text (invalid byte 0xe9 at offset 17, line 2)"
    )


def test_empty_files(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.jsonl", b" \n\t\r\n")
    assert only_failure(read_path(empty)).reason == "empty file"
    assert only_failure(read_path(blank)).reason == "empty file (only whitespace)"


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: nothing is written, stat still says 25.3 MB
        handle.truncate(int(25.3 * 1024 * 1024))
    failure = only_failure(read_path(path))
    assert failure == ReadFailure(
        str(path), "file is 25.3 MB, over the 20 MB limit (WARMONITOR_MAX_BYTES)"
    )
    small = write(tmp_path / "small.txt", "x" * 300)
    assert only_failure(read_path(small, max_bytes=200)).reason == (
        "file is 300 bytes, over the 200 bytes limit (WARMONITOR_MAX_BYTES)"
    )


def test_missing_path_directory_and_special_file(tmp_path: Path) -> None:
    assert only_failure(read_path(tmp_path / "nope.txt")).reason == "no such file or directory"
    assert only_failure(read_path(tmp_path)).reason.startswith("is a directory")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert only_failure(read_path(fifo)).reason == "not a regular file"


def test_failure_as_error() -> None:
    error = ReadFailure("a.txt", "empty file").as_error()
    assert isinstance(error, InputError)
    assert (error.source, error.reason, str(error)) == ("a.txt", "empty file", "a.txt: empty file")


# --- many files -------------------------------------------------------------------------------


def test_iter_files_expands_directories_sorted_without_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/y/x.txt", ".hidden.txt", ".git/config", "a-b.txt"):
        write(tmp_path / "in" / name, "text")
    explicit_hidden = write(tmp_path / ".explicit.txt", "text")
    missing = tmp_path / "missing.txt"
    files = list(iter_files([tmp_path / "in", explicit_hidden, missing]))
    root = tmp_path / "in"
    assert files == [
        root / "a" / "y" / "x.txt",
        root / "a" / "z.txt",
        root / "a-b.txt",
        root / "b.txt",
        explicit_hidden,
        missing,
    ]


def test_directory_mixing_good_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("market.html", "wire.rss", "reports.jsonl"):
        shutil.copy(FIXTURES / name, folder / name)
    write(folder / "note.txt", "Nine soldiers were captured near the dam.\n")
    write(folder / "binary.dat", b"\x7fELF\x02\x01\x01\x00\x00\x00")
    write(folder / "latin.txt", "Bless\xe9s: 4".encode("latin-1"))
    write(folder / "empty.md", b"")
    write(folder / "partly.jsonl", '{"id": "p1", "text": "One killed."}\n{"id": "p2", \n')
    write(folder / "bad.rss", "<rss version='2.0'><channel><title>Cut off</")
    write(folder / "big.txt", "y" * 5000)
    write(folder / ".DS_Store", b"\x00\x00\x00\x01Bud1")

    results = dict(read_paths([folder, tmp_path / "gone.txt"], max_bytes=4096))
    visible = sorted(p for p in folder.iterdir() if p.name != ".DS_Store")
    assert list(results) == [*visible, tmp_path / "gone.txt"]
    sources = {d.source for r in results.values() for d in r.documents}
    assert str(folder / "note.txt") in sources
    assert str(folder / "market.html") in sources
    assert {"rep-1", "rep-2", "p1", f"{folder / 'wire.rss'}#1"} <= sources
    failures = {f.source: f.reason for r in results.values() for f in r.failures}
    assert failures == {
        str(folder / "binary.dat"): "binary file (contains NUL bytes)",
        str(folder / "latin.txt"): "not UTF-8 text (invalid byte 0xe9 at offset 5, line 1)",
        str(folder / "empty.md"): "empty file",
        f"{folder / 'partly.jsonl'}:2": failures[f"{folder / 'partly.jsonl'}:2"],
        str(folder / "bad.rss"): failures[str(folder / "bad.rss")],
        str(folder / "big.txt"): "file is 4.9 KB, over the 4 KB limit (WARMONITOR_MAX_BYTES)",
        f"{folder / 'wire.rss'}#4": "feed entry has neither text nor title",
        str(tmp_path / "gone.txt"): "no such file or directory",
    }
    assert failures[f"{folder / 'partly.jsonl'}:2"].startswith("malformed JSON on line 2: ")
    assert failures[str(folder / "bad.rss")].startswith("malformed RSS/Atom feed: ")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    suffix=st.sampled_from(["", ".txt", ".html", ".xml", ".jsonl"]),
)
def test_read_path_never_raises(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = write(tmp_path / f"any{suffix}", content)
    result = read_path(path)
    assert isinstance(result, ReadResult)
    assert result.documents or result.failures
    for doc in result.documents:
        assert doc.text.strip()


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", date(2024, 3, 4)),
        ("2024-03-04T23:30:00-05:00", date(2024, 3, 4)),
        ("2024-03-04T01:30:00Z", date(2024, 3, 4)),
        ("Mon, 04 Mar 2024 01:30:00 +0300", date(2024, 3, 4)),
        ("4 March 2024", date(2024, 3, 4)),
        ("yesterday", None),
        ("March 2024", None),
        ("not a date", None),
        ("2024-13-45", None),
        ("", None),
        (None, None),
        (20240304, None),
        (datetime(2024, 3, 4, 12), date(2024, 3, 4)),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected
