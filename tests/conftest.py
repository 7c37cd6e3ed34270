"""Shared fixtures. Reference data is loaded once per test database: every test sees the real
vocabularies (107 articles, 250 jurisdictions...) exactly as `make run` does."""

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
    from sherloc.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
