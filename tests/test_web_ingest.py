"""Ingest through the API: uploads, and addresses the server fetches from a local
``http.server`` on 127.0.0.1 (never the internet), with its size limit and timeout. SQLite, and
PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warmonitor.web.fetch import FetchLimits
from web_support import Api

REPORT = "Gunmen killed 7 villagers near Kano on Sunday, police said.\n"
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>Attack near Kano</title><link>http://127.0.0.1/wire/1</link>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
<description>Gunmen killed 9 farmers near Kano on Sunday, police said.</description></item>
</channel></rss>
"""
PAGES: dict[str, tuple[str, bytes]] = {
    "/report": ("text/plain; charset=utf-8", REPORT.encode()),
    "/feed": ("application/rss+xml", FEED.encode()),
    "/big": ("text/plain", b"Seven people were killed. " * 4000),
    "/image": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    "/slow": ("text/plain", REPORT.encode()),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        found = PAGES.get(self.path)
        if found is None:
            self.send_error(404, "Not Found")
            return
        kind, body = found
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    """A web site on loopback, on a free port, for the length of one test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_addresses_are_fetched_read_and_named(api: Api, site: str) -> None:
    urls = [f"{site}/report", f"{site}/feed", f"{site}/report"]
    response = api.post("/api/ingest/urls", json={"urls": urls, "published": "2024-03-04"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["failures"] == [] and body["documents_new"] == 2 and body["claims_added"] >= 2
    documents = {d["source"]: d for d in api.json("/api/documents")["items"]}
    assert documents[f"{site}/report"]["url"] == f"{site}/report"
    feed = documents[f"{site}/feed#1"]
    assert feed["url"] == "http://127.0.0.1/wire/1" and feed["title"] == "Attack near Kano"
    counts = sorted(c["claim"]["count"]["low"] for c in api.json("/api/claims")["items"])
    assert counts == [7, 9]


def test_fetch_failures_are_named_and_the_rest_ingested(api: Api, site: str) -> None:
    api.app.state.fetch_limits = FetchLimits(max_bytes=50_000, timeout=1.0)
    urls = [
        f"{site}/missing",
        f"{site}/big",
        f"{site}/slow",
        f"{site}/image",
        "file:///etc/passwd",
        "http://",
        f"{site}/report",
    ]
    response = api.post("/api/ingest/urls", json={"urls": urls})
    assert response.status_code == 201, response.text
    reasons = {f["source"]: f["reason"] for f in response.json()["failures"]}
    assert "404" in reasons[f"{site}/missing"]
    assert "larger than the limit of 50000 bytes" in reasons[f"{site}/big"]
    assert "timed out" in reasons[f"{site}/slow"]
    assert "PNG" in reasons[f"{site}/image"]
    assert reasons["file:///etc/passwd"] == "not an http or https address"
    assert reasons["http://"] == "not an http or https address"
    assert response.json()["documents_new"] == 1


@pytest.mark.parametrize(
    "body", [{}, {"urls": []}, {"urls": "http://127.0.0.1/"}, {"urls": ["x"] * 51}]
)
def test_bad_address_lists_are_422(api: Api, body: object) -> None:
    assert api.post("/api/ingest/urls", json=body).status_code == 422


def test_bad_uploads_are_named_and_the_rest_ingested(api: Api) -> None:
    api.app.state.fetch_limits = FetchLimits(max_bytes=10_000)
    files = [
        ("files", ("good.txt", REPORT.encode(), "text/plain")),
        ("files", ("empty.txt", b"   \n", "text/plain")),
        ("files", ("scan.pdf", b"%PDF-1.4 binary", "application/pdf")),
        ("files", ("latin.txt", "Sept morts à Kano".encode("utf-16"), "text/plain")),
        ("files", ("huge.txt", b"x" * 10_001, "text/plain")),
        ("files", ("../../escape.txt", REPORT.replace("7", "8").encode(), "text/plain")),
    ]
    response = api.post("/api/ingest/files", files=files)
    assert response.status_code == 201, response.text
    body = response.json()
    reasons = {f["source"]: f["reason"] for f in body["failures"]}
    assert set(reasons) == {
        "upload:empty.txt",
        "upload:scan.pdf",
        "upload:latin.txt",
        "upload:huge.txt",
    }
    assert "empty" in reasons["upload:empty.txt"] and "PDF" in reasons["upload:scan.pdf"]
    assert "larger than 10000 bytes" in reasons["upload:huge.txt"]
    assert body["documents_new"] == 2
    sources = sorted(d["source"] for d in api.json("/api/documents")["items"])
    assert sources == ["upload:../../escape.txt", "upload:good.txt"]


def test_an_upload_without_files_is_422(api: Api) -> None:
    assert api.post("/api/ingest/files").status_code == 422
    # A form without files is not multipart/form-data: not an upload (web/limits.py).
    assert api.post("/api/ingest/files", data={"published": "2024-03-04"}).status_code == 415
    files = [("files", ("a.txt", REPORT.encode(), "text/plain"))]
    bad_day = api.post("/api/ingest/files", files=files, data={"published": "March"})
    assert bad_day.status_code == 422
    assert api.json("/api/documents")["total"] == 0
