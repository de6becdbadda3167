"""Access control of the API: every route's declared role, logins, sessions with CSRF, bearer
tokens, disabled users, throttled logins, and the audit of refusals. On SQLite, and on
PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from warmonitor.errors import AccessError, ThrottledError
from warmonitor.store import Store
from warmonitor.user_service import MAX_FAILURES, authenticate
from warmonitor.web import create_app
from warmonitor.web.auth import CSRF_HEADER, SESSION_COOKIE, Public, RoleGuard
from web_support import PASSWORD, PASSWORD_HASH, ROLE_NAMES, Api

# Every route of the app and the least role it needs. A route added without a declared role,
# or not listed here, fails test_every_route_declares_its_role.
ROUTE_ROLES: dict[tuple[str, str], str] = {
    ("GET", "/health"): "public",
    ("POST", "/api/session"): "public",
    ("GET", "/api/session"): "viewer",
    ("DELETE", "/api/session"): "viewer",
    ("POST", "/api/tokens"): "viewer",
    ("GET", "/api/openapi.json"): "viewer",
    ("GET", "/api/documents"): "viewer",
    ("GET", "/api/documents/{document_id}"): "viewer",
    ("PATCH", "/api/documents/{document_id}"): "analyst",
    ("GET", "/api/claims"): "viewer",
    ("GET", "/api/claims/{claim_id}"): "viewer",
    ("GET", "/api/claims/{claim_id}/reviews"): "viewer",
    ("POST", "/api/claims/{claim_id}/reviews"): "analyst",
    ("POST", "/api/claims/{claim_id}/move"): "analyst",
    ("GET", "/api/reviews"): "viewer",
    ("POST", "/api/reviews"): "analyst",
    ("GET", "/api/incidents"): "viewer",
    ("GET", "/api/incidents/{incident_id}"): "viewer",
    ("GET", "/api/incidents/duplicates"): "viewer",
    ("POST", "/api/incidents/merge"): "analyst",
    ("POST", "/api/incidents/{incident_id}/split"): "analyst",
    ("GET", "/api/incidents/{incident_id}/follow-ups"): "viewer",
    ("POST", "/api/incidents/{incident_id}/follow-ups"): "analyst",
    ("GET", "/api/actors"): "viewer",
    ("POST", "/api/actors/corrections"): "analyst",
    ("GET", "/api/exports/{format}"): "viewer",
    ("POST", "/api/ingest/files"): "analyst",
    ("POST", "/api/ingest/urls"): "analyst",
    ("GET", "/api/users"): "admin",
    ("POST", "/api/users"): "admin",
    ("PATCH", "/api/users/{name}"): "admin",
    ("POST", "/api/users/{name}/tokens"): "admin",
    ("GET", "/api/users/{name}/tokens"): "admin",
    ("DELETE", "/api/users/{name}/tokens/{token_id}"): "admin",
    ("GET", "/api/audit"): "admin",
    ("GET", "/api/audit/export"): "admin",
    # the desk's pages (docs/DESK.md): anonymous visitors are sent to /login
    ("GET", "/static/{path:path}"): "public",
    ("GET", "/login"): "public",
    ("POST", "/login"): "public",
    ("POST", "/logout"): "viewer",
    ("GET", "/"): "viewer",
    ("GET", "/map"): "viewer",
    ("GET", "/incidents"): "viewer",
    ("GET", "/incidents/{incident_id}"): "viewer",
    ("GET", "/documents"): "viewer",
    ("GET", "/documents/{document_id}"): "viewer",
    ("GET", "/actors"): "viewer",
    ("GET", "/actors/{ref}"): "viewer",
    ("GET", "/review"): "viewer",
    ("GET", "/claims/{claim_id}"): "viewer",
}
API_ROLES = {k: v for k, v in ROUTE_ROLES.items() if k[1] == "/health" or k[1].startswith("/api/")}
PAGE_ROLES = {k: v for k, v in ROUTE_ROLES.items() if k not in API_ROLES}
LOWER = {"analyst": "viewer", "admin": "analyst"}


def _declared(route: APIRoute) -> list[str]:
    """The roles a route's dependencies declare (RoleGuard or Public), however deep."""
    found: list[str] = []
    stack = list(route.dependant.dependencies)
    while stack:
        dependency = stack.pop()
        if isinstance(dependency.call, RoleGuard | Public):
            found.append(dependency.call.role)
        stack.extend(dependency.dependencies)
    return found


