"""`warmonitor user add|list|disable|token` end to end (the real command, a real store: SQLite,
and PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server), and `warmonitor serve`'s
options."""

from __future__ import annotations

import getpass
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warmonitor.store import Store
from warmonitor.web import create_app

EXE = str(Path(sys.executable).with_name("warmonitor"))


def run(*args: str, stdin: str = "", ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True, timeout=180)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def test_users_are_added_listed_disabled_and_given_tokens(store_url: str) -> None:
    db = ("--db", store_url)
    added = run(
        "user",
        "add",
        "ana",
        "--role",
        "admin",
        "--password-stdin",
        *db,
        stdin="a long passphrase\n",
    )
    assert "added ana (admin)" in added.stdout
    run("user", "add", "vera", "--password-stdin", *db, stdin="another passphrase\n")
    token = run("user", "token", "vera", "--label", "laptop", *db).stdout.strip()
    assert token.startswith("wm_")
    spare = run("user", "token", "vera", "--label", "spare", *db).stdout.strip()
    assert "spare" in run("user", "token", "vera", "--list", *db).stdout
    with Store.open(store_url) as store:
        spare_id = store.tokens("vera")[-1].id
    assert "revoked" in run("user", "token", "vera", "--revoke", str(spare_id), *db).stdout
    assert spare != token

    listed = json.loads(run("user", "list", "--format", "json", *db).stdout)
    assert [(u["name"], u["role"], u["disabled"], u["tokens"]) for u in listed] == [
        ("ana", "admin", False, 0),
        ("vera", "viewer", False, 1),
    ]
    assert "vera" in run("user", "list", *db).stdout

    app = create_app(store_url, secret_key="k")
    try:
        client = TestClient(app, base_url="http://127.0.0.1")
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/session", headers=headers).json()["user"]["name"] == "vera"
        run("user", "disable", "vera", *db)
        assert client.get("/api/session", headers=headers).status_code == 401
        run("user", "disable", "vera", "--enable", *db)
        assert client.get("/api/session", headers=headers).status_code == 200
    finally:
        app.state.store.close()

    with Store.open(store_url) as store:
        _, entries = store.audit_entries()
    by = f"cli:{getpass.getuser()}"
    assert [(e.action, e.target) for e in entries if e.user == by] == [
        ("user_enable", "vera"),
        ("user_disable", "vera"),
        ("token_revoke", "vera"),
        ("token_add", "vera"),
        ("token_add", "vera"),
        ("user_add", "vera"),
        ("user_add", "ana"),
    ]
    assert all(token not in json.dumps(e.to_dict()) for e in entries)


def test_bad_users_are_refused_with_a_message(store_url: str) -> None:
    db = ("--db", store_url)
    run("user", "add", "ana", "--password-stdin", *db, stdin="a long passphrase\n")
    cases = [
        (("user", "add", "ana", "--password-stdin"), "a long passphrase\n", "exists"),
        (("user", "add", "bo", "--password-stdin"), "short\n", "at least 10"),
        (("user", "add", "bo b", "--password-stdin"), "a long passphrase\n", "user name"),
        (("user", "add", "bo", "--password-stdin"), "", "no password"),
        (("user", "disable", "nobody"), "", "no user 'nobody'"),
        (("user", "token", "nobody"), "", "no user 'nobody'"),
        (("user", "token", "ana", "--revoke", "99"), "", "no live token 99"),
    ]
    for args, stdin, words in cases:
        result = run(*args, *db, stdin=stdin, ok=False)
        assert result.returncode == 1, args
        assert words in result.stderr, (args, result.stderr)
    bad_role = run("user", "add", "bo", "--role", "owner", *db, ok=False)
    assert bad_role.returncode == 2


def test_serve_says_how_it_is_started() -> None:
    shown = run("serve", "--help").stdout
    for option in ("--host", "--port", "--db", "--workers"):
        assert option in shown
    assert run("serve", "--port", "0", ok=False).returncode == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_loopback(tmp_path: Path, workers: int) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = f"sqlite:///{tmp_path / 'served.db'}"
    server = subprocess.Popen(
        [EXE, "serve", "--port", str(port), "--db", db, "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    assert json.loads(r.read())["status"] == "ok"
                    break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not answer in 60 s"
                time.sleep(0.3)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/claims", timeout=5)
        except urllib.error.HTTPError as exc:
            assert exc.code == 401
        else:
            raise AssertionError("/api/claims answered without a login")
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "no users yet" in stderr
    if workers > 1:
        assert "Started parent process" in stderr  # uvicorn's supervisor of the workers
