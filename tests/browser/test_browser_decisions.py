"""An analyst's decisions from the desk, in Chromium: merge two incidents, split a claim back
out, and rename an actor; each is recorded and replayed like the CLI's (the stored run and the
store's decisions agree with the pages)."""

from __future__ import annotations

import re

from browser_support import Server, log_in
from playwright.sync_api import Page, expect

from warmonitor.reconcile_service import stored_incidents


def _places(server: Server) -> list[list[str]]:
    """Each incident's places, as the store's run has them."""
    result = stored_incidents(server.store, claims=False)
    return sorted(sorted({c for c in i.places}) for i in result.incidents)


def _open(page: Page, place: str) -> str:
    page.goto("/incidents")
    page.locator("table.list tbody tr").filter(has_text=place).get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(place)
    return page.url.rsplit("/", 1)[1]


def test_an_analyst_merges_two_incidents_and_splits_a_claim_back_out(
    page: Page, server: Server
) -> None:
    log_in(page, "analyst", then="/incidents")
    expect(page.locator("table.list tbody tr")).to_have_count(3)
    idlib = _open(page, "Idlib")
    aleppo = _open(page, "Aleppo")
    merge = page.locator("form#merge")
    merge.get_by_label(re.compile("^Other incidents")).fill(idlib[:10])
    merge.get_by_label("Reason").fill("One offensive: the same shelling reported twice.")
    with page.expect_navigation():  # to the merged incident, once the API has answered
        merge.get_by_role("button", name="Merge into one incident").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aleppo")
    page.goto("/incidents")
    expect(page.locator("table.list tbody tr")).to_have_count(2)
    (merged,) = [p for p in _places(server) if "Idlib" in p]
    assert "Aleppo" in merged
    assert [d.action for d in server.store.incident_decisions()] == ["merge"]

    page.goto(f"/incidents/{aleppo}")
    split = page.locator("form#split")
    split.get_by_label(re.compile(r"killed 3 \(children\)")).check()
    split.get_by_label("Reason").fill("The council's figure is of another day.")
    with page.expect_navigation():  # to the new incident
        split.get_by_role("button", name="Split them into a new incident").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Idlib")
    page.goto("/incidents")
    expect(page.locator("table.list tbody tr")).to_have_count(3)
    assert [d.action for d in server.store.incident_decisions()] == ["merge", "split"]
    assert ["Idlib"] in _places(server)


def test_an_analyst_renames_an_actor_from_its_page(page: Page, server: Server) -> None:
    log_in(page, "analyst", then="/actors")
    page.get_by_role("link", name="local council").first.click()
    form = page.locator("form#actor-correct")
    form.get_by_label("Action").select_option("rename")
    form.get_by_label("Words, other actor or new name").fill("Idlib local council")
    form.get_by_label("Reason").fill("The council of the town, as its statements sign.")
    with page.expect_navigation():
        form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Idlib local council")
    correction = server.store.actor_corrections()[0]
    assert (correction.action, correction.value) == ("rename", "Idlib local council")
    page.goto("/incidents")  # the rename replays in the incidents too
    expect(page.locator("table.list tbody tr").filter(has_text="Idlib")).to_have_count(1)
    result = stored_incidents(server.store, claims=False)
    assert any("Idlib local council" in i.claimants for i in result.incidents)


def test_a_viewer_has_no_decision_forms(page: Page, server: Server) -> None:
    log_in(page, "viewer", then="/incidents")
    _open(page, "Aleppo")
    expect(page.locator("form#merge")).to_have_count(0)
    expect(page.locator("form#split")).to_have_count(0)
