"""The desk as its users use it, in Chromium: open the map, open an incident, correct a claim
and see the tally change; every main page at desktop and phone width (screenshots), with no
script error and no request leaving localhost (the ``context`` fixture fails a test on one)."""

from __future__ import annotations

import re

import pytest
from browser_support import (
    AIR_STRIKE,
    IDLIB_SHELLING,
    Server,
    leaves_localhost,
    log_in,
    screenshot,
)
from playwright.sync_api import ConsoleMessage, Page, expect
from playwright.sync_api import Error as PlaywrightError

from warmonitor.reconcile_service import stored_incidents
from warmonitor.web.pages.words import PRECISION_WORDS


def _best(server: Server, place: str, outcome: str = "killed") -> int:
    """The best estimate the reconciler gives the incident at ``place`` (the figure the pages
    must show)."""
    result = stored_incidents(server.store, claims=False)
    incident = next(i for i in result.incidents if i.place and i.place.name == place)
    total = incident.total(outcome)
    assert total is not None
    return int(total.best)


def _totals_best(page: Page, outcome: str = "killed") -> str:
    row = page.get_by_role("region", name="Totals").get_by_role("row").filter(has_text=outcome)
    return row.locator("td").nth(1).inner_text()


@pytest.fixture
def script_errors(page: Page) -> list[str]:
    """Errors the pages' scripts throw or log, gathered while the test runs."""
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def test_the_map_draws_the_incidents_on_the_bundled_basemap(
    page: Page, server: Server, script_errors: list[str]
) -> None:
    log_in(page, "viewer")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Map").click()
    expect(page).to_have_url(re.compile(r"/map$"))
    countries = page.locator("#map svg path.country")
    expect(countries.first).to_be_attached()
    assert countries.count() > 100  # Natural Earth's countries, drawn from the bundled file
    points = page.locator("#map svg circle.pt")
    expect(points).to_have_count(3)  # Aleppo, Kharkiv and Idlib: each has a killed total
    titles = [points.nth(n).locator("title").text_content() or "" for n in range(3)]
    assert all("geocoded to" in t for t in titles), titles
    words = set(PRECISION_WORDS.values())  # the precision in words, sent once with the points
    assert all(any(f"(geocoded to {w})" in t for w in words) for t in titles), titles
    links = [points.nth(n).locator("xpath=..").get_attribute("href") or "" for n in range(3)]
    assert all(re.fullmatch(r"/incidents/[0-9a-f]+", h) for h in links), links
    aleppo = next(t for t in titles if "Aleppo" in t)
    assert f"best {_best(server, 'Aleppo'):,}" in aleppo
    basemap = [u for u in server.requests if u.endswith("/countries-50m.json")]
    assert basemap and all(u.startswith(server.base) for u in basemap)
    assert not script_errors
    screenshot(page, "map")


def test_an_incident_opens_from_the_list_with_its_figures_and_evidence(
    page: Page, server: Server, script_errors: list[str]
) -> None:
    log_in(page, "viewer")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Incidents").click()
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(3)
    screenshot(page, "incidents")
    rows.filter(has_text="Aleppo").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aleppo")
    assert _totals_best(page) == f"{_best(server, 'Aleppo'):,}"
    evidence = page.get_by_role("region", name=re.compile("^Evidence"))
    expect(evidence).to_contain_text("An air strike on a market in Aleppo killed 10 civilians")
    documents = page.get_by_role("region", name="Documents")
    expect(documents).to_contain_text(AIR_STRIKE.title or "")
    assert not script_errors
    screenshot(page, "incident")


def test_an_analyst_corrects_a_claim_and_the_tally_changes(
    page: Page, server: Server, script_errors: list[str]
) -> None:
    before = _best(server, "Idlib")
    log_in(page, "analyst", then="/incidents")
    page.locator("table.list tbody tr").filter(has_text="Idlib").get_by_role("link").first.click()
    assert _totals_best(page) == f"{before:,}"
    incident_url = page.url
    evidence = page.get_by_role("region", name=re.compile("^Evidence"))
    evidence.get_by_role("link", name=re.compile(r"^killed 3")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Claim")
    screenshot(page, "claim")
    form = page.locator("form#correct")
    form.get_by_label("Count, low").fill(str(before + 4))
    form.get_by_label("Count, high (empty: open)").fill(str(before + 4))
    form.get_by_label("Reason (required)").fill("The council's later statement gives seven.")
    form.get_by_role("button", name="Save correction").click()
    expect(page.locator("section", has_text="Reviews, oldest first")).to_contain_text("correct")
    page.goto(incident_url)
    assert _totals_best(page) == f"{before + 4:,}"
    assert _best(server, "Idlib") == before + 4  # the stored run agrees with the page
    reviews = server.store.reviews()
    assert [(r.action, r.reviewer) for r in reviews] == [("correct", "ana")]
    assert reviews[0].claim_id.startswith(IDLIB_SHELLING.id[:12])
    assert not script_errors


MAIN_PAGES = {
    "overview": "/",
    "documents": "/documents",
    "actors": "/actors",
    "review": "/review",
}


def test_every_main_page_at_desktop_and_phone_width(
    page: Page, server: Server, script_errors: list[str]
) -> None:
    log_in(page, "analyst")
    for name, path in MAIN_PAGES.items():
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        screenshot(page, name)
    page.goto(f"/documents/{AIR_STRIKE.id}")
    expect(page.locator("mark").first).to_be_visible()  # the claim at its evidence span
    screenshot(page, "document")
    page.goto("/actors")
    page.get_by_role("link", name=re.compile("Syrian Observatory")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Syrian Observatory")
    screenshot(page, "actor")
    assert not script_errors


def test_the_guard_tells_loopback_from_other_hosts() -> None:
    assert not leaves_localhost("http://127.0.0.1:8123/static/desk.css")
    assert not leaves_localhost("http://localhost:8123/map")
    assert not leaves_localhost("data:image/png;base64,AAAA")
    assert leaves_localhost("https://example.org/reports/aleppo-market")
    assert leaves_localhost("https://tile.openstreetmap.org/1/0/0.png")
    assert leaves_localhost("http://127.0.0.1.example.com/")


def test_a_request_to_another_host_is_stopped_in_the_browser(page: Page, server: Server) -> None:
    log_in(page, "viewer")
    tile = "https://example.org/tiles/1/0/0.png"
    # a script's fetch is refused by the pages' Content-Security-Policy before it is sent
    outcome = page.evaluate(f"fetch('{tile}').then(() => 'fetched', () => 'refused')")
    assert outcome == "refused"
    assert server.foreign == [] and tile not in server.requests
    # a navigation is not the policy's to refuse: the test's guard stops it
    with pytest.raises(PlaywrightError):
        page.goto(tile)
    assert server.foreign == [tile]
    server.foreign.clear()  # seen and stopped: this test's teardown need not fail on it
    server.requests[:] = [u for u in server.requests if not leaves_localhost(u)]
