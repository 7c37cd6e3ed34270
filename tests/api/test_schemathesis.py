"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis 4, in-process WSGI).

Every operation gets positive (schema-valid) and negative (schema-violating) inputs; the run fails on
any 5xx, any status code the schema does not declare, a wrong content type, or a body or header that
does not match the documented schema. Bounded to keep it to about a minute on two cores.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
MAX_EXAMPLES = 15


# Loaded at collection through the app itself (generating the schema touches no database). Not via
# schemathesis.pytest.from_fixture: its lazy loader reads `request.node._nodeid`, gone in pytest 9.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def _fuzz_setup(corpus, settings):  # noqa: ANN001, ANN202
    """Published and draft records to find, and throttling relaxed so fuzzing is not just 429s.

    The WSGI app is called directly, so Django's request_started/finished handlers would close the
    test's database connection after each request (on PostgreSQL that kills the test transaction;
    SQLite in-memory connections are never closed). Django's own test client disconnects them the
    same way.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "token": "100000/min", "user": "100000/min"},
    }
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("_fuzz_setup")
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
    database=None,
    derandomize=True,  # the same examples on every run: a red CI run can be reproduced, not re-rolled
)
def test_api_conforms_to_its_schema(case):  # noqa: ANN001
    # The in-process WSGI transport hands schemathesis the raw body: ask for it uncompressed (GZipMiddleware
    # would otherwise compress it, as it does for real clients; tests/web/test_cache_headers.py covers that).
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)
