"""WSGI entry point (gunicorn config.wsgi; runserver through WSGI_APPLICATION).

Start-up finishes here rather than on the first request: the URLconf (every view module) is imported,
then everything alive is moved out of the garbage collector's sight (gc.freeze). The ~120,000 objects of
a started portal (Django, the vocabularies, the search analyzers' dictionaries) otherwise make each full
collection walk all of them: measured 60 ms, a request that happens to trigger one waits that long
(docs/benchmarks.md). Under gunicorn --preload the frozen objects also stay shared between workers
instead of being copied when the collector touches them.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

from django.urls import get_resolver  # noqa: E402 - needs the settings module set

get_resolver().url_patterns  # noqa: B018 - imports every view module now, not on the first request
gc.collect()
gc.freeze()
