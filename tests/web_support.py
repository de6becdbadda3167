"""The API under test: the app over a real store, driven by FastAPI's TestClient (httpx), with
one user of each role holding a bearer token. No mocks: every request goes through the app,
its access control and the store."""

from __future__ import annotations

from datetime import date
from types import TracebackType
from typing import Any, Self

from fastapi.testclient import TestClient
from httpx2 import Response

from warmonitor.model import Claim, Claimant, Count, Document, Evidence, Period, Place, Victims
from warmonitor.store import Store
from warmonitor.user_service import hash_password, new_token
from warmonitor.web import create_app

PASSWORD = "correct horse battery"
# one argon2 hash for every test user: hashing costs a fifth of a second
PASSWORD_HASH = hash_password(PASSWORD)
ROLE_NAMES = {"viewer": "vera", "analyst": "ana", "admin": "adam"}


class Api:
    """The app, a client, and the token of each role's user (``as_`` names the role)."""

    def __init__(self, store_url: str) -> None:
        self.app = create_app(store_url, secret_key="test secret key")
        self.store: Store = self.app.state.store
        self.client = TestClient(self.app, base_url="http://127.0.0.1")
        self.tokens: dict[str, str] = {}
        for role, name in ROLE_NAMES.items():
            self.store.add_user(name, role, PASSWORD_HASH)
            self.tokens[role], _ = new_token(self.store, name, label="tests", by="tests")

    @classmethod
    def open(cls, store_url: str) -> Api:
        """The API over the (empty) store at ``store_url``, its three users made."""
        return cls(store_url)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.client.close()
        self.store.close()

    def headers(self, as_: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[as_]}"} if as_ else {}

    def request(self, method: str, path: str, *, as_: str | None = "viewer", **kw: Any) -> Response:
        headers = {**self.headers(as_), **kw.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kw)

    def get(self, path: str, *, as_: str | None = "viewer", **kw: Any) -> Response:
        return self.request("GET", path, as_=as_, **kw)

    def post(self, path: str, *, as_: str | None = "analyst", **kw: Any) -> Response:
        return self.request("POST", path, as_=as_, **kw)

    def json(self, path: str, *, as_: str | None = "viewer", **params: Any) -> Any:
        response = self.get(path, as_=as_, params=params)
        assert response.status_code == 200, response.text
        return response.json()

    def audit(self, **params: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self.json("/api/audit", as_="admin", **params)["items"]
        return items


def make_document(text: str, published: date = date(2024, 3, 4)) -> Document:
    return Document(text, title="Report", published=published, publisher="Test Wire")


def make_claim(
    document: Document,
    n: int,
    *,
    outcome: str = "killed",
    low: int = 10,
    group: str = "civilians",
    claimant: str = "Syrian Observatory for Human Rights",
    place: Place | None = None,
    day: date | None = date(2024, 3, 4),
    hedges: tuple[str, ...] = (),
    sentence: str | None = None,
) -> Claim:
    """A claim of ``document`` written by hand: precise values for the filters' tests."""
    text = sentence or document.text
    return Claim(
        id=f"{document.id[:12]}-{n}",
        document_id=document.id,
        outcome=outcome,
        count=Count(low, low, str(low)),
        victims=Victims(group, group),
        claimant=Claimant(claimant, claimant, "monitor"),
        evidence=Evidence(text, n * 10, n * 10 + 5),
        extractor="warmonitor 0.1.0",
        hedges=hedges,
        place=place,
        period=Period(day, day, "on Monday") if day else None,
    )


ALEPPO = Place("Aleppo", "SY", 36.2, 37.15, geonames_id=170063)
KHARKIV = Place("Kharkiv", "UA", 49.98, 36.25, geonames_id=706483)
