"""`manage.py export_records [--type law|case|authority ...] [--output FILE] [--published-only]`.

Writes the JSON Lines format (docs/import-format.md) to stdout or a file. A full export (no filters) is
a complete backup of the records: importing it into an empty database recreates them identically.
With --output the file is written under a temporary name and renamed at the end, so an interrupted
export never leaves a truncated file that looks like a backup.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from interchange.bulk import without_query_log
from interchange.exporter import EXPORT_TYPES, count_records, export_records


class Command(BaseCommand):
    help = "Export records and treaty statuses as JSON Lines (stdout by default)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--type",
            dest="types",
            action="extend",
            nargs="+",
            choices=EXPORT_TYPES,
            help="Record types to export (repeatable; default: all).",
        )
        parser.add_argument("--output", "-o", help="Write to this file instead of stdout.")
        parser.add_argument(
            "--published-only", action="store_true", help="Only published records (what the public may see)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        types = options["types"] or list(EXPORT_TYPES)
        published_only = options["published_only"]
        total = count_records(types, published_only=published_only)
        err_stream = getattr(self.stderr, "_out", sys.stderr)
        with tqdm(total=total, desc="export", unit="record", file=err_stream, disable=None) as bar, without_query_log():
            if options["output"]:
                counts = self._to_file(Path(options["output"]), types, published_only, bar.update)
            else:
                counts = self._to_stdout(types, published_only, bar.update)
        summary = ", ".join(f"{counts[t]} {t}" for t in EXPORT_TYPES if t in types)
        self.stderr.write(f"exported {summary}" + (f" to {options['output']}" if options["output"] else ""))

    @staticmethod
    def _to_file(path: Path, types: list[str], published_only: bool, progress: Any) -> Any:
        tmp = path.with_name(f".{path.name}.partial")
        try:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                counts = export_records(fh, types, published_only=published_only, progress=progress)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return counts

    def _to_stdout(self, types: list[str], published_only: bool, progress: Any) -> Any:
        out: TextIO = getattr(self.stdout, "_out", sys.stdout)
        buffer = getattr(out, "buffer", None)
        if buffer is None:  # a StringIO (call_command in tests)
            return export_records(out, types, published_only=published_only, progress=progress)
        # The format is UTF-8 whatever the terminal's locale says.
        out.flush()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
        try:
            return export_records(stream, types, published_only=published_only, progress=progress)
        finally:
            stream.flush()
            stream.detach()
