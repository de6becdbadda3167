"""Bidirectional controls: kept in the store as written, shown as U+FFFD wherever people read
(the CLI's output and errors, the desk's pages), carried as stored in the API's JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from warmonitor.cli import app
from warmonitor.display import BIDI_CONTROLS, neutralise_bidi
from warmonitor.store import Store
from web_support import Api

# A display that obeyed the controls would show "bildI" and reorder the words in the isolate.
SPOOF = "At least 12 civilians were killed in \u202eIdlib\u202c, \u2067officials said\u2069."
SHOWN = "At least 12 civilians were killed in \ufffdIdlib\ufffd, \ufffdofficials said\ufffd."


def test_neutralise_keeps_length_and_marks() -> None:
    assert neutralise_bidi(SPOOF) == SHOWN and len(SHOWN) == len(SPOOF)
    assert neutralise_bidi("\u200f\u200e\u061c") == "\u200f\u200e\u061c"  # marks are letters
    assert len(BIDI_CONTROLS) == 9


def test_the_cli_shows_no_bidirectional_control_but_the_store_keeps_them(tmp_path: Path) -> None:
    report = tmp_path / "spoof\u202etxt.txt"
    report.write_text(SPOOF + "\n", "utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(report), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    for command in (["claims", "--evidence"], ["claims"], ["documents"], ["incidents"]):
        shown = runner.invoke(app, [*command, "--db", db])
        assert shown.exit_code == 0, (command, shown.output)
        assert not BIDI_CONTROLS & set(shown.output), command
    evidence = runner.invoke(app, ["claims", "--evidence", "--db", db]).output
    assert "\ufffdIdlib\ufffd" in evidence
    missing = runner.invoke(app, ["ingest", str(tmp_path / "gone\u202e.txt"), "--db", db])
    assert not BIDI_CONTROLS & set(missing.output + (missing.stderr or ""))
    with Store.open(db) as store:  # evidence as written
        [claim] = store.claims()
        assert claim.evidence.sentence == SPOOF


@pytest.fixture
def spoofed(api: Api) -> Api:
    body = [("files", ("spoof.txt", SPOOF.encode(), "text/plain"))]
    response = api.post("/api/ingest/files", files=body, data={"published": "2024-03-05"})
    assert response.status_code == 201, response.text
    return api


def test_the_desk_shows_no_bidirectional_control_and_the_api_keeps_them(spoofed: Api) -> None:
    [item] = spoofed.json("/api/claims")["items"]
    claim = item["claim"]
    assert claim["evidence"]["sentence"] == SPOOF  # machine output: as stored
    for path in (f"/documents/{claim['document_id']}", "/incidents", "/review", "/"):
        page = spoofed.get(path)
        assert page.status_code == 200, path
        assert not BIDI_CONTROLS & set(page.text), path
    document = spoofed.get(f"/documents/{claim['document_id']}").text
    assert "\ufffdIdlib\ufffd" in document
