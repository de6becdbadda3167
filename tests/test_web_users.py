"""Users and the audit log through the API (admins only). SQLite, and PostgreSQL when
``WARMONITOR_TEST_POSTGRES_URL`` names a server."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from web_support import PASSWORD, Api


def test_admins_add_users_who_can_log_in(api: Api) -> None:
    body = {"name": "rima", "role": "analyst", "password": "another long one"}
    response = api.post("/api/users", as_="admin", json=body)
    assert response.status_code == 201, response.text
    assert response.json() == {**response.json(), "name": "rima", "role": "analyst"}
    assert "password" not in json.dumps(response.json())
    names = [u["name"] for u in api.json("/api/users", as_="admin")]
    assert names == ["adam", "ana", "rima", "vera"]
    login = api.client.post("/api/session", json={"name": "rima", "password": "another long one"})
    assert login.status_code == 200
    assert api.post("/api/users", as_="admin", json=body).status_code == 409


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x", "password": "short"},
        {"name": "x", "role": "owner", "password": PASSWORD},
        {"name": "", "password": PASSWORD},
        {"password": PASSWORD},
    ],
)
def test_bad_users_are_422(api: Api, body: dict[str, Any]) -> None:
    assert api.post("/api/users", as_="admin", json=body).status_code == 422


def test_a_bad_user_name_is_400(api: Api) -> None:
    body = {"name": "no spaces please", "password": PASSWORD}
    response = api.post("/api/users", as_="admin", json=body)
    assert response.status_code == 400 and "user name" in response.json()["detail"]


def test_roles_change_and_tokens_are_made_for_others(api: Api) -> None:
    changed = api.request("PATCH", "/api/users/vera", as_="admin", json={"role": "analyst"})
    assert changed.status_code == 200 and changed.json()["role"] == "analyst"
    review = {"action": "accept", "reason": "r"}
    assert api.post("/api/claims/none/reviews", as_="viewer", json=review).status_code == 404
    made = api.post("/api/users/vera/tokens", as_="admin", json={"label": "field laptop"})
    assert made.status_code == 201 and made.json()["user"] == "vera"
    headers = {"Authorization": f"Bearer {made.json()['token']}"}
    assert api.client.get("/api/session", headers=headers).json()["user"]["name"] == "vera"
    missing = api.request("PATCH", "/api/users/nobody", as_="admin", json={"disabled": True})
    assert missing.status_code == 404
    assert api.post("/api/users/nobody/tokens", as_="admin", json={}).status_code == 404
    bad = api.request("PATCH", "/api/users/vera", as_="admin", json={"role": "owner"})
    assert bad.status_code == 422


def test_the_audit_log_records_changes_and_is_exported(api: Api) -> None:
    api.post("/api/users", as_="admin", json={"name": "rima", "password": PASSWORD})
    api.request("PATCH", "/api/users/rima", as_="admin", json={"disabled": True})
    api.get("/api/users", as_="viewer")  # refused
    api.client.post("/api/session", json={"name": "rima", "password": PASSWORD})  # disabled
    page = api.json("/api/audit", as_="admin")
    actions = [e["action"] for e in page["items"]]
    assert actions[:4] == ["login_failed", "denied", "user_disable", "user_add"]
    assert page["total"] == len(actions) and page["items"][0]["client"] == "testclient"
    assert api.json("/api/audit", as_="admin", action="user_add")["items"][0]["target"] == "rima"
    assert api.json("/api/audit", as_="admin", user="rima")["total"] == 1
    assert api.json("/api/audit", as_="admin", since="2999-01-01T00:00:00Z")["total"] == 0

    exported = api.get("/api/audit/export", as_="admin")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["action"] for r in rows[:4]] == actions[:4]
    lines = api.get("/api/audit/export", as_="admin", params={"format": "jsonl"}).text
    assert json.loads(lines.splitlines()[0])["action"] == "export"  # the CSV export, audited
    assert api.get("/api/audit/export", as_="admin", params={"format": "xml"}).status_code == 422
    assert api.get("/api/audit", as_="admin", params={"since": "later"}).status_code == 422


def test_tokens_are_listed_and_revoked(api: Api) -> None:
    made = api.post("/api/users/vera/tokens", as_="admin", json={"label": "old laptop"}).json()
    listed = api.json("/api/users/vera/tokens", as_="admin")
    assert [t["label"] for t in listed] == ["tests", "old laptop"]
    assert all("token" not in t and t["revoked_at"] is None for t in listed)
    headers = {"Authorization": f"Bearer {made['token']}"}
    assert api.client.get("/api/session", headers=headers).status_code == 200
    gone = api.request("DELETE", f"/api/users/vera/tokens/{made['id']}", as_="admin")
    assert gone.status_code == 204
    assert api.client.get("/api/session", headers=headers).status_code == 401
    assert api.get("/api/session", as_="viewer").status_code == 200  # the other token lives
    again = api.request("DELETE", f"/api/users/vera/tokens/{made['id']}", as_="admin")
    assert again.status_code == 404
    foreign = api.request("DELETE", f"/api/users/ana/tokens/{listed[0]['id']}", as_="admin")
    assert foreign.status_code == 404  # vera's token, not ana's
    assert (
        api.json("/api/audit", as_="admin", action="token_revoke")["items"][0]["target"] == "vera"
    )
    assert api.get("/api/users/nobody/tokens", as_="admin").status_code == 404
