"""What the browser tests share: Chromium's path and flags, the seeded store, logging in
through the form, and screenshots at desktop and phone sizes (fixtures in ``conftest.py``)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from warmonitor.model import Document, Place
from warmonitor.reconcile_service import reconcile_incidents
from warmonitor.store import Store
from web_support import ALEPPO, KHARKIV, PASSWORD, PASSWORD_HASH, make_claim

CHROMIUM = Path(os.environ.get("WARMONITOR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Screenshots: tests/browser/artifacts/ (ignored by git), or $WARMONITOR_SCREENSHOTS
# (`make screenshots` writes docs/screenshots/, which the README shows).
ARTIFACTS = Path(os.environ.get("WARMONITOR_SCREENSHOTS") or Path(__file__).parent / "artifacts")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
USERS = {"admin": "adam", "analyst": "ana", "viewer": "vera"}
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

IDLIB = Place("Idlib", "SY", 35.93, 36.63, geonames_id=169389)
AIR_STRIKE = Document(
    "An air strike on a market in Aleppo killed 10 civilians on Monday, the observatory said.",
    title="Market strike in Aleppo",
    published=date(2024, 3, 4),
    publisher="Test Wire",
    url="https://example.org/reports/aleppo-market",  # a link, never fetched
)
TOLL_RISES = Document(
    "The toll of Monday's market strike in Aleppo rose to 14 civilians, the observatory said.",
    title="Aleppo toll rises",
    published=date(2024, 3, 6),
    publisher="Other Wire",
)
KHARKIV_NIGHT = Document(
    "Missiles struck Kharkiv overnight; 4 people were killed and 30 injured, the regional "
    "governor said.",
    title="Night strike on Kharkiv",
    published=date(2024, 5, 2),
    publisher="Test Wire",
)
IDLIB_SHELLING = Document(
    "Shelling killed 3 children in Idlib on Friday, a local council said.",
    title="Shelling in Idlib",
    published=date(2024, 6, 8),
    publisher="Third Wire",
)


def seed(store: Store) -> None:
    """Four reports, their claims, three incidents and one user of each role."""
    store.save(
        AIR_STRIKE,
        [make_claim(AIR_STRIKE, 0, low=10, place=ALEPPO, sentence=AIR_STRIKE.text)],
    )
    store.save(
        TOLL_RISES,
        [make_claim(TOLL_RISES, 0, low=14, place=ALEPPO, sentence=TOLL_RISES.text)],
    )
    store.save(
        KHARKIV_NIGHT,
        [
            make_claim(
                KHARKIV_NIGHT, 0, low=4, group="people", claimant="regional governor",
                place=KHARKIV, day=date(2024, 5, 1), sentence=KHARKIV_NIGHT.text[:60],
            ),
            make_claim(
                KHARKIV_NIGHT, 1, outcome="injured", low=30, group="people",
                claimant="regional governor", place=KHARKIV, day=date(2024, 5, 1),
                sentence=KHARKIV_NIGHT.text,
            ),
        ],
    )  # fmt: skip
    store.save(
        IDLIB_SHELLING,
        [
            make_claim(
                IDLIB_SHELLING, 0, low=3, group="children", claimant="local council",
                place=IDLIB, day=date(2024, 6, 7), sentence=IDLIB_SHELLING.text,
            )
        ],
    )  # fmt: skip
    for role, name in USERS.items():
        store.add_user(name, role, PASSWORD_HASH)
    reconcile_incidents(store)


@dataclass
class Server:
    """The app served on loopback: its address and its store."""

    base: str
    store: Store
    requests: list[str] = field(default_factory=list)


def leaves_localhost(url: str) -> bool:
    """Whether fetching ``url`` would leave this machine (``data:``, ``blob:`` and
    ``about:`` stay)."""
    if url.startswith(("data:", "blob:", "about:")):
        return False
    return (urlsplit(url).hostname or "") not in LOOPBACK


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def log_in(page: Page, role: str = "analyst", *, then: str = "/") -> None:
    """Log in through the login form as the user of ``role``; lands on ``then``."""
    page.goto(f"/login?next={then}")
    page.get_by_label("User name").fill(USERS[role])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{then}")


def screenshot(page: Page, name: str) -> Path:
    """The page whole, at desktop size and at phone width, into ``ARTIFACTS``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-1280.png"
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    return path
