"""Injection attempts in every filter of the API: SQL meta-characters, LIKE wildcards, very
long strings, odd Unicode and undecodable bytes. Each is a filter value like any other: the
answer is a 4xx, or a 200 with nothing in it (no stored text holds these values); never a
500, never everything (a wildcard that matched, a condition that became true)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from web_support import Api

REPORTS = {
    "morning.txt": "Shelling killed 14 people in Idlib on Monday, the civil defence said.\n",
    "evening.txt": "Strikes killed 1,250 civilians in Kharkiv in March, the United Nations said.\n",
}
PAYLOADS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "'; DROP TABLE claims; --",
    "1; SELECT pg_sleep(5)",
    "' UNION SELECT password_hash, name FROM users --",
    "%",
    "_",
    "%%%",
    "%' --",
    "\\",
    "\\%",
    "[a-z]%",
    "*",
    ".*",
    "$where",
    "{{7*7}}",
    "<script>alert(1)</script>",
    "x" * 10_000,
    "\u202eevil",
    "\x00",
    "a\x00' OR 1=1",
    "😀𝔘",
    "١٢٣",
]
# Undecodable or odd bytes, sent as written in the query string.
RAW = ["%ff%fe", "%ED%A0%80", "%C0%AF", "%25%27", "%00"]
# Every list route and its filters (string-valued query parameters).
FILTERS: dict[str, list[str]] = {
    "/api/claims": [
        *("outcome", "victim_group", "claimant", "place", "start", "end", "hedge"),
        *("review_state", "q", "document_id"),
    ],
    "/api/incidents": ["policy", "country", "outcome", "start", "end", "q", "flagged"],
    "/api/incidents/duplicates": ["policy"],
    "/api/audit": ["action", "user", "since"],
    "/api/audit/export": ["format", "action", "user", "since"],
    "/api/exports/json": ["policy"],
    "/api/documents": ["limit", "offset"],
    "/api/reviews": ["limit", "offset"],
}
PATHS = [
    "/api/documents/{}",
    "/api/claims/{}",
    "/api/claims/{}/reviews",
    "/api/incidents/{}",
    "/api/users/{}/tokens",
    "/api/exports/{}",
]


@pytest.fixture
def stocked(api: Api) -> Api:
    files = [("files", (name, text.encode(), "text/plain")) for name, text in REPORTS.items()]
    response = api.post("/api/ingest/files", files=files, data={"published": "2024-03-05"})
    assert response.status_code == 201, response.text
    assert response.json()["claims_added"] >= 2
    return api


def _empty(body: Any) -> bool:
    if isinstance(body, dict) and "items" in body:
        return body["items"] == []
    if isinstance(body, list):
        return body == []
    return False


def _rows(text: str) -> int:
    return len([line for line in text.splitlines() if line.strip()])


def test_every_filter_refuses_or_matches_nothing(stocked: Api) -> None:
    # What the store holds, so that "nothing" means something.
    assert stocked.json("/api/claims")["total"] >= 2
    assert stocked.json("/api/audit", as_="admin")["items"]
    checked = 0
    for path, names in FILTERS.items():
        baseline = stocked.get(path, as_="admin")
        for name in names:
            for value in PAYLOADS:
                response = stocked.get(path, params={name: value}, as_="admin")
                checked += 1
                where = (path, name, value[:40])
                assert response.status_code < 500, where
                if response.status_code != 200:
                    assert 400 <= response.status_code < 500
                    assert "detail" in response.json(), where
                elif "json" in response.headers["content-type"]:
                    assert _empty(response.json()) or response.json() == baseline.json(), where
                    if name not in ("policy", "limit", "offset", "flagged"):
                        assert _empty(response.json()), where
                else:  # a CSV export: its header only
                    assert _rows(response.text) <= 1, where
            for raw in RAW:
                response = stocked.get(f"{path}?{name}={raw}", as_="admin")
                assert response.status_code < 500, (path, name, raw)
                filtered = name not in ("policy", "limit", "offset")
                if (
                    response.status_code == 200
                    and filtered
                    and "json" in response.headers["content-type"]
                ):
                    assert _empty(response.json()), (path, name, raw)
    assert checked > 600


def test_every_id_in_a_path_is_a_404_or_4xx(stocked: Api) -> None:
    for template in PATHS:
        for value in PAYLOADS:
            response = stocked.get(template.format(quote(value, safe="")), as_="admin")
            assert 400 <= response.status_code < 500, (template, value[:40], response.text)


def test_injection_in_bodies_is_refused_or_taken_as_text(stocked: Api) -> None:
    for value in PAYLOADS:
        login = stocked.post("/api/session", json={"name": value, "password": value}, as_=None)
        # 401, 422; a NUL on PostgreSQL is 400 (the store cannot read such a name)
        assert 400 <= login.status_code < 500, (value[:40], login.text)
        review = stocked.post("/api/reviews", json={"claims": [value], "decision": "accepted"})
        assert 400 <= review.status_code < 500, (value[:40], review.text)
    assert stocked.json("/api/claims")["total"] >= 2  # nothing dropped
