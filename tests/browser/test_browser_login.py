"""Logging in through the login page, in Chromium: a page asked for without a login sends the
browser to the form and back; a wrong password is said so and lets nobody in; logging out
ends the session."""

from __future__ import annotations

from browser_support import PASSWORD, USERS, Server, log_in, screenshot
from playwright.sync_api import Page, expect


def test_a_page_without_a_login_asks_for_one_and_comes_back(page: Page, server: Server) -> None:
    page.goto("/incidents")
    expect(page).to_have_url(f"{server.base}/login?next=%2Fincidents")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    screenshot(page, "login")
    page.get_by_label("User name").fill(USERS["viewer"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{server.base}/incidents")
    expect(page.locator("header")).to_contain_text(f"{USERS['viewer']} · viewer")
    logins, _ = server.store.audit_entries(action="login", user=USERS["viewer"])
    assert logins == 1


def test_a_wrong_password_is_refused_and_said_so(page: Page, server: Server) -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(USERS["analyst"])
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(f"{server.base}/login")
    page.goto("/incidents")  # still no session
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_logging_out_ends_the_session(page: Page, server: Server) -> None:
    log_in(page, "analyst")
    page.get_by_role("button", name="Log out").click()
    page.goto("/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
