"""gunicorn settings for the web process (`gunicorn -c config/gunicorn.conf.py config.wsgi`).

One place for what the Dockerfile, docker-compose.yml and the benchmarks (bench/run.py) start, each
value overridable by an environment variable (docs/deployment.md, "Web server"):

- sync workers, ``GUNICORN_WORKERS`` (default: 2 per core + 1). A search request is CPU work in the
  worker (the embedded engine, template rendering), so threads would only contend for the GIL;
- ``preload_app``: the application (Django, the URLconf, vocabularies' code, the analyzers'
  dictionaries) is imported once in the master, and config/wsgi.py's ``gc.freeze()`` keeps those pages
  shared by every worker instead of copied: less memory per worker and no import on the first request;
- timeouts: a request may take ``GUNICORN_TIMEOUT`` seconds (60; exports stream longer through the
  keep-alive of one response, not a slow worker), ``graceful_timeout`` 30 for a restart;
- ``max_requests`` with jitter recycles workers now and then, so slow growth (caches, fragmentation)
  never accumulates, and never all workers at once;
- ``limit_request_line`` 8190: the API's own query-string limit (4,096) answers first, in JSON.

Nothing here opens a database or search-engine connection before the fork (both are opened lazily);
``post_fork`` still drops any a preloaded import might have opened, as they must not be shared.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in ("0", "false", "no")
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)  # behind a reverse proxy that keeps connections open
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 500)
limit_request_line = 8190
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None  # "-" for stdout (docker-compose sets it)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")


def post_fork(server, worker) -> None:  # noqa: ANN001, ARG001 - gunicorn's hook signature
    """A connection opened in the master must not be shared by the workers."""
    from django.db import connections

    connections.close_all()
