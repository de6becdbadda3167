"""Limits on what a request may send: an upload over its size is 413, one not sent as
``multipart/form-data`` 415, any other body over 1 MB 413; nothing is ingested then."""

from __future__ import annotations

from collections.abc import Iterator

from warmonitor.web.fetch import FetchLimits
from web_support import Api

REPORT = "Gunmen killed seven villagers in Kano on Monday, police said.\n"


def test_an_upload_over_the_request_limit_is_413_and_nothing_is_read(api: Api) -> None:
    api.app.state.fetch_limits = FetchLimits(max_bytes=10_000, max_upload_bytes=50_000)
    files = [("files", (f"r{n}.txt", b"x" * 9_000, "text/plain")) for n in range(8)]
    response = api.post("/api/ingest/files", files=files)
    assert response.status_code == 413, response.text
    assert response.json() == {"detail": "request body over the 48.8 KB limit"}
    assert api.json("/api/documents")["total"] == 0
    small = [("files", ("r.txt", REPORT.encode(), "text/plain"))]
    assert api.post("/api/ingest/files", files=small).status_code == 201


def test_a_body_without_content_length_is_counted_as_it_comes(api: Api) -> None:
    api.app.state.fetch_limits = FetchLimits(max_upload_bytes=50_000)
    boundary = "b0undary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()

    def chunks() -> Iterator[bytes]:  # chunked: no Content-Length
        yield head
        for _ in range(100):
            yield b"y" * 1_000
        yield f"\r\n--{boundary}--\r\n".encode()

    headers = {
        **api.headers("analyst"),
        "Content-Type": f"multipart/form-data; boundary={boundary}",
    }
    response = api.client.post("/api/ingest/files", content=chunks(), headers=headers)
    assert response.status_code == 413, response.text
    assert api.json("/api/documents")["total"] == 0
    api.app.state.fetch_limits = FetchLimits(max_upload_bytes=200_000)  # the same, allowed
    response = api.client.post("/api/ingest/files", content=chunks(), headers=headers)
    assert response.status_code == 201, response.text


def test_an_upload_of_another_type_is_415(api: Api) -> None:
    for kind, body in [
        ("application/json", b'{"files": ["a.txt"]}'),
        ("application/zip", b"PK\x03\x04"),
        ("text/plain", REPORT.encode()),
    ]:
        response = api.post("/api/ingest/files", content=body, headers={"Content-Type": kind})
        assert response.status_code == 415, (kind, response.text)
        assert response.json()["detail"] == f"an upload is multipart/form-data, not {kind}"


def test_other_bodies_are_limited_to_1_mb(api: Api) -> None:
    urls = {"urls": ["http://127.0.0.1/" + "a" * 2_000_000]}
    assert api.post("/api/ingest/urls", json=urls).status_code == 413
    login = {"name": "x" * 2_000_000, "password": "p"}
    assert api.post("/api/session", json=login, as_=None).status_code == 413
