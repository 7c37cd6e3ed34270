"""WSGI entry point (gunicorn sherloc.wsgi; runserver through WSGI_APPLICATION).

Django's handler, behind sherloc.fastpath: anonymous reads of the lean API endpoints are answered
without the middleware chain; every other request reaches Django unchanged.

Start-up finishes here rather than on the first request: the URLconf (every view module) is imported
and the fast path planned, then everything alive is moved out of the garbage collector's sight
(gc.freeze). The ~120,000 objects of a started portal (Django, the vocabularies, the search analyzers'
dictionaries) otherwise make each full collection walk all of them: measured 60 ms, a request that
happens to trigger one waits that long (docs/benchmarks.md). Under gunicorn --preload the frozen
objects also stay shared between workers instead of being copied when the collector touches them.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sherloc.settings")

from sherloc.fastpath import FastReads  # noqa: E402 - needs the settings module set

application = FastReads(get_wsgi_application())
application.plan  # noqa: B018 - imports the URLconf and plans the fast path now
gc.collect()
gc.freeze()
