"""WSGI entry point (gunicorn sherloc.wsgi; runserver through WSGI_APPLICATION).

Django's handler, behind sherloc.fastpath: anonymous reads of the lean API endpoints are answered
without the middleware chain; every other request reaches Django unchanged.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sherloc.settings")

from sherloc.fastpath import FastReads  # noqa: E402 - needs the settings module set

application = FastReads(get_wsgi_application())
