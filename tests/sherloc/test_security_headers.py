"""Production hardening (issue #19, item 12): HSTS behind HTTPS, SSL redirect and the proxy header from the
environment, a Content-Security-Policy without inline code, 403s logged as one line, `check --deploy` clean."""

import json
import logging
import os
import re
import subprocess
import sys

import pytest

from tests.factories import UserFactory
from tests.sherloc.test_settings import ROOT, SERVICE_VARS

pytestmark = pytest.mark.django_db
PRODUCTION = {
    "SHERLOC_ENV": "production",
    "SECRET_KEY": "k7#Qe!v2-production-secret-for-tests-9fZ@x0pL3mW8rT5yB1nC4",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "testserver,sherloc.example.org",
}
REQUESTS = (
    "import django, json; django.setup(); from django.test import Client; c = Client(); out = {}\n"
    "for name, path, extra in [('http', '/robots.txt', {}), ('proxied', '/robots.txt', "
    "{'HTTP_X_FORWARDED_PROTO': 'https'}), ('other', '/robots.txt', {'HTTP_X_FORWARDED_SCHEME': 'https'}), "
    "('health', '/healthz', {})]:\n"
    "    r = c.get(path, **extra)\n"
    "    out[name] = {'status': r.status_code, 'hsts': r.get('Strict-Transport-Security'), "
    "'csp': r.get('Content-Security-Policy'), 'location': r.get('Location')}\n"
    "print(json.dumps(out))"
)


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE: set in-process by the browser tests, and itself a deploy-check error
    skip = (*SERVICE_VARS, "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in skip and not k.startswith("SECURE_")}
    clean.update(PRODUCTION, DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120)


def production_responses(**env: str) -> dict:
    result = run(["-c", REQUESTS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_behind_https_and_a_csp() -> None:
    answers = production_responses()
    assert answers["http"]["status"] == 200 and answers["http"]["hsts"] is None  # never over plain HTTP
    assert answers["proxied"]["hsts"] == "max-age=31536000"
    assert "default-src 'self'" in answers["http"]["csp"] and "unsafe-inline" not in answers["http"]["csp"]
    assert answers["other"]["hsts"] is None  # only the configured header counts


def test_proxy_header_hsts_and_ssl_redirect_come_from_the_environment() -> None:
    answers = production_responses(
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Scheme: https", SECURE_HSTS_SECONDS="600", SECURE_SSL_REDIRECT="true"
    )
    assert answers["http"]["status"] == 301 and answers["http"]["location"] == "https://testserver/robots.txt"
    assert answers["proxied"]["status"] == 301  # X-Forwarded-Proto is no longer trusted
    assert answers["other"]["status"] == 200 and answers["other"]["hsts"] == "max-age=600"
    assert answers["health"]["status"] == 200  # a plain-HTTP health probe is not redirected


def test_a_malformed_proxy_header_setting_is_refused() -> None:
    result = run(["-c", "import django; django.setup()"], SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert result.returncode != 0 and "SECURE_PROXY_SSL_HEADER" in result.stderr


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_have_no_inline_script_or_style(client) -> None:  # noqa: ANN001
    for path in ("/en/", "/en/search/?q=trafficking", "/en/accounts/login/"):
        response = client.get(path)
        page = response.content.decode()
        assert "Content-Security-Policy" in response.headers, path
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert not re.search(r"<style|\sstyle=\"", page), path


def test_swagger_page_inline_code_carries_the_response_nonce(client) -> None:  # noqa: ANN001
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    page = response.content.decode()
    assert f'<style nonce="{nonce}">' in page and f'<script nonce="{nonce}">' in page


def test_a_403_is_logged_as_one_line_without_traceback(client, caplog) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="nobody"))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/en/submit/laws/new/").status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /en/submit/laws/new/"
    assert record.exc_info is None and "Traceback" not in caplog.text
