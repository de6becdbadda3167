"""The desk's pages as a browser uses them: FastAPI's TestClient over a real store (SQLite, and
PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server), logged in through the login
form, reports written for these tests uploaded through the API."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from warmonitor.web.pages.render import CSP
from warmonitor.web.pages.words import PRECISION_WORDS
from web_support import PASSWORD, ROLE_NAMES, Api

MORNING = """Shelling kills 14 in Idlib

Shelling killed 14 people in Idlib on Monday, the Syrian Observatory for Human Rights
said.
"""
EVENING = """Toll in Idlib shelling rises

The toll of Monday's shelling of Idlib rose to 19 dead, the Syrian Observatory for Human
Rights said on Tuesday. The city council said 22 people were killed.
"""
KHARKIV = """Strikes on Kharkiv

Strikes killed 1,250 civilians in Kharkiv in March, the United Nations said.
"""
ARABIC = "تقرير قصير كتب لهذا الاختبار عن مدينة حلب.\n"


@pytest.fixture
def desk(api: Api) -> Api:
    """Four reports uploaded by the analyst: one event in Idlib told twice, one in Kharkiv,
    and a short Arabic note without figures."""
    uploads = [
        ([("morning.txt", MORNING), ("evening.txt", EVENING)], "2024-03-05"),
        ([("kharkiv.txt", KHARKIV)], "2022-04-01"),
        ([("note-ar.txt", ARABIC)], "2024-03-06"),
    ]
    for files, published in uploads:
        body = [("files", (name, text.encode(), "text/plain")) for name, text in files]
        response = api.post("/api/ingest/files", files=body, data={"published": published})
        assert response.status_code == 201, response.text
    return api


def browser(api: Api, role: str) -> TestClient:
    """A client of its own (its own cookies) logged in through the login form."""
    client = TestClient(api.app, base_url="http://127.0.0.1")
    form = client.get("/login?next=/incidents")
    assert form.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', form.text)
    assert token is not None
    response = client.post(
        "/login",
        data={"name": ROLE_NAMES[role], "password": PASSWORD, "token": token[1], "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/"
    return client


class Links(HTMLParser):
    """Every src and href of a page, with the tag, and the rel of links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self.csrf: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and values.get("name") == "csrf-token":
            self.csrf = values["content"]
        for key in ("src", "href", "data-basemap", "action"):
            if key in values:
                self.found.append((tag, values[key], values.get("rel", "")))


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def pages(api: Api) -> list[str]:
    """A path of every kind of page, with ids from the store."""
    incident = api.json("/api/incidents", q="Idlib")["items"][0]["id"]
    claim = api.json("/api/claims", q="22 people")["items"][0]["claim"]
    actor = api.json("/api/actors")[0]
    return [
        "/",
        "/map",
        "/incidents",
        f"/incidents/{incident}",
        "/documents",
        f"/documents/{claim['document_id']}",
        "/actors",
        f"/actors/{actor['id'] or actor['name']}",
        "/review",
        f"/claims/{claim['id']}",
    ]


def test_every_page_renders_for_a_viewer(desk: Api) -> None:
    client = browser(desk, "viewer")
    for path in pages(desk):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"] == CSP
        assert "vera" in response.text and 'href="#main"' in response.text  # skip link
        assert 'accesskey="m"' in response.text


