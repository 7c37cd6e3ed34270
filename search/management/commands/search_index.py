"""`manage.py search_index rebuild|update|check`: operate the search index by hand or from cron/CI.

- rebuild: stream every document into a fresh index (the engine swaps it in; searches keep working).
- update:  repair drift like the periodic reconcile task: index missing/stale, delete orphaned.
- check:   compare database and index by document version; exit status 1 when they differ, so
           monitoring and deploy scripts can act on it.
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from search import indexing
from search.documents import expected_count


class Command(BaseCommand):
    help = "Rebuild, update (reconcile) or check the search index against the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=("rebuild", "update", "check"))
        parser.add_argument(
            "--show", type=int, default=20, help="How many ids to list per difference (missing, stale, orphaned)."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (logs, CI).")

    def handle(self, *args: object, **options: object) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _rebuild(self, options: dict) -> None:
        total = expected_count()
        started = time.perf_counter()
        stream = getattr(self.stderr, "_out", sys.stderr)  # the raw stream: OutputWrapper appends newlines
        with tqdm(total=total, unit="doc", desc="rebuild", file=stream, disable=bool(options["no_progress"])) as bar:
            written = indexing.rebuild(progress=bar.update)
        elapsed = time.perf_counter() - started
        rate = written / elapsed if elapsed else 0.0
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt the index: {written} documents in {elapsed:.1f}s ({rate:.0f}/s).")
        )

    def _update(self, options: dict) -> None:
        found = indexing.reconcile()
        if found.in_sync:
            self.stdout.write(self.style.SUCCESS(f"Index already in sync ({found.db_count} documents)."))
            return
        self.stdout.write(
            f"Indexed {len(found.missing)} missing and {len(found.stale)} stale documents; "
            f"deleted {len(found.orphaned)} orphaned."
        )
        self._list(found, int(options["show"]))

    def _check(self, options: dict) -> None:
        found = indexing.diff()
        self.stdout.write(f"database: {found.db_count} documents")
        self.stdout.write(f"index:    {found.index_count} documents")
        if found.in_sync:
            self.stdout.write(self.style.SUCCESS("in sync"))
            return
        self._list(found, int(options["show"]))
        raise CommandError(
            f"index out of sync: {len(found.missing)} missing, {len(found.stale)} stale, "
            f"{len(found.orphaned)} orphaned (run `manage.py search_index update`)",
            returncode=1,
        )

    def _list(self, found: indexing.IndexDiff, show: int) -> None:
        for name in ("missing", "stale", "orphaned"):
            ids: list[str] = getattr(found, name)
            if not ids:
                continue
            more = f" (first {show})" if len(ids) > show else ""
            self.stdout.write(f"{name}: {len(ids)}{more}: {' '.join(ids[:show])}")
