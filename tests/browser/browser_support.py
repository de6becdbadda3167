"""What the browser tests share: Chromium's path and flags, the seeded store, logging in
through the form, and screenshots at desktop and phone sizes (fixtures in ``conftest.py``)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page

from warmonitor.model import Claim, Document, Evidence, Place
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

KHARKIV_MAYOR = Document(
    "The mayor of Kharkiv said on Thursday that 6 people had died in the overnight strike.",
    title="Kharkiv mayor gives a higher toll",
    published=date(2024, 5, 2),
    publisher="Other Wire",
)
ALEPPO_ARABIC = Document(
    "قال المرصد إن 12 مدنيا قتلوا في القصف على سوق حلب يوم الاثنين.",
    title="قصف سوق حلب",
    published=date(2024, 3, 5),
    publisher="وكالة اختبار",
)


def _claim(document: Document, n: int, **kw: Any) -> Claim:
    """A hand-written claim of ``document``: its evidence is the document's one sentence, its
    figure where the count's digits first stand in it."""
    made = make_claim(document, n, **kw)
    digits = str(made.count.low)
    at = document.text.index(digits)
    evidence = Evidence(document.text, 0, len(document.text), figure=(at, at + len(digits)))
    return replace(made, evidence=evidence)


def seed(store: Store) -> None:
    """Six reports (one in Arabic), their claims, three incidents (one where two claimants
    disagree) and one user of each role."""
    store.save(AIR_STRIKE, [_claim(AIR_STRIKE, 0, low=10, place=ALEPPO)])
    store.save(TOLL_RISES, [_claim(TOLL_RISES, 0, low=14, place=ALEPPO)])
    store.save(
        ALEPPO_ARABIC,
        [_claim(ALEPPO_ARABIC, 0, low=12, claimant="المرصد السوري لحقوق الإنسان", place=ALEPPO)],
    )
    kharkiv = {"group": "people", "place": KHARKIV, "day": date(2024, 5, 1)}
    store.save(
        KHARKIV_NIGHT,
        [
            _claim(KHARKIV_NIGHT, 0, low=4, claimant="regional governor", **kharkiv),
            _claim(KHARKIV_NIGHT, 1, outcome="injured", low=30, claimant="regional governor",
                   **kharkiv),
        ],
    )  # fmt: skip
    store.save(
        KHARKIV_MAYOR, [_claim(KHARKIV_MAYOR, 0, low=6, claimant="mayor of Kharkiv", **kharkiv)]
    )
    store.save(
        IDLIB_SHELLING,
        [
            _claim(IDLIB_SHELLING, 0, low=3, group="children", claimant="local council",
                   place=IDLIB, day=date(2024, 6, 7))
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
    foreign: list[str] = field(default_factory=list)  # aborted: they would have left localhost


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
