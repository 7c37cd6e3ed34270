"""`manage.py import_records FILE [--skip-invalid] [--dry-run] [--no-index]`: load a JSON Lines file.

The format is described in docs/import-format.md.

Exit status: 0 when the file was imported (with --skip-invalid: the valid lines were imported, the
invalid ones are listed on stderr); 1 when any line is invalid and nothing was imported; 2 for usage
errors. Each problem is printed on stderr as `line N: field: message`.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from interchange.bulk import paused_indexing, without_query_log
from interchange.importer import import_file


class Command(BaseCommand):
    help = "Import laws, cases and authorities from a JSON Lines file ('-' reads stdin). Validates everything first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Path of the .jsonl file, or '-' for standard input.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid lines and report the invalid ones (default: import nothing if any line is invalid).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and run the import, then roll it back: nothing is kept."
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Send no search-indexing tasks (faster for large restores); run `search_index rebuild` afterwards.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path, cleanup = self._input_path(options["file"])
        bars: dict[str, tqdm] = {}
        err_stream = getattr(self.stderr, "_out", sys.stderr)

        def progress(phase: str, advanced: int, total: int) -> None:
            if phase not in bars:
                for bar in bars.values():
                    bar.close()
                bars[phase] = tqdm(total=total, desc=phase, unit="line", file=err_stream, disable=None, leave=False)
            bars[phase].update(advanced)

        pause = paused_indexing() if options["no_index"] else contextlib.nullcontext()
        try:
            with pause, without_query_log():
                report = import_file(
                    path, skip_invalid=options["skip_invalid"], dry_run=options["dry_run"], progress=progress
                )
        finally:
            for bar in bars.values():
                bar.close()
            if cleanup:
                path.unlink(missing_ok=True)
        for error in report.errors:
            self.stderr.write(str(error))
        self.stdout.write(report.summary())
        if report.errors and not options["skip_invalid"]:
            raise CommandError(f"{len(report.skipped_lines) or len(report.errors)} invalid line(s): nothing imported.")

    @staticmethod
    def _input_path(name: str) -> tuple[Path, bool]:
        """The importer reads the file twice (validate, then write): spool stdin to a temporary file."""
        if name != "-":
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {name}", returncode=2)
            return path, False
        with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as tmp:
            shutil.copyfileobj(sys.stdin.buffer, tmp)
        return Path(tmp.name), True
