"""An import killed mid-way (issue #19: the audit found it left nothing behind; this keeps it so).

`manage.py import_records FILE` runs as a subprocess against the test database and is SIGKILLed as soon
as PostgreSQL shows its transaction has written (a transaction id is assigned at the first write).
Documented outcome (docs/import-format.md, records/importer.py): the batch is one transaction, so the
database holds either nothing of it or every record whole, never a law without all its provisions; once
the killed session is gone, running the same import again completes and the index agrees with the database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from legislation.models import Law
from sherloc.models import PublicationStatus
from tests.faults.conftest import PYTHON, ROOT, SERVICES, stop, wait_until
from tests.search.test_celery_worker import database_url

pytestmark = [*SERVICES, pytest.mark.django_db(transaction=True)]

LAWS = 600
PROVISIONS = 3
PREFIX = "fault-import-"
APP_NAME = "sherloc-fault-import"  # libpq's PGAPPNAME: how this test finds the import's session


def write_batch(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(LAWS):
            line = {
                "format_version": 1,
                "type": "law",
                "external_id": f"{PREFIX}{n:05d}",
                "country": "FRA",
                "title": f"Fault import act number {n}",
                "number": f"{n}/2020",
                "original_language": "en",
                "status": PublicationStatus.PUBLISHED if n % 10 == 0 else PublicationStatus.DRAFT,
                "provisions": [
                    {"label": f"Art. {p}", "text": f"Provision {p} of act {n} on migrant smuggling.", "language": "en"}
                    for p in range(1, PROVISIONS + 1)
                ],
            }
            out.write(json.dumps(line) + "\n")
    return path


def session_state() -> tuple[bool, bool]:
    """(the import's database session exists, its transaction has written)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bool_or(backend_xid IS NOT NULL) FROM pg_stat_activity WHERE application_name = %s", [APP_NAME]
        )
        (written,) = cursor.fetchone()
    return written is not None, bool(written)


def import_command(path: Path, settings) -> tuple[list[str], dict]:  # noqa: ANN001
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "PGAPPNAME": APP_NAME,
        "CELERY_TASK_ALWAYS_EAGER": "true",  # the import indexes in-process, into this test's index
        "SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SHERLOC_VAR_DIR": str(path.parent / "var"),
    }
    return [PYTHON, "manage.py", "import_records", str(path)], env


def batch_state() -> tuple[int, dict[str, int]]:
    """(laws of the batch in the database, their provision counts by external_id)."""
    laws = Law.objects.filter(external_id__startswith=PREFIX)
    per_law = dict(laws.annotate(n=Count("provisions")).values_list("external_id", "n"))
    return laws.count(), per_law


def test_killed_import_leaves_nothing_half_done_and_reruns(reference_data, settings, tmp_path, run_command) -> None:  # noqa: ANN001
    path = write_batch(tmp_path / "batch.jsonl")
    command, env = import_command(path, settings)
    log = tmp_path / "import.log"

    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: proc.poll() is not None or session_state()[1], 60, "the import starting to write")
        assert proc.poll() is None, f"import ended before it was killed:\n{log.read_text()[-2000:]}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        stop(proc, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    # PostgreSQL notices the dead client and rolls its transaction back; until then its row locks stand.
    waited = wait_until(lambda: not session_state()[0], 30, "the killed import's session ending")

    laws, per_law = batch_state()
    print(f"\nkilled import: {laws} of {LAWS} laws in the database; session gone after {waited:.1f}s")
    assert laws in (0, LAWS), f"{laws} laws of a {LAWS}-law batch: a half-imported batch"
    assert all(count == PROVISIONS for count in per_law.values()), "a law without all its provisions"

    started = time.monotonic()
    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    print(f"re-run took {time.monotonic() - started:.1f}s: {rerun.stdout.strip()}")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    if laws == 0:
        assert f"created {LAWS} law" in rerun.stdout, rerun.stdout

    laws, per_law = batch_state()
    assert laws == LAWS and set(per_law.values()) == {PROVISIONS}
    published = Law.objects.filter(external_id__startswith=PREFIX, status=PublicationStatus.PUBLISHED).count()
    assert published == LAWS // 10
    out, _ = run_command("search_index", "check")
    assert "in sync" in out, out
