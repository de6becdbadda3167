"""`warmonitor victims link|pairs|review`: a small real Splink run on invented lists, the pairs
CSV, and the clerical review round trip (on every store backend)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from warmonitor.store import Store
from warmonitor.victim_service import (
    REVIEW_COLUMNS,
    export_review,
    import_review,
    import_victims,
    link_victims,
    linked_pairs,
)
from warmonitor.victims import has_arabic
from warmonitor.victims.synthetic import population, two_lists

EXE = str(Path(sys.executable).with_name("warmonitor"))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[tuple[str, str]]]:
    folder = tmp_path_factory.mktemp("lists")
    left, right, truth = two_lists(population(300, seed=5), overlap=0.6, seed=5)
    # half the records spelt in Latin letters too give that spelling alone: no Arabic to match on
    right = [
        {**r, "name": r["alt_name"], "alt_name": ""} if r["alt_name"] and i % 2 else r
        for i, r in enumerate(right)
    ]
    return (
        write_csv(folder / "left.csv", left),
        write_csv(folder / "right.csv", right),
        set(truth),
    )


def scores(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float]:
    hits = len(found & truth)
    return hits / max(len(found), 1), hits / len(truth)


def test_splink_links_two_lists_across_scripts(
    store_url: str, lists: tuple[Path, Path, set[tuple[str, str]]]
) -> None:
    left, right, truth = lists
    with Store.open(store_url) as store:
        import_victims(store, left, "ministry")
        import_victims(store, right, "monitor")
        report = link_victims(store, threshold=0.9)
        pairs = linked_pairs(store)
        persons = store.victim_persons()
        links = store.victim_links(linked=True)
        run = store.victim_link_run()
    found = {(a, b) for list_a, a, list_b, b in pairs}
    assert {(p[0], p[2]) for p in pairs} == {("ministry", "monitor")}
    precision, recall = scores(found, truth)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)
    with right.open(encoding="utf-8") as handle:
        latin = {r["record_id"] for r in csv.DictReader(handle) if not has_arabic(r["name"])}
    across = {pair for pair in truth if pair[1] in latin}
    assert len(across) >= 20 and len(found & across) >= 0.9 * len(across)
    assert report.records == 300 + len(truth)
    assert len(persons) == report.records and report.persons < report.records
    sample = links[0]
    assert persons[sample.left] == persons[sample.right]
    assert {d["comparison"] for d in sample.detail} >= {"first", "family", "birth_year"}
    assert run is not None and run[0] == 0.9
    assert any(c["output_column_name"] == "first" for c in run[1]["comparisons"])


def test_the_pairs_command_prints_csv_and_review_decisions_are_kept(
    tmp_path: Path, lists: tuple[Path, Path, set[tuple[str, str]]]
) -> None:
    left, right, truth = lists
    db = f"sqlite:///{tmp_path / 'v.db'}"

    def run(*args: str) -> str:
        done = subprocess.run([EXE, *args, "--db", db], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("victims", "import", str(left), "--list", "ministry")
    run("victims", "import", str(right), "--list", "monitor")
    assert "linked" in run("victims", "link", "--threshold", "0.9")
    rows = list(csv.reader(io.StringIO(run("victims", "pairs", "--format", "csv"))))
    assert rows[0] == ["left_id", "right_id"]
    found = {(a, b) for a, b in rows[1:]}
    assert len(found) == len(rows) - 1 and found & truth
    assert "first" in run("victims", "weights")

    # Decide: one linked pair is not a match, one pair never scored is.
    undo = sorted(found)[0]
    unlinked = next(a for a, _ in sorted(truth) if a not in {x for x, _ in found})
    other = sorted(b for _, b in truth if b not in {y for _, y in found} | {undo[1]})[0]
    review = tmp_path / "decided.csv"
    review.write_text(
        "left_list,left_key,right_list,right_key,decision,note\n"
        f"ministry,{undo[0]},monitor,{undo[1]},non-match,checked\n"
        f"ministry,{unlinked},monitor,{other},match,\n"
        "ministry,nobody,monitor,b1,match,\n"
        f"ministry,{undo[0]},monitor,{undo[1]},perhaps,\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [EXE, "victims", "review", "import", str(review), "--analyst", "tester", "--db", db],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "2 decisions stored" in done.stdout
    assert f"{review}:4: names a record that is not stored" in done.stderr
    assert f"{review}:5: decision 'perhaps'" in done.stderr
    for _ in range(2):  # decisions are kept by every run
        run("victims", "link", "--threshold", "0.9")
        again = {tuple(r) for r in csv.reader(io.StringIO(run("victims", "pairs")))}
        assert undo not in again
        assert (unlinked, other) in again


def test_the_review_export_holds_undecided_uncertain_pairs(
    store_url: str, lists: tuple[Path, Path, set[tuple[str, str]]], tmp_path: Path
) -> None:
    left, right, _ = lists
    with Store.open(store_url) as store:
        import_victims(store, left, "ministry")
        import_victims(store, right, "monitor")
        link_victims(store, threshold=0.9)
        uncertain = list(csv.DictReader(io.StringIO(export_review(store))))
        text = export_review(store, low=0.0, high=1.01)
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == list(REVIEW_COLUMNS)
        assert all(0.0 <= float(r["probability"]) <= 1.0 for r in rows)
        assert "first:" in rows[0]["why"]
        rows[0]["decision"] = "non-match"
        path = tmp_path / "review.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(REVIEW_COLUMNS))
            writer.writeheader()
            writer.writerows(rows)
        stored, problems = import_review(store, path, reviewer="tester")
        after = list(csv.DictReader(io.StringIO(export_review(store, low=0.0, high=1.01))))
        reviews = store.victim_reviews()
    assert (stored, problems) == (1, [])
    assert len(after) == len(rows) - 1
    # by default only the uncertain pairs, in [0.2, 0.99), the least certain first
    probabilities = [float(r["probability"]) for r in uncertain]
    assert 0 < len(uncertain) < len(rows)
    assert all(0.2 <= p <= 0.99 for p in probabilities), probabilities
    distances = [abs(p - 0.5) for p in probabilities]
    assert distances == sorted(distances)
    assert reviews[0].decision == "non-match" and reviews[0].reviewer == "tester"


def test_one_list_is_linked_within_itself(store_url: str, tmp_path: Path) -> None:
    left, right, truth = two_lists(population(150, seed=4), seed=4)
    again = [{**r, "record_id": "x" + r["record_id"], "dob": ""} for r in right]
    rows = [{k: r.get(k, "") for k in ("record_id", "name", "sex", "dob")} for r in left + again]
    path = write_csv(tmp_path / "one.csv", rows)
    with Store.open(store_url) as store:
        import_victims(store, path, "families")
        report = link_victims(store, threshold=0.9)
        persons = store.victim_persons()
        by_key = {s.record.key: s.pk for s in store.victim_records()}
        assert linked_pairs(store) == []
    assert report.records == 150 + len(truth) and report.cross_pairs == 0
    same = sum(persons[by_key[a]] == persons[by_key["x" + b]] for a, b in truth)
    assert same >= 0.9 * len(truth)
    assert report.persons <= 150 + 0.1 * len(truth)