def test_pages_send_the_anonymous_to_the_login_and_back(desk: Api) -> None:
    client = TestClient(desk.app, base_url="http://127.0.0.1")
    response = client.get("/incidents?sort=best", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fincidents%3Fsort%3Dbest"
    form = client.get(response.headers["location"])
    assert 'name="next" value="/incidents?sort=best"' in form.text
    token = re.search(r'name="token" value="([^"]+)"', form.text)
    assert token is not None
    data = {"name": "vera", "password": PASSWORD, "token": token[1]}
    back = client.post("/login", data={**data, "next": "/incidents?sort=best"})
    assert back.status_code == 200 and back.url.path == "/incidents"
    api = client.get("/api/claims")
    assert api.status_code == 200  # the same session serves the API


def test_the_api_stays_json_for_the_anonymous(desk: Api) -> None:
    response = desk.get("/api/incidents", as_=None)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("log in")


@pytest.mark.parametrize("next_", ["https://elsewhere.example/", "//elsewhere.example/x"])
def test_the_login_never_sends_elsewhere(desk: Api, next_: str) -> None:
    client = TestClient(desk.app, base_url="http://127.0.0.1")
    token = re.search(r'name="token" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    data = {"name": "vera", "password": PASSWORD, "token": token[1], "next": next_}
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_a_login_form_without_its_token_or_with_a_wrong_password_is_refused(desk: Api) -> None:
    client = TestClient(desk.app, base_url="http://127.0.0.1")
    forged = client.post("/login", data={"name": "vera", "password": PASSWORD, "token": "x"})
    assert forged.status_code == 403 and "warmonitor_session" not in client.cookies
    token = re.search(r'name="token" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    data = {"name": "vera", "password": "not the password", "token": token[1]}
    wrong = client.post("/login", data=data)
    assert wrong.status_code == 401 and "wrong user name or password" in wrong.text
    assert "warmonitor_session" not in client.cookies
    assert [e["user"] for e in desk.audit(action="login_failed")] == ["vera"]


def test_logging_out_needs_the_sessions_token_and_ends_it(desk: Api) -> None:
    client = browser(desk, "viewer")
    page = links(client.get("/").text)
    assert page.csrf
    refused = client.post("/logout", data={"csrf_token": "guess"}, follow_redirects=False)
    assert refused.status_code == 403
    out = client.post("/logout", data={"csrf_token": page.csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    client.cookies.clear()
    assert client.get("/", follow_redirects=False).status_code == 303
    assert desk.audit(action="logout")[0]["user"] == "vera"


def test_a_viewer_sees_no_review_actions_an_analyst_does(desk: Api) -> None:
    claim = desk.json("/api/claims", q="22 people")["items"][0]["claim"]["id"]
    viewer, analyst = browser(desk, "viewer"), browser(desk, "analyst")
    for path, marker in (("/review", 'name="claim"'), (f"/claims/{claim}", 'id="correct"')):
        assert marker not in viewer.get(path).text
        assert marker in analyst.get(path).text
    assert "review.js" not in viewer.get(f"/claims/{claim}").text


def test_every_asset_and_link_of_every_page_is_served_here(desk: Api) -> None:
    client = browser(desk, "viewer")
    seen: set[str] = set()
    for path in pages(desk):
        for tag, url, rel in links(client.get(path).text).found:
            parts = urlsplit(url)
            if tag == "a" and "external" in rel:  # a source's own address, never loaded
                assert parts.scheme in ("http", "https")
                continue
            assert not parts.scheme and not parts.netloc, f"{path}: {tag} {url} leaves the host"
            if url.startswith("#") or url in seen or tag == "form":
                continue
            seen.add(url)
            target = url if url.startswith(("/", "?")) else f"/{url}"
            target = f"{path.split('?')[0]}{target}" if target.startswith("?") else target
            response = client.get(target)
            assert response.status_code == 200, (
                f"{path}: {tag} {url} answers {response.status_code}"
            )
    assets = {u for u in seen if u.startswith("/static/")}
    assert {
        "/static/desk.css",
        "/static/desk.js",
        "/static/map.js",
        "/static/vendor/d3-geo/d3-geo.min.js",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-50m.json",
    } <= assets
    anonymous = TestClient(desk.app, base_url="http://127.0.0.1")
    style = anonymous.get("/static/desk.css")  # the login page needs its styles
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")
    world = anonymous.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 200
    for bad in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/nothing.css"):
        assert anonymous.get(bad).status_code == 404


def test_a_correction_changes_the_tally_on_the_incident_page(desk: Api) -> None:
    client = browser(desk, "analyst")
    incident = desk.json("/api/incidents", q="Idlib")["items"][0]["id"]

    def killed() -> list[str]:
        page = client.get(f"/incidents/{incident}").text
        row = re.search(r'<th scope="row">killed</th>(.*?)</tr>', page, re.S)
        assert row is not None
        return re.findall(r'<td class="num">(?:<strong>)?([\d,]+)', row[1])

    assert killed() == ["19", "19", "22"]  # low, best, high
    council = desk.json("/api/claims", q="22 people")["items"][0]["claim"]["id"]
    form = client.get(f"/claims/{council}").text
    csrf = links(form).csrf
    assert csrf and 'data-original="22"' in form
    body = {"action": "correct", "reason": "the council said 2,200", "correction": {}}
    body["correction"] = {"count": {"low": 2200, "high": 2200, "text": "2,200"}}
    refused = client.post(f"/api/claims/{council}/reviews", json=body)
    assert refused.status_code == 403  # no CSRF header
    response = client.post(
        f"/api/claims/{council}/reviews", json=body, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 201, response.text
    assert killed() == ["19", "19", "2,200"]
    page = client.get(f"/claims/{council}").text
    assert "corrected" in page and "2,200" in page and "“22”" in page  # beside the machine's
    assert "the council said 2,200" in page


def test_bulk_review_from_the_queue(desk: Api) -> None:
    client = browser(desk, "analyst")
    queue = client.get("/review").text
    ticks = re.findall(r'name="claim" value="([^"]+)"', queue)
    total = desk.json("/api/claims", review_state="unreviewed")["total"]
    assert len(ticks) == total > 2
    csrf = links(queue).csrf
    body = {"claims": ticks[:2], "action": "accept", "reason": "read against the reports"}
    response = client.post("/api/reviews", json=body, headers={"X-CSRF-Token": csrf or ""})
    assert response.status_code == 201, response.text
    after = client.get("/review").text
    assert len(re.findall(r'name="claim" value=', after)) == total - 2
    accepted = client.get("/review?state=accepted").text
    assert all(t in accepted for t in ticks[:2])


def test_the_overview_adds_up_by_period(desk: Api) -> None:
    page = browser(desk, "viewer").get("/?period=year").text
    rows = dict(re.findall(r"<tr><td>(\d{4})</td><td class=\"num\">([\d,]+)</td>", page))
    assert rows == {"2022": "1,250", "2024": "19"}
    assert '<svg class="chart"' in page and "<title>2022: 1,250</title>" in page
    assert "claims not reviewed" in page


def test_the_map_shows_points_with_their_precision_and_filters(desk: Api) -> None:
    client = browser(desk, "viewer")

    def script(page: str, name: str) -> Any:
        data = re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', page)
        assert data is not None
        return json.loads(data[1])

    def points(query: str = "") -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = script(client.get(f"/map{query}").text, "map-data")
        return found

    def place(point: dict[str, Any]) -> str:
        return str(point["label"]).split(",")[0]  # the label: place, dates

    everything = points()
    assert {place(p) for p in everything} == {"Idlib", "Kharkiv"}
    kharkiv = next(p for p in everything if place(p) == "Kharkiv")
    assert kharkiv["best"] == 1250 and kharkiv["precision"]
    assert 49 < kharkiv["lat"] < 51 and 35 < kharkiv["lon"] < 37
    words = script(client.get("/map").text, "map-words")  # each precision's words, once
    assert words[kharkiv["precision"]] == PRECISION_WORDS[kharkiv["precision"]]
    assert [place(p) for p in points("?start=2024-01-01")] == ["Idlib"]
    assert [place(p) for p in points("?group=civilians")] == ["Kharkiv"]
    assert points("?outcome=displaced") == []
    bad = client.get("/map?start=yesterday")
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text


def test_the_map_table_lists_the_largest_and_points_to_the_list(
    desk: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warmonitor.web.pages import overview

    client = browser(desk, "viewer")
    monkeypatch.setattr(overview, "MAP_TABLE_ROWS", 1)
    page = client.get("/map").text
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<tr>") == 1 and "Kharkiv" in table  # 1,250: the largest of the two
    assert "the incidents list</a> has them all" in page
    assert page.count('<script type="application/json" id="map-data">') == 1
    assert len(json.loads(page.split('id="map-data">')[1].split("</script>")[0])) == 2
    # dates are typed and shown as ISO, whatever the browser's language
    assert 'placeholder="YYYY-MM-DD"' in page and 'type="date"' not in page


def test_the_incident_list_sorts_filters_and_searches(desk: Api) -> None:
    client = browser(desk, "viewer")

    def places(query: str) -> list[str]:
        page = client.get(f"/incidents{query}").text
        return re.findall(r'<td><span dir="auto">([^<]+)</span>', page)

    assert places("?sort=best&order=desc") == ["Kharkiv", "Idlib"]
    assert places("?sort=best&order=asc") == ["Idlib", "Kharkiv"]
    assert places("?sort=date&order=asc") == ["Kharkiv", "Idlib"]
    assert places("?q=idlib") == ["Idlib"]
    assert places("?country=UA") == ["Kharkiv"]
    assert places("?flagged=yes") == ["Idlib"]
    assert "1,250" in client.get("/incidents").text


def test_the_incident_page_shows_claimants_side_by_side_flags_series_and_documents(
    desk: Api,
) -> None:
    incident = desk.json("/api/incidents", q="Idlib")["items"][0]
    page = browser(desk, "viewer").get(f"/incidents/{incident['id']}").text
    header = re.search(r'<table class="numbers side">\s*<thead>(.*?)</thead>', page, re.S)
    assert header is not None
    assert "Syrian Observatory for Human Rights" in header[1] and "city council" in header[1]
    assert "Claimants disagree." in page  # the flag in plain words
    assert page.count('<svg class="chart"') == 1 and "rose from 14 to 19" in page
    assert page.count("<mark>") == incident["claims"]  # each evidence sentence's figure
    assert page.count('href="/documents/') >= incident["documents"] * 2


def test_the_incident_page_shows_what_was_done_and_what_happened_next(desk: Api) -> None:
    incident = desk.json("/api/incidents", q="Idlib")["items"][0]["id"]
    body = {"kind": "acknowledged", "date": "2024-03-09", "source": "a ministry statement"}
    assert desk.post(f"/api/incidents/{incident}/follow-ups", json=body).status_code == 201
    page = browser(desk, "viewer").get(f"/incidents/{incident}").text
    assert "What was done, by whom, to whom" in page and "shelling (2 reports)" in page
    assert "What happened next" in page
    assert '2024-03-09 · acknowledged · <span dir="auto">a ministry statement</span>' in page


def test_the_document_page_highlights_each_claim_at_its_evidence(desk: Api) -> None:
    claim = desk.json("/api/claims", q="22 people")["items"][0]["claim"]
    document = claim["document_id"]
    claims = desk.json("/api/claims", document_id=document)["items"]
    page = browser(desk, "viewer").get(f"/documents/{document}").text
    marked = set(re.findall(r'data-claims="([^"]+)"', page))
    assert {c for m in marked for c in m.split()} == {c["claim"]["id"] for c in claims}
    council = re.findall(rf'<mark class="claim" data-claims="{claim["id"]}">(.*?)</mark>', page)
    assert (
        "".join(council).replace("<strong>", "").replace("</strong>", "")
        == (claim["evidence"]["sentence"])
    )
    assert "<strong>22</strong>" in "".join(council)


def test_arabic_text_runs_right_to_left_and_the_actor_page_lists_figures(desk: Api) -> None:
    client = browser(desk, "viewer")
    documents = desk.json("/api/documents")["items"]
    arabic = next(d for d in documents if d["source"] == "upload:note-ar.txt")
    page = client.get(f"/documents/{arabic['id']}").text
    assert f'<p dir="auto" lang="ar">{ARABIC.strip()}' in page
    actor = next(a for a in desk.json("/api/actors") if "Observatory" in a["name"])
    page = client.get(f"/actors/{actor['id'] or actor['name']}").text
    assert page.count('href="/claims/') == actor["claims"]
    assert all(w in page for w in actor["words"])
    assert client.get("/actors/nobody-at-all").status_code == 404


def test_unknown_ids_are_404_pages(desk: Api) -> None:
    client = browser(desk, "viewer")
    for path in ("/incidents/zzzzzzzz", "/documents/nothing", "/claims/nothing", "/no-such-page"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")


def test_json_in_a_page_cannot_close_its_script_and_carries_no_bidi_controls() -> None:
    from warmonitor.web.pages.render import json_script

    value = [{"label": "</script><script>alert(1)</script> & 'x' \u202eevil", "lat": 36.2}]
    text = str(json_script(value))
    assert "<" not in text and ">" not in text and "&" not in text and "'" not in text
    assert "\u202e" not in text
    back = json.loads(text)
    assert back[0]["label"] == "</script><script>alert(1)</script> & 'x' \ufffdevil"
    assert back[0]["lat"] == 36.2


def test_the_map_follows_a_review(desk: Api) -> None:
    """The map's points are kept with the stored run: a correction (a write) is on the next
    map, on the stored run reconciled again."""
    client = browser(desk, "viewer")

    def kharkiv() -> dict[str, Any]:
        page = client.get("/map?group=civilians").text
        data = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page)
        assert data is not None
        found: list[dict[str, Any]] = json.loads(data[1])
        assert len(found) == 1
        return found[0]

    assert kharkiv()["best"] == 1250
    assert kharkiv()["best"] == 1250  # the same run: the kept points
    claims = desk.json("/api/claims", place="kharkiv", outcome="killed")["items"]
    assert len(claims) == 1
    correction = {"count": {"low": 1300, "high": 1300, "text": "1,300"}}
    response = desk.post(
        f"/api/claims/{claims[0]['claim']['id']}/reviews",
        json={"action": "correct", "reason": "the agency's later list", "correction": correction},
    )
    assert response.status_code == 201, response.text
    assert kharkiv()["best"] == 1300
