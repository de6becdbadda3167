"""The API fuzzed with schemathesis against its own OpenAPI description, in process (ASGI),
logged in as an admin over a SQLite store holding a report: no request, however odd, gets a 500.

Every operation gets ``CASES`` generated requests (``HYPOTHESIS_PROFILE=long``: many more,
``tests/fuzzing.py``). ``POST /api/ingest/urls`` is left out: the server would try to fetch the
generated addresses (it is tested against a loopback server in ``test_web_ingest.py``).
"""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import given
from schemathesis.checks import not_a_server_error

from fuzzing import fuzz
from web_support import Api

REPORT = "Shelling killed 14 people in Idlib on Monday, the civil defence said.\n"
CASES = 25


def test_no_request_is_a_server_error(tmp_path: Path) -> None:
    # SQLite only: the filters' behaviour on PostgreSQL is tested in test_web_injection.py.
    with Api.open(f"sqlite:///{tmp_path / 'fuzz.db'}") as api:
        _fuzz(api)


def _fuzz(api: Api) -> None:
    files = [("files", ("morning.txt", REPORT.encode(), "text/plain"))]
    assert api.post("/api/ingest/files", files=files).status_code == 201
    admin = api.headers("admin")
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", api.app, headers=admin)
    operations = [
        result.ok() for result in schema.exclude(path="/api/ingest/urls").get_all_operations()
    ]
    assert len(operations) > 30
    for operation in operations:

        @fuzz(CASES)
        @given(case=operation.as_strategy())
        def request(case: schemathesis.Case) -> None:
            response = case.call(headers=admin)
            case.validate_response(response, checks=[not_a_server_error], headers=admin)

        request()
    assert api.json("/api/users", as_="admin")  # the admin still logs in: nothing broke
