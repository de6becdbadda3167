"""Four `warmonitor ingest` processes on one corpus at once, on every store backend: nothing is
lost and nothing duplicated, because the database itself holds documents and claims unique
(invented reports)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

EXE = str(Path(sys.executable).with_name("warmonitor"))
TOWNS = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Raqqa", "Latakia", "Deir ez-Zor"]


def corpus(folder: Path, n: int = 16) -> Path:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        body = (
            f"Shelling on a market in {town} killed {i + 3} civilians and wounded {2 * i + 5} "
            f"on Tuesday, the Syrian Observatory for Human Rights said.\n\n"
            f"Local medics said {i + 1} of the dead were children.\n"
        )
        (folder / f"report-{i:02d}.txt").write_text(body, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        "\n".join(
            f'{{"id": "r{i}", "text": "An air strike on {TOWNS[i]} killed {10 + i} people, '
            f'activists said.", "published": "2024-05-0{i + 1}"}}'
            for i in range(5)
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


def counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            documents = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
            claims = connection.execute(text("SELECT count(*) FROM claims")).scalar_one()
            distinct = connection.execute(
                text("SELECT count(DISTINCT document_id || ':' || id) FROM claims")
            ).scalar_one()
    finally:
        engine.dispose()
    return documents, claims, distinct


def ingest(folder: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [EXE, "ingest", str(folder), "--published", "2024-05-07", "--workers", "1", "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_four_ingests_at_once_lose_nothing_and_duplicate_nothing(
    store_url: str, tmp_path: Path
) -> None:
    folder = corpus(tmp_path / "corpus")
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    _, err = ingest(folder, alone).communicate(timeout=300)
    expected = counts(alone)
    assert expected[0] == 21 and expected[1] > 21

    running = [ingest(folder, store_url) for _ in range(4)]
    for process in running:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    assert counts(store_url) == expected
    # and once more: a re-run adds nothing
    again = ingest(folder, store_url)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert counts(store_url) == expected
