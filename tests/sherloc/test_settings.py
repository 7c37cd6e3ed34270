"""Settings: embedded defaults with no environment; production refuses unsafe configuration."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']), "
    "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'engine': s.SEARCH_ENGINE, 'email': s.EMAIL_BACKEND, "
    "'media': str(s.MEDIA_ROOT), 'debug': s.DEBUG}))"
)
SERVICE_VARS = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "SEARCH_ENGINE", "SECRET_KEY", "DEBUG", "SHERLOC_ENV")


def probe(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARS}
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def test_embedded_defaults_without_environment():
    import json

    result = probe()
    assert result.returncode == 0, result.stderr
    cfg = json.loads(result.stdout)
    assert cfg["db"] == "django.db.backends.sqlite3" and cfg["name"].endswith("var/db.sqlite3")
    assert cfg["eager"] is True and cfg["engine"] == "tantivy"
    assert cfg["email"].endswith("console.EmailBackend") and cfg["media"].endswith("var/media")


def test_services_switch_on_from_environment():
    import json

    result = probe(
        DATABASE_URL="postgres://u@db:5432/x", REDIS_URL="redis://r:6379/0", ELASTICSEARCH_URL="http://es:9200"
    )
    cfg = json.loads(result.stdout)
    assert cfg["db"] == "django.db.backends.postgresql"
    assert cfg["eager"] is False and cfg["engine"] == "elasticsearch"


@pytest.mark.parametrize(
    "env, message",
    [
        ({"SHERLOC_ENV": "production"}, "SECRET_KEY"),
        ({"SHERLOC_ENV": "production", "SECRET_KEY": "x" * 50, "DEBUG": "true"}, "DEBUG"),
    ],
)
def test_production_refuses_unsafe_settings(env, message):
    result = probe(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_starts_with_safe_settings():
    result = probe(SHERLOC_ENV="production", SECRET_KEY="k" * 50, DEBUG="false")
    assert result.returncode == 0, result.stderr
