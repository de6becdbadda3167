"""The store on real databases: SQLite files in tmp_path, and PostgreSQL too when
``WARMONITOR_TEST_POSTGRES_URL`` names a server (e.g. ``postgresql+psycopg://user@host/db``);
each PostgreSQL test runs in a schema of its own, dropped afterwards."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date
from pathlib import Path
from typing import get_args

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select, text

from warmonitor.errors import NotFoundError, StoreError
from warmonitor.model import (
    CLAIMANT_KINDS,
    OUTCOMES,
    Claim,
    Claimant,
    Count,
    Document,
    Evidence,
    Period,
    Place,
    Precision,
    Victims,
)
from warmonitor.store import ClaimChanges, Store, StoredDocument, head_revision, make_engine
from warmonitor.store.__main__ import main as store_cli
from warmonitor.store.claim_search import ClaimFilter, _conditions
from warmonitor.store.incidents import IncidentRecord
from warmonitor.store.migrator import MIGRATIONS_DIR, alembic_config, current_revision
from warmonitor.store.schema import Base, ClaimRow, in_models
from warmonitor.store.versions import version_key as _version_key


@pytest.fixture
def url(store_url: str) -> str:
    """A URL naming an empty database (conftest's ``store_url``: SQLite, and PostgreSQL when
    ``WARMONITOR_TEST_POSTGRES_URL`` names a server)."""
    return store_url


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with Store.open(url) as opened:
        yield opened


def make_document(body: str = "Ten people were killed in Aleppo on Monday.") -> Document:
    return Document(
        body,
        title="Report",
        published=date(2024, 3, 4),
        publisher="Agency",
        url="https://example.org/r",
        source="feed:1",
    )


def make_claim(
    document: Document,
    n: int = 0,
    *,
    extractor: str = "warmonitor 0.1.0",
    start: int = 0,
    low: int = 10,
) -> Claim:
    return Claim(
        id=f"{document.id[:8]}-{extractor.split()[-1]}-{n}",
        document_id=document.id,
        outcome="killed",
        count=Count(low, low, str(low)),
        victims=Victims("civilians", "people"),
        claimant=Claimant("SOHR", "the Observatory", "monitor"),
        evidence=Evidence(document.text, start, start + 10),
        extractor=extractor,
        place=Place("Aleppo", "SY", 36.2, 37.15, geonames_id=170063),
        period=Period(date(2024, 3, 4), date(2024, 3, 4), "on Monday"),
    )


# -- schema and migrations ------------------------------------------------------------------


def test_open_creates_schema_at_head(url: str) -> None:
    with Store.open(url) as store:
        assert store.counts() == {"documents": 0, "claims": 0, "reviews": 0}
    engine = make_engine(url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"documents", "claims", "reviews", "alembic_version"} <= tables
        indexes = {ix["name"] for ix in inspect(engine).get_indexes("claims")}
        assert {
            "ix_claims_document_id",
            "ix_claims_extractor",
            "ix_claims_outcome_victims_group",
        } <= indexes
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    config = alembic_config(url=url)
    config.stdout = io.StringIO()
    command.current(config)
    assert config.stdout.getvalue().strip() == f"{head_revision()} (head)"


def test_migrations_build_exactly_the_models(url: str) -> None:
    Store.open(url).close()
    command.check(alembic_config(url=url))  # raises when schema.py and the migrations differ
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": in_models})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_postgres_finds_words_and_dates_of_claims_by_index(url: str) -> None:
    """Migrations 0011 and 0013: on PostgreSQL the words searched anywhere have trigram
    indexes, the period's ends expression indexes and the period a GiST index of ranges, which
    the planner uses (SQLite scans: none there)."""
    Store.open(url).close()
    engine = make_engine(url)
    try:
        names = {ix["name"] for ix in inspect(engine).get_indexes("claims")}
        pg_only = {n for n in names if n and n.startswith("ix_pg_")}
        if engine.dialect.name != "postgresql":
            assert pg_only == set()
            return
        assert pg_only == {
            "ix_pg_claims_period_reaches",
            "ix_pg_claims_period_begins",
            "ix_pg_claims_period_span",
            *(f"ix_pg_claims_{c}_trgm" for c in ("claimant_name", "claimant_text")),
            *(f"ix_pg_claims_{c}_trgm" for c in ("place_name", "sentence")),
        }
        with engine.connect() as connection:
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")  # a tiny table

            def plan(where: str, value: object) -> str:
                query = text(f"EXPLAIN SELECT id FROM claims WHERE {where}")
                return "\n".join(row[0] for row in connection.execute(query, {"v": value}))

            words = plan("sentence ILIKE :v", "%market%")
            claimant = plan("claimant_name ILIKE :v", "%monitor%")
            dates = plan("coalesce(period_end, period_start) >= :v", date(2024, 1, 1))
        assert "ix_pg_claims_sentence_trgm" in words
        assert "ix_pg_claims_claimant_name_trgm" in claimant
        assert "ix_pg_claims_period_reaches" in dates
        with Store.open(url) as store, engine.connect() as connection:
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            where = ClaimFilter(start=date(2024, 1, 1), end=date(2024, 1, 31))
            conditions = _conditions(where, connection)
            query = select(ClaimRow.id).where(*conditions)
            compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
            span = "\n".join(r[0] for r in connection.exec_driver_sql(f"EXPLAIN {compiled}"))
            assert store.find_claims(where)[0] == 0
        assert "ix_pg_claims_period_span" in span
    finally:
        engine.dispose()


def test_downgrade_to_base_and_back(url: str) -> None:
    Store.open(url).close()
    command.downgrade(alembic_config(url=url), "base")
    engine = make_engine(url)
    try:
        assert not {"documents", "claims", "reviews"} & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    with Store.open(url) as store:
        assert store.counts()["documents"] == 0


def test_claims_stored_before_0008_are_found_by_words_after_it(url: str) -> None:
    document = make_document()
    with Store.open(url) as store:
        store.save(document, [make_claim(document)])
    command.downgrade(alembic_config(url=url), "0007")  # a store of before the search columns
    command.upgrade(alembic_config(url=url), "head")  # they are copied from the claims' data
    with Store.open(url) as store:
        for where in (
            ClaimFilter(claimant="observatory"),  # the claimant's words, not its name
            ClaimFilter(place="alep"),
            ClaimFilter(text="people were killed"),
        ):
            total, hits = store.find_claims(where)
            assert (total, [h.claim.id for h in hits]) == (1, [make_claim(document).id]), where
        assert store.find_claims(ClaimFilter(text="wounded"))[0] == 0


def test_claim_search_totals_follow_every_write(url: str) -> None:
    """The totals are kept per input revision: a save or a review, through this store object
    or another (another server process), is seen by the next search."""
    first, second = make_document(), make_document("Five people were killed in Homs.")
    killed, reviewed = ClaimFilter(outcome="killed"), ClaimFilter(review_state="accepted")
    with Store.open(url) as store, Store.open(url) as other:
        store.save(first, [make_claim(first, 0), make_claim(first, 1, start=12)])
        assert store.find_claims(killed)[0] == 2
        assert store.find_claims(killed, offset=5) == (2, [])  # past the end: no page
        other.save(second, [make_claim(second, 0)])  # another process's write
        total, hits = store.find_claims(killed)
        assert total == 3 and len(hits) == 3
        assert store.find_claims(reviewed)[0] == 0
        other.add_review(make_claim(second, 0).id, "accept", reviewer="ana")
        assert store.find_claims(reviewed)[0] == 1
        store.add_review(make_claim(first, 0).id, "accept", reviewer="ana")
        assert store.find_claims(reviewed)[0] == 2
        assert other.find_claims(reviewed)[0] == 2


def test_claim_search_pages_a_date_range_in_ingest_order(url: str) -> None:
    """A date range (both ends) is found first and then sorted: the same order and pages as
    any other filter."""
    documents = [make_document(f"Report {n}: people were killed in Aleppo.") for n in range(4)]
    with Store.open(url) as store:
        for n, document in enumerate(documents):
            claims = [
                replace(
                    make_claim(document, k, start=k * 3),
                    period=Period(date(2024, 3, 1 + n), date(2024, 3, 1 + n), "that day"),
                )
                for k in range(2)
            ]
            store.save(document, claims)
        every = [h.claim.id for h in store.find_claims(ClaimFilter(), limit=50)[1]]
        where = ClaimFilter(start=date(2024, 3, 2), end=date(2024, 3, 3))
        total, hits = store.find_claims(where, limit=3)
        assert total == 4
        assert [h.claim.id for h in hits] == every[2:5]
        assert [h.claim.id for h in store.find_claims(where, limit=3, offset=3)[1]] == every[5:6]


def test_claim_search_lists_claims_added_later_with_their_document(url: str) -> None:
    """The listing order is the document's ingest time (copied onto each claim, migration
    0012), then position: a claim added to an older document later, by ``add_claims`` or by
    saving the document again, is listed with it; a store of before 0012 gets the copies."""
    documents = [make_document(f"Report {n}: people were killed in Aleppo.") for n in range(5)]
    with Store.open(url) as store:
        for document in documents:
            store.save(document, [make_claim(document, 0, start=10)])
        store.add_claims([make_claim(documents[0], 1, start=30)])
        store.save(documents[1], [make_claim(documents[1], 2, start=2)])
        expected = [
            (documents[0].id, 10),
            (documents[0].id, 30),
            (documents[1].id, 2),
            (documents[1].id, 10),
            *((d.id, 10) for d in documents[2:]),
        ]
        listed = [
            (h.claim.document_id, h.claim.evidence.start)
            for h in store.find_claims(ClaimFilter())[1]
        ]
        assert listed == expected
        pages = [store.find_claims(ClaimFilter(), limit=2, offset=k)[1] for k in (0, 2, 4, 6)]
        paged = [(h.claim.document_id, h.claim.evidence.start) for p in pages for h in p]
        assert paged == expected
    command.downgrade(alembic_config(url=url), "0011")  # before the copies
    command.upgrade(alembic_config(url=url), "head")
    with Store.open(url) as store:
        hits = store.find_claims(ClaimFilter(outcome="killed"))[1]
        assert [(h.claim.document_id, h.claim.evidence.start) for h in hits] == expected
        with pytest.raises(StoreError, match="no document"):
            store.add_claims([make_claim(make_document("Never stored."), 0)])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2024, 3, 1), date(2024, 3, 31), {"day", "month", "open start", "open end", "wrong"}),
        (date(2024, 3, 10), date(2024, 3, 12), {"month"}),
        (date(2024, 3, 20), date(2024, 4, 2), {"month", "open end", "later"}),
        (date(2024, 5, 1), date(2024, 5, 2), set()),
    ],
)
def test_claim_search_date_range_is_exact_on_both_dialects(
    url: str, start: date, end: date, expected: set[str]
) -> None:
    """A claim is found when its period meets the range, an open end counting as the other
    end; a period given the wrong way round (end before start) as its ends say; none without
    a period. PostgreSQL finds candidates by its index of spans (migration 0013), then the
    same exact conditions as SQLite: the backwards period is found only where its end is on or
    after the range's start and its start on or before the range's end."""
    periods = {
        "day": (date(2024, 3, 4), date(2024, 3, 4)),
        "month": (date(2024, 3, 1), date(2024, 3, 31)),
        "open start": (None, date(2024, 3, 5)),
        "open end": (date(2024, 3, 25), None),
        "wrong": (date(2024, 3, 30), date(2024, 3, 2)),  # end before start
        "later": (date(2024, 4, 1), date(2024, 4, 3)),
        "none": (None, None),
    }
    document = make_document()
    claims = {
        name: replace(
            make_claim(document, n, start=n * 2),
            period=Period(*ends, "words") if any(ends) else None,
        )
        for n, (name, ends) in enumerate(periods.items())
    }
    with Store.open(url) as store:
        store.save(document, list(claims.values()))
        found = {h.claim.id for h in store.find_claims(ClaimFilter(start=start, end=end))[1]}
    exact = {
        name
        for name, (s, e) in periods.items()
        if (s or e) and (e or s) >= start and (s or e) <= end  # type: ignore[operator]
    }
    assert exact == expected
    assert found == {claims[name].id for name in expected}


def test_migrations_ship_in_the_package() -> None:
    for name in ("env.py", "script.py.mako", "README.md", "versions/0001_initial.py"):
        assert (MIGRATIONS_DIR / name).is_file(), name
    assert MIGRATIONS_DIR.parent.name == "store"


def test_open_twice_and_concurrently(url: str) -> None:
    document = make_document()
    with Store.open(url) as first:
        first.save(document, [make_claim(document)])
        with Store.open(url) as second:
            assert second.has_document(document.id)
    with Store.open(url) as again:
        assert again.counts() == {"documents": 1, "claims": 1, "reviews": 0}


def test_open_refuses_a_newer_schema(url: str) -> None:
    Store.open(url).close()
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"revision 9999, newer than this warmonitor knows"):
        Store.open(url)


def test_sqlite_creates_its_directory_and_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "store.db"
    with Store.open(f"sqlite:///{path}") as store:
        assert path.is_file()
        engine = store._live
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_default_url_comes_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARMONITOR_DB", raising=False)
    monkeypatch.setenv("WARMONITOR_DATA_DIR", str(tmp_path / "wm"))
    with Store.open() as store:
        assert store.url == f"sqlite:///{tmp_path / 'wm' / 'warmonitor.db'}"
    assert (tmp_path / "wm" / "warmonitor.db").is_file()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("not a url", "not a database URL"),
        ("mysql://user@host/db", "unsupported database 'mysql'"),
        ("postgresql+nosuchdriver://user@host/db", "no database driver"),
    ],
)
def test_open_rejects_bad_urls(bad: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(bad)


def test_open_reports_an_unusable_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot create the directory"):
        Store.open(f"sqlite:///{blocker / 'sub' / 'store.db'}")
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open(f"sqlite:///{tmp_path / 'dir.db'}")


def test_open_reports_a_database_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open(f"sqlite:///{path}")


def test_closed_store_refuses_work(url: str) -> None:
    store = Store.open(url)
    store.close()
    store.close()
    assert repr(store) == "Store(<closed>)"
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_cli_heads_and_current(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store_cli(["heads"])
    store_cli(["upgrade", "--url", url])
    store_cli(["current", "--url", url])
    assert capsys.readouterr().out.split() == [head_revision()] * 3
    with pytest.raises(SystemExit, match="unsupported database"):
        store_cli(["current", "--url", "mysql://x/y"])


# -- documents and claims -------------------------------------------------------------------


def test_save_is_idempotent(store: Store) -> None:
    document = make_document()
    claims = [make_claim(document, 0), make_claim(document, 1, start=20)]
    assert store.save(document, claims) is True
    assert store.save(document, claims) is False
    assert store.save(make_document(document.text), claims) is False  # same text, same id
    assert store.counts() == {"documents": 1, "claims": 2, "reviews": 0}
    assert store.has_document(document.id)
    assert not store.has_document("0" * 32)


def test_document_round_trips(store: Store) -> None:
    document = make_document()
    store.save(document)
    assert store.document(document.id) == document
    (stored,) = store.documents()
    assert isinstance(stored, StoredDocument)
    assert stored.id == document.id and stored.document == document
    assert stored.ingested_at.tzinfo is UTC
    with pytest.raises(NotFoundError):
        store.document("0" * 32)


def test_a_claim_is_never_overwritten(store: Store) -> None:
    document = make_document()
    original = make_claim(document)
    store.save(document, [original])
    changed = original.with_(count=Count(99, 120, "99 to 120"), hedges=("reportedly",))
    assert store.save(document, [changed]) is False
    assert store.add_claims([changed]) == 0
    assert store.claim(original.id) == original
    assert store.claims() == [original]


def test_add_claims_counts_the_new_ones(store: Store) -> None:
    document = make_document()
    store.save(document, [make_claim(document, 0)])
    more = [make_claim(document, n, start=10 * n) for n in range(3)]
    assert store.add_claims(more) == 2
    assert store.add_claims(more + more) == 0
    assert store.add_claims([]) == 0
    assert store.counts()["claims"] == 3


def test_save_rejects_claims_of_another_document(store: Store) -> None:
    document, other = make_document(), make_document("Another report.")
    with pytest.raises(StoreError, match="do not belong to document"):
        store.save(document, [make_claim(document), make_claim(other)])
    assert store.counts() == {"documents": 0, "claims": 0, "reviews": 0}


def test_a_failure_mid_save_leaves_nothing(store: Store) -> None:
    document = make_document()
    good = make_claim(document, 0)
    bad = make_claim(document, 1).with_(victims=Victims(None, "x"))  # type: ignore[arg-type]
    with pytest.raises(StoreError, match=f"cannot save document {document.id}"):
        store.save(document, [good, bad])
    assert store.counts() == {"documents": 0, "claims": 0, "reviews": 0}
    assert not store.has_document(document.id)


def test_a_failure_mid_add_claims_leaves_nothing(store: Store) -> None:
    document, unsaved = make_document(), make_document("Not stored.")
    store.save(document)
    with pytest.raises(StoreError, match="cannot add 2 claims"):
        store.add_claims([make_claim(document), make_claim(unsaved)])  # no such document
    assert store.counts()["claims"] == 0


@pytest.mark.parametrize(
    "change",
    [
        {"id": "x" * 65},
        {"extractor": "x" * 65},
        {"count": Count(2**63, None, "too many")},
        {"evidence": Evidence("s", 2**31, 2**31 + 1)},
    ],
)
def test_out_of_range_claims_are_refused_before_writing(store: Store, change: dict) -> None:
    document = make_document()
    with pytest.raises(StoreError):
        store.save(document, [make_claim(document).with_(**change)])
    assert store.counts()["documents"] == 0


def test_claims_are_ordered_by_ingest_then_position(store: Store) -> None:
    first, second = make_document("First report."), make_document("Second report.")
    store.save(first, [make_claim(first, 0, start=50), make_claim(first, 1, start=5)])
    store.save(second, [make_claim(second, 0, start=1)])
    store.add_claims([make_claim(first, 2, start=20)])
    ordered = [(c.document_id, c.evidence.start) for c in store.claims()]
    assert ordered == [(first.id, 5), (first.id, 20), (first.id, 50), (second.id, 1)]
    assert [c.evidence.start for c in store.claims(document_id=second.id)] == [1]


def test_latest_only_keeps_the_newest_extractor_per_document(store: Store) -> None:
    both, old_only = make_document("Twice extracted."), make_document("Once extracted.")
    newer = [make_claim(both, n, extractor="warmonitor 0.10.0", start=n) for n in range(2)]
    older = [make_claim(both, n, extractor="warmonitor 0.9.1", start=n) for n in range(3)]
    store.save(both, newer)
    store.save(both, older)  # stored later, but an older version: 0.10.0 still wins
    store.save(old_only, [make_claim(old_only, extractor="warmonitor 0.9.1")])
    latest = store.claims()
    assert [(c.document_id, c.extractor) for c in latest] == [
        (both.id, "warmonitor 0.10.0"),
        (both.id, "warmonitor 0.10.0"),
        (old_only.id, "warmonitor 0.9.1"),
    ]
    assert len(store.claims(latest_only=False)) == 6
    assert len(store.claims(extractor="warmonitor 0.9.1")) == 4
    assert store.claims(document_id=both.id, extractor="warmonitor 0.9.1") == older


def test_version_key_orders_versions() -> None:
    ordered = [
        "tool",
        "warmonitor 0.2.0rc1",
        "warmonitor 0.2",
        "warmonitor 0.2.0.post1",
        "warmonitor 0.10.0",
        "warmonitor v1.0.0",
    ]
    assert sorted(ordered, key=_version_key) == ordered
    assert _version_key("warmonitor 0.2") == _version_key("warmonitor 0.2.0")


# -- correcting a document's metadata ---------------------------------------------------------


def test_correct_document_rewrites_metadata_and_claims_in_place(store: Store) -> None:
    undated = Document("Ten people were killed in Aleppo on Monday.", source="note.txt")
    kept, gone, reviewed_gone = (make_claim(undated, n, start=10 * n) for n in range(3))
    old_version = make_claim(undated, 0, extractor="warmonitor 0.0.9")
    store.save(undated, [kept, gone, reviewed_gone, old_version])
    review = store.add_review(kept.id, "accept", reviewer="ana")
    store.add_review(reviewed_gone.id, "reject", reviewer="ana")
    store.save_incidents([IncidentRecord("i1", (kept.id, gone.id), "median", "Aleppo")])

    dated = replace(
        undated, published=date(2024, 3, 4), publisher="Agency", url="https://a.example/"
    )
    monday = Period(date(2024, 3, 4), date(2024, 3, 4), "on Monday")
    rewritten = kept.with_(period=monday, reported_by="Agency")
    added = make_claim(dated, 7, start=70)
    changes = store.correct_document(dated, [rewritten, added], extractor="warmonitor 0.1.0")

    assert changes == ClaimChanges(rewritten=1, added=1, deleted=1, kept=1)
    assert store.document(undated.id) == dated  # same id, corrected metadata
    assert store.claim(kept.id) == rewritten  # same figure, same id: rewritten in place
    assert store.reviews(kept.id) == [review]  # the review still points at it
    assert store.claim(reviewed_gone.id) == reviewed_gone  # a reviewed claim is never dropped
    with pytest.raises(NotFoundError):
        store.claim(gone.id)
    assert store.incident_membership() == {"i1": frozenset({kept.id})}
    assert store.claim(old_version.id) == old_version  # other versions are left alone
    assert {c.id for c in store.claims()} == {kept.id, reviewed_gone.id, added.id}
    assert store.claim_counts() == {undated.id: 3}


def test_correct_document_is_one_transaction(store: Store) -> None:
    document = make_document()
    claim = make_claim(document)
    store.save(document, [claim])
    moved = replace(document, publisher="Elsewhere")
    with pytest.raises(StoreError):  # an out-of-range claim: nothing is written
        store.correct_document(
            moved, [claim, make_claim(document, 1, low=2**63)], extractor=claim.extractor
        )
    assert store.document(document.id) == document
    with pytest.raises(StoreError, match="are not of document"):
        store.correct_document(moved, [make_claim(document, extractor="x 2")], extractor="x 1")
    with pytest.raises(NotFoundError):
        other = make_document("Not stored.")
        store.correct_document(other, [], extractor=claim.extractor)


def test_claim_counts_follow_the_latest_version(store: Store) -> None:
    both, bare = make_document("Twice extracted."), make_document("No claims.")
    store.save(both, [make_claim(both, n, extractor="warmonitor 0.9.1") for n in range(3)])
    store.save(both, [make_claim(both, n, extractor="warmonitor 0.10.0") for n in range(2)])
    store.save(bare)
    assert store.claim_counts() == {both.id: 2}


# -- reviews --------------------------------------------------------------------------------


def test_reviews_point_at_claims(store: Store) -> None:
    document = make_document()
    claim, other = make_claim(document, 0), make_claim(document, 1, start=20)
    store.save(document, [claim, other])
    accepted = store.add_review(claim.id, "accept", reviewer="ana")
    corrected = store.add_review(
        claim.id,
        "correct",
        reviewer="ben",
        note="typo",
        correction={"count": {"low": 11, "high": 11, "text": "11"}},
    )
    store.add_review(other.id, "reject", reviewer="ana")
    assert store.reviews(claim.id) == [accepted, corrected]
    assert corrected.correction == {"count": {"low": 11, "high": 11, "text": "11"}}
    assert accepted.correction is None and accepted.created_at.tzinfo is UTC
    assert [r.claim_id for r in store.reviews()] == [claim.id, claim.id, other.id]
    assert store.counts()["reviews"] == 3
    assert store.claim(claim.id) == claim  # a review never touches the claim


def test_bad_reviews_are_refused(store: Store) -> None:
    document = make_document()
    claim = make_claim(document)
    store.save(document, [claim])
    with pytest.raises(NotFoundError):
        store.add_review("no-such-claim", "accept", reviewer="ana")
    with pytest.raises(StoreError, match="review action"):
        store.add_review(claim.id, "approve", reviewer="ana")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="correction"):
        store.add_review(claim.id, "correct", reviewer="ana")
    with pytest.raises(StoreError, match="correction"):
        store.add_review(claim.id, "accept", reviewer="ana", correction={"outcome": "injured"})
    with pytest.raises(StoreError, match="reviewer"):
        store.add_review(claim.id, "accept", reviewer=" ")
    assert store.reviews() == []


# -- claims round-trip exactly (property) ---------------------------------------------------

_chars = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
_text = st.text(_chars, max_size=30)
_ints = st.integers(0, 2**63 - 1)
_counts = _ints.flatmap(
    lambda low: st.builds(
        Count, st.just(low), st.none() | st.integers(low, 2**63 - 1), _text, st.booleans()
    )
)
_places = st.builds(
    Place,
    name=_text,
    country=st.none() | _text,
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    geonames_id=st.none() | st.integers(1, 2**40),
    admin1=st.none() | _text,
    precision=st.sampled_from(get_args(Precision)),
    text=_text,
)
_claims = st.builds(
    Claim,
    id=st.just(""),
    document_id=st.just(""),
    outcome=st.sampled_from(OUTCOMES),
    count=_counts,
    victims=st.builds(Victims, _text, _text, st.none() | _text.filter(bool)),
    claimant=st.builds(Claimant, st.none() | _text, _text, st.sampled_from(CLAIMANT_KINDS)),
    evidence=st.builds(Evidence, _text, st.integers(0, 2**31 - 1), st.integers(0, 2**31 - 1)),
    extractor=st.just("warmonitor 0.1.0") | st.text(_chars, min_size=1, max_size=64),
    reported_by=st.none() | _text,
    hedges=st.lists(_text, max_size=3).map(tuple),
    place=st.none() | _places,
    period=st.none() | st.builds(Period, st.none() | st.dates(), st.none() | st.dates(), _text),
    said_on=st.none() | st.dates(),
    part_of=st.none() | st.uuids().map(lambda u: u.hex),
    cumulative=st.booleans(),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=st.lists(_claims, min_size=1, max_size=4), body=_text)
def test_claims_round_trip_exactly(store: Store, drawn: list[Claim], body: str) -> None:
    document = make_document(f"{body} {uuid.uuid4()}")
    claims = [c.with_(id=uuid.uuid4().hex, document_id=document.id) for c in drawn]
    assert store.save(document, claims) is True
    loaded = {c.id: c for c in store.claims(document_id=document.id, latest_only=False)}
    assert loaded == {c.id: c for c in claims}
    for claim in claims:
        assert loaded[claim.id] == Claim.from_dict(claim.to_dict())
        assert loaded[claim.id].to_dict() == claim.to_dict()
    assert store.document(document.id) == document
