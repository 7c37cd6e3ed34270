"""Static assets: small, and served by WhiteNoise compressed with far-future cache headers in production."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
BUDGET_BYTES = 100 * 1024


def test_css_and_js_stay_under_budget() -> None:
    files = [*(ROOT / "static").rglob("*.css"), *(ROOT / "static").rglob("*.js")]
    total = sum(f.stat().st_size for f in files)
    assert files and total < BUDGET_BYTES, f"{total} bytes of CSS+JS (budget {BUDGET_BYTES})"


@pytest.mark.django_db
def test_production_storage_serves_hashed_compressed_immutable_files(settings, tmp_path) -> None:  # noqa: ANN001
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.DEBUG = False
    # Only the project's own files: the public pages reference nothing else, and compressing the
    # admin's and the API docs' assets would make this test slow.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()  # a new handler: WhiteNoise scans the fresh STATIC_ROOT
    page = client.get("/en/countries/").content.decode()
    css_url = next(part.split('"')[0] for part in page.split('href="') if part.startswith("/static/css/site."))
    assert css_url != "/static/css/site.css", "templates must reference the hashed file name"
    response = client.get(css_url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"] and "max-age=315360000" in response["Cache-Control"]
