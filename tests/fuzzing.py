"""Shared settings of the fuzz tests (``tests/test_fuzz_*.py``).

Each fuzz test asks :func:`fuzz` for its settings with a number of cases sized to run in a few
seconds in CI. ``HYPOTHESIS_PROFILE=long`` (registered in ``conftest.py``) raises every test to
at least 20,000 cases (``HYPOTHESIS_LONG_EXAMPLES`` sets another number) for a long run::

    HYPOTHESIS_PROFILE=long .venv/bin/pytest -q tests/test_fuzz_*.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["fuzz"]


LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"


def fuzz(examples: int) -> settings:
    """``examples`` cases, or in the long run the long profile's number when that is larger;
    no deadline (a slow case is not a failure, a crash is)."""
    return settings(
        max_examples=max(examples, settings.default.max_examples) if LONG else examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
    )
