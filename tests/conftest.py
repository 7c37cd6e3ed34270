"""Shared fixtures. Reference data is loaded once per test database: every test sees the real
vocabularies (107 articles, 250 jurisdictions...) exactly as `make run` does."""

import os

import pytest
from django.core.management import call_command

from taxonomy.reference import load_reference_data


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def reference_data(transactional_db):  # noqa: ANN001, ANN201
    """For transactional tests: the flush after each one drops reference rows, so reload them."""
    load_reference_data()


@pytest.fixture(autouse=True)
def _default_language():  # noqa: ANN202
    """Each test starts in the default language: an API request activates its label language on the
    thread serving it (sherloc.api.viewsets), which under the test client is the test's own thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_vocabulary_registry():  # noqa: ANN202
    """A test's vocabulary rows roll back without a signal: no test sees another's cached terms."""
    from taxonomy import registry

    registry.clear()
    yield
    registry.clear()


@pytest.fixture(autouse=True)
def _isolated_media_and_index(settings, tmp_path):  # noqa: ANN001, ANN202
    """Each test gets its own media directory, search index and sitemap cache: no test sees another's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    settings.CACHES = {
        **settings.CACHES,
        "sitemaps": {**settings.CACHES["sitemaps"], "LOCATION": str(tmp_path / "sitemaps")},
    }
    from search.engines import reset_engine

    reset_engine()
    yield
    reset_engine()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # noqa: ANN001, ANN202
    """Production hashes passwords slowly on purpose (PBKDF2, ~10^6 rounds); tests sign users in by the
    hundred and check behaviour, not the hash's cost, so they use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def run_command():  # noqa: ANN201
    """call_command returning (stdout, stderr)."""
    import io

    def run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        out, err = io.StringIO(), io.StringIO()
        call_command(*args, stdout=out, stderr=err, **kwargs)
        return out.getvalue(), err.getvalue()

    return run


@pytest.fixture(autouse=True)
def _eager_celery():  # noqa: ANN202
    """Tasks run in-process in tests, even in the services run where REDIS_URL is set.

    Tests that need a real worker (tests/search/test_celery_worker.py) turn this off for their
    own duration by setting `celery_app.conf.task_always_eager = False`.
    """
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


# --- The services pass: a missing service fails the run, it never shrinks it -----------------------

REQUIRE_SERVICES = os.environ.get("SHERLOC_REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def _unreachable_services() -> list[str]:
    """What the services pass needs and cannot reach: PostgreSQL as the database, and Redis."""
    import redis
    from django.db import connection

    problems = []
    if connection.vendor != "postgresql":
        problems.append(f"DATABASE_URL must point at PostgreSQL (the database is {connection.vendor})")
    url = os.environ.get("REDIS_URL")
    if not url:
        problems.append("REDIS_URL is not set")
    else:
        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            problems.append(f"Redis at {url} does not answer: {exc}")
    return problems


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_SERVICES and (problems := _unreachable_services()):
        pytest.exit("SHERLOC_REQUIRE_SERVICES is set but: " + "; ".join(problems), returncode=3)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # noqa: ANN201
    """With SHERLOC_REQUIRE_SERVICES, a skipped `services` test is a failure: a green run that
    silently tested less is worse than a red one."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_SERVICES and report.skipped and item.get_closest_marker("services"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"services test skipped in the services pass (SHERLOC_REQUIRE_SERVICES): {reason}"
