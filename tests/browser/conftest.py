"""Browser tests: Playwright drives Debian's Chromium (``apt-get install chromium``; never
``playwright install``, which downloads a browser) against ``warmonitor serve``'s app run by
uvicorn on a free loopback port, over a real store seeded with a few reports (SQLite, and a
PostgreSQL schema of its own when ``WARMONITOR_TEST_POSTGRES_URL`` names a server).

Every request the page makes is recorded; one to any host but the server's loopback address
is aborted and fails the test (the desk must work offline). Screenshots go to ``ARTIFACTS``
(``tests/browser/artifacts/``, not committed).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    Server,
    free_port,
    leaves_localhost,
    seed,
)
from playwright.sync_api import BrowserContext, Page, Playwright, Route, sync_playwright

from warmonitor.store import Store
from warmonitor.web import create_app


@pytest.fixture
def server(store_url: str) -> Iterator[Server]:
    """``warmonitor serve``'s app over a seeded store (conftest's ``store_url``: SQLite, and
    PostgreSQL when a server is named), run by uvicorn in a thread on a free
    loopback port until the test ends."""
    app = create_app(store_url, secret_key="browser test key")
    store: Store = app.state.store
    try:
        seed(store)
    except BaseException:
        store.close()
        raise
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield Server(f"http://127.0.0.1:{port}", store)
    finally:
        running.should_exit = True
        thread.join(timeout=20)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Chromium at {CHROMIUM}: install Debian's "
            "(apt-get install -y chromium; .ci/run does) or set WARMONITOR_CHROMIUM to another "
            "build; never `playwright install`",
            pytrace=False,
        )
    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def context(playwright: Playwright, server: Server, tmp_path: Path) -> Iterator[BrowserContext]:
    """A fresh Chromium (its own user-data folder) at desktop size; every request the pages
    make is recorded in ``server.requests``, and one to another host is aborted, kept in
    ``server.foreign`` and fails the test when it ends."""
    profile = tmp_path / "chromium-profile"
    opened = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        headless=True,
        viewport=DESKTOP,
        base_url=server.base,
        locale="en-GB",
        timezone_id="UTC",
    )

    def guard(route: Route) -> None:
        if leaves_localhost(route.request.url):
            server.foreign.append(route.request.url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    opened.route("**/*", guard)
    opened.on("request", lambda request: server.requests.append(request.url))
    try:
        yield opened
    finally:
        opened.close()
    foreign = {*server.foreign, *(url for url in server.requests if leaves_localhost(url))}
    assert not foreign, f"requests left localhost: {sorted(foreign)}"


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.pages[0] if context.pages else context.new_page()
