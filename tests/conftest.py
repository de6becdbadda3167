"""Shared fixtures: the extraction pipeline (loaded once), the project's own reports, an empty
store on each backend (``store_url``) and the API over one (``api``)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from spacy.language import Language
from sqlalchemy import create_engine, make_url

from warmonitor.pipeline import load_nlp
from web_support import Api

FIXTURES = Path(__file__).parent / "fixtures"

# HYPOTHESIS_PROFILE=long: every fuzz test runs at least this many cases (tests/fuzzing.py).
settings.register_profile(
    "long", max_examples=int(os.environ.get("HYPOTHESIS_LONG_EXAMPLES", "20000")), deadline=None
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session", autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test, nor a command it runs, reads or writes the user's own store: the default data
    directory is a temporary one and ``WARMONITOR_DB`` is unset (a test names its store)."""
    data_dir = tmp_path_factory.mktemp("warmonitor-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARMONITOR_DATA_DIR", str(data_dir))
        patch.delenv("WARMONITOR_DB", raising=False)
        yield data_dir


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def reports_dir() -> Path:
    return FIXTURES / "reports"


PG_URL = os.environ.get("WARMONITOR_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL naming an empty database: a SQLite file, and a PostgreSQL schema of its own
    (dropped afterwards) when ``WARMONITOR_TEST_POSTGRES_URL`` names a server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'warmonitor.db'}"
        return
    assert PG_URL is not None
    schema = f"wm_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    scoped = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def api(store_url: str) -> Iterator[Api]:
    """The API over a fresh store, with an admin, an analyst and a viewer holding tokens."""
    with Api.open(store_url) as opened:
        yield opened
