"""Shared setup for the API benchmarks: a separate var/ directory (database + index), seeded once.

Benchmarks never touch the development database: they set SHERLOC_VAR_DIR before Django starts, seed
it with `seed_demo --records N` and build the index with `search_index rebuild` when the stored data
does not match N. DEBUG is off (Django would otherwise keep every SQL query in memory) and the
anonymous throttle is lifted (the benchmark is one very busy client).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(name: str) -> Path:
    """Point Django at var/<name>/ and start it. Call before importing anything from the project."""
    var_dir = Path(os.environ.get("SHERLOC_VAR_DIR", ROOT / "var" / name))
    os.environ["SHERLOC_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("API_THROTTLE_ANON", "1000000000/min")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return var_dir


def analyze() -> None:
    """Give SQLite's planner statistics after a bulk load, as any deployment should (PostgreSQL's
    autovacuum does it by itself). Without them, `status = 'published'` conditions make SQLite walk the
    status index over every row (measured: 15x slower id lookups on 8,000 provisions)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def ensure_seeded(records: int, *, index: bool = True) -> dict[str, int]:
    """Migrate, load vocabularies, seed `records` demo records and index them (unless `index` is
    False: the caller indexes), unless already done."""
    from django.core.management import call_command

    from authorities.models import CompetentAuthority
    from caselaw.models import Case
    from legislation.models import Law
    from search.documents import expected_count
    from search.engines import get_engine
    from taxonomy.reference import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    present = Law.objects.count() + Case.objects.count() + CompetentAuthority.objects.count()
    if present != records:
        print(f"seeding {records} records (found {present})...", file=sys.stderr)
        call_command("seed_demo", records=records, replace=True)
        analyze()
    expected = expected_count()
    if not index:
        return {"records": records, "documents": expected}
    if get_engine().count() != expected:
        print(f"indexing {expected} documents...", file=sys.stderr)
        call_command("search_index", "rebuild", "--no-progress")
    return {"records": records, "documents": get_engine().count()}
