"""No secret and no personal data in logs, error messages or tracebacks.

Representative failing operations are run with secrets and invented victim names in play; every
log record (with its traceback), every error body of the API and the stderr and stdout of the
CLI's subprocesses are searched for them: the password, the bearer tokens, the session secret
key and the names must not appear anywhere.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from warmonitor.user_service import hash_password, new_token
from warmonitor.web.app import create_app

PASSWORD = "Pa55word-Kharkiv-7731"
SECRET_KEY = "session-key-9f8e7d6c5b4a"
WRONG_PASSWORD = "Wr0ng-Pa55word-4411"
FAKE_TOKEN = "wm_" + "Zq9" * 14
# Invented names (no real list): two scripts, as victim lists hold them.
NAMES = ["Zamartan Qablousi", "Danfari Westvaleh", "زمرتان قبلوسي", "Merelda Xortova"]
SRC = Path(__file__).parents[1] / "src"
EXE = str(Path(sys.executable).with_name("warmonitor"))


def _secrets(*more: str) -> list[str]:
    return [PASSWORD, WRONG_PASSWORD, SECRET_KEY, FAKE_TOKEN, *NAMES, *more]


def _assert_clean(where: str, text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"{secret[:6]}… appears in {where}"
        for part in secret.split():  # a name's parts on their own too
            assert len(part) < 5 or part not in text, f"{part[:6]}… appears in {where}"


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    out = []
    for record in caplog.records:
        out.append(record.getMessage())
        if record.exc_info:
            out.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(out)


def test_failing_api_requests_leak_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", secret_key=SECRET_KEY)
    store = app.state.store
    store.add_user("adam", "admin", hash_password(PASSWORD))
    token, _ = new_token(store, "adam", label="t", by="t")
    bodies: list[str] = []
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        bad_login = client.post("/api/session", json={"name": "adam", "password": WRONG_PASSWORD})
        assert bad_login.status_code == 401
        bodies.append(bad_login.text)
        for header in (f"Bearer {FAKE_TOKEN}", f"Bearer {token}x", f"Basic {PASSWORD}"):
            refused = client.get("/api/claims", headers={"Authorization": header})
            assert refused.status_code == 401
            bodies.append(refused.text)
        for name in NAMES:  # a login by a victim's name: no such user
            refused = client.post("/api/session", json={"name": name, "password": PASSWORD})
            assert refused.status_code in (401, 429)
            bodies.append(refused.text)
        # A crash inside a request: the store loses a table under the server's feet; the
        # lookup of a user by a name (and of the token) then fails in the database.
        with store._live.begin() as connection:
            connection.execute(text("DROP TABLE api_tokens"))
        crashed = client.get("/api/claims", headers={"Authorization": f"Bearer {token}"})
        assert crashed.status_code >= 400
        bodies.append(crashed.text)
        with store._live.begin() as connection:
            connection.execute(text("DROP TABLE users"))
        login = client.post("/api/session", json={"name": NAMES[0], "password": PASSWORD})
        assert login.status_code >= 400
        bodies.append(login.text)
    secrets = _secrets(token, token.removeprefix("wm_"))
    _assert_clean("API error bodies", "\n".join(bodies), secrets)
    assert caplog.records  # the crash was logged, with its traceback
    _assert_clean("the server's log", _logged(caplog), secrets)


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
    )


def test_failing_commands_leak_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    rows = [
        "record_id,name,sex,age,birth_date,death_date",
        f"1,{NAMES[0]},m,34,1990-01-01,2024-03-04",
        f"2,m,{NAMES[1]},34,,2024-03-04",  # shifted: a name where the sex goes
        f"3,{NAMES[2]},f,{NAMES[3]},,",  # a name where the age goes
        f"4,{NAMES[3]},f,40,{NAMES[0]},",  # a name where a date goes
        f"5,{NAMES[1]},x,200,2025-01-01,2024-01-01",
        f'6,"{NAMES[2]}',  # an unclosed quote
    ]
    bad = tmp_path / "list.csv"
    bad.write_text("\n".join(rows) + "\n", "utf-8")
    binary = tmp_path / "names.csv"
    binary.write_bytes(f"name\n{NAMES[0]}\x00\n".encode())
    runs = [
        _cli("victims", "import", str(bad), "--list", "moh", "--db", db),
        _cli("victims", "import", str(binary), "--list", "moh", "--db", db),
        _cli("user", "add", "adam", "--password-stdin", "--db", db, stdin="Pa55\n"),  # too short
        _cli("user", "add", NAMES[0], "--password-stdin", "--db", db, stdin=PASSWORD + "\n"),
        _cli("user", "add", NAMES[0], "--password-stdin", "--db", db, stdin=PASSWORD + "\n"),
        _cli("user", "token", "nobody", "--db", db),
        _cli("claims", "--db", f"postgresql+psycopg://adam:{PASSWORD}@/x?host=/nonexistent"),
    ]
    assert any(run.returncode != 0 for run in runs)
    assert f"{bad}:3: sex is neither male nor female" in runs[0].stderr  # by line, no value
    for run in runs:
        _assert_clean(f"`{' '.join(run.args[3:5])}`", run.stdout + run.stderr, _secrets())