def _all_routes(api: Api) -> list[tuple[str, BaseRoute]]:
    """Every route of the app with its full path, included routers' routes too (FastAPI
    0.16x keeps those behind ``iter_route_contexts``; earlier ones list them in ``routes``)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # pragma: no cover - older FastAPI
        return [(getattr(r, "path", ""), r) for r in api.app.routes]
    return [(c.path or "", c.original_route) for c in iter_route_contexts(api.app.routes)]


def _routes(api: Api) -> list[tuple[str, str, APIRoute]]:
    return [
        (method, path, route)
        for path, route in _all_routes(api)
        if isinstance(route, APIRoute)
        for method in sorted(route.methods)
    ]


def _concrete(path: str) -> str:
    """A path with its parameters filled (``csv`` for a format, else a name that exists
    nowhere)."""
    return re.sub(r"\{(\w+)\}", lambda m: "csv" if m[1] == "format" else "nothing-here", path)


def test_every_route_declares_its_role(api: Api) -> None:
    seen = {}
    for method, path, route in _routes(api):
        roles = _declared(route)
        assert len(roles) == 1, f"{method} {path} declares {roles or 'no role'}"
        seen[(method, path)] = roles[0]
    assert seen == ROUTE_ROLES
    plain = [path for path, r in _all_routes(api) if not isinstance(r, APIRoute)]
    assert plain == [], "every route is an API route with a declared role (no docs pages)"


@pytest.mark.parametrize(("method", "path"), [k for k, v in API_ROLES.items() if v != "public"])
def test_every_private_route_refuses_the_anonymous_and_the_lower_roles(
    api: Api, method: str, path: str
) -> None:
    role = ROUTE_ROLES[(method, path)]
    url = _concrete(path)
    anonymous = api.request(method, url, as_=None)
    assert anonymous.status_code == 401, anonymous.text
    assert anonymous.headers["WWW-Authenticate"] == "Bearer"
    assert "log in" in anonymous.json()["detail"]
    if role in LOWER:
        lower = api.request(method, url, as_=LOWER[role])
        assert lower.status_code == 403, lower.text
        assert role in lower.json()["detail"]
    allowed = api.request(method, url, as_=role)
    assert allowed.status_code not in (401, 403, 500), allowed.text
    denied = api.audit(action="denied")
    assert {e["status"] for e in denied} == ({401, 403} if role in LOWER else {401})
    assert all(e["target"] == f"{method} {url}" for e in denied)


@pytest.mark.parametrize(("method", "path"), [k for k, v in PAGE_ROLES.items() if v != "public"])
def test_every_private_page_sends_the_anonymous_to_the_login(
    api: Api, method: str, path: str
) -> None:
    url = _concrete(path)
    anonymous = api.request(method, url, as_=None, follow_redirects=False)
    assert anonymous.status_code == 303, anonymous.text
    assert anonymous.headers["location"].startswith("/login?next=")
    allowed = api.request(method, url, as_=PAGE_ROLES[(method, path)], follow_redirects=False)
    assert allowed.status_code not in (401, 403, 500), allowed.text
    assert [e["status"] for e in api.audit(action="denied")] == [401]


def test_health_needs_no_login(api: Api) -> None:
    response = api.get("/health", as_=None)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_openapi_documents_every_route_with_models(api: Api) -> None:
    spec = api.json("/api/openapi.json")
    assert spec["info"]["title"] == "warmonitor"
    paths = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops}
    assert paths == set(API_ROLES)  # the pages are left out of the API's description
    claims = spec["paths"]["/api/claims"]["get"]
    assert claims["summary"]
    assert {p["name"] for p in claims["parameters"]} >= {"outcome", "hedge", "review_state", "q"}
    assert "ClaimItem" in spec["components"]["schemas"]
    assert api.get("/docs", as_=None).status_code == 404  # no page loading scripts from a CDN


def test_bad_and_unknown_tokens_are_refused(api: Api) -> None:
    for header in ("Bearer wm_not-a-token", "Basic dmVyYTpwdw==", "Bearer "):
        response = api.get("/api/claims", as_=None, headers={"Authorization": header})
        assert response.status_code == 401


def _login(api: Api, name: str, password: str = PASSWORD) -> Any:
    return api.client.post("/api/session", json={"name": name, "password": password})


def test_a_session_reads_freely_and_changes_only_with_its_csrf_token(api: Api) -> None:
    response = _login(api, "ana")
    assert response.status_code == 200, response.text
    csrf = response.json()["csrf_token"]
    assert response.json()["user"] == {**response.json()["user"], "name": "ana", "role": "analyst"}
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert api.client.get("/api/session").json()["user"]["name"] == "ana"
    assert api.client.get("/api/claims").status_code == 200
    body = {"urls": ["ftp://127.0.0.1/x"]}
    refused = api.client.post("/api/ingest/urls", json=body)
    assert refused.status_code == 403 and CSRF_HEADER in refused.json()["detail"]
    wrong = api.client.post("/api/ingest/urls", json=body, headers={CSRF_HEADER: "guess"})
    assert wrong.status_code == 403
    ok = api.client.post("/api/ingest/urls", json=body, headers={CSRF_HEADER: csrf})
    assert ok.status_code == 201, ok.text
    out = api.client.delete("/api/session", headers={CSRF_HEADER: csrf})
    assert out.status_code == 204
    assert api.client.get("/api/claims").status_code == 401
    actions = [e["action"] for e in api.audit(user="ana")]
    assert actions[:2] == ["logout", "ingest"] and "login" in actions


def test_a_forged_or_foreign_cookie_is_no_session(api: Api, store_url: str) -> None:
    api.client.cookies.set(SESSION_COOKIE, "eyJ1IjoxfQ.forged.signature")
    assert api.client.get("/api/claims").status_code == 401
    other = create_app(store_url, secret_key="another key")
    try:
        from fastapi.testclient import TestClient

        with TestClient(other, base_url="http://127.0.0.1") as foreign:
            signed = foreign.post("/api/session", json={"name": "vera", "password": PASSWORD})
            assert signed.status_code == 200
            api.client.cookies.set(SESSION_COOKIE, signed.cookies[SESSION_COOKIE])
        assert api.client.get("/api/claims").status_code == 401
    finally:
        other.state.store.close()


def test_wrong_passwords_unknown_names_and_disabled_users_get_one_answer(api: Api) -> None:
    answers = [
        _login(api, "vera", "not the password"),
        _login(api, "nobody", PASSWORD),
    ]
    api.store.update_user("vera", disabled=True)
    answers.append(_login(api, "vera"))
    assert [a.status_code for a in answers] == [401, 401, 401]
    assert len({a.json()["detail"] for a in answers}) == 1
    failed = api.audit(action="login_failed")
    assert sorted(e["user"] for e in failed) == ["nobody", "vera", "vera"]


def test_a_disabled_user_loses_tokens_and_sessions_at_once(api: Api) -> None:
    assert _login(api, "vera").status_code == 200
    assert api.client.get("/api/claims").status_code == 200
    response = api.request("PATCH", "/api/users/vera", as_="admin", json={"disabled": True})
    assert response.status_code == 200 and response.json()["disabled"] is True
    assert api.client.get("/api/claims").status_code == 401
    assert api.get("/api/claims", as_="viewer").status_code == 401


def test_logins_are_throttled_per_user_and_client(api: Api) -> None:
    for _ in range(MAX_FAILURES):
        assert _login(api, "ana", "wrong password").status_code == 401
    throttled = _login(api, "ana")  # the right password is not even tried
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    assert "too many" in throttled.json()["detail"]
    assert _login(api, "vera").status_code == 200  # another user from the same client
    user = authenticate(api.store, "ana", PASSWORD, client="10.9.8.7")  # another client
    assert user.name == "ana"
    assert api.audit(action="login_throttled")[0]["user"] == "ana"


def test_the_throttle_forgets_old_failures_and_resets_on_success(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add_user("ana", "analyst", PASSWORD_HASH)
        start = datetime.now(UTC)
        for _ in range(MAX_FAILURES - 1):
            with pytest.raises(AccessError, match="wrong user name"):
                authenticate(store, "ana", "nope", client="c")
        authenticate(store, "ana", PASSWORD, client="c")  # a success starts the count again
        for _ in range(MAX_FAILURES):
            with pytest.raises(AccessError, match="wrong user name"):
                authenticate(store, "ana", "nope", client="c")
        with pytest.raises(ThrottledError):
            authenticate(store, "ana", PASSWORD, client="c")
        later = start + timedelta(minutes=16)
        assert authenticate(store, "ana", PASSWORD, client="c", now=later).name == "ana"


def test_a_token_for_oneself(api: Api) -> None:
    response = api.post("/api/tokens", as_="viewer", json={"label": "script"})
    assert response.status_code == 201
    token = response.json()["token"]
    assert token.startswith("wm_") and response.json()["user"] == ROLE_NAMES["viewer"]
    who = api.client.get("/api/session", headers={"Authorization": f"Bearer {token}"})
    assert who.json() == {**who.json(), "csrf_token": None}
    assert all(token not in str(e) for e in api.audit())
