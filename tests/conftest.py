"""Shared fixtures: the extraction pipeline (loaded once) and the project's own reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from warmonitor.pipeline import load_nlp

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def reports_dir() -> Path:
    return FIXTURES / "reports"
