"""`manage.py import_references FILE [--format bib|ris] [--dry-run]`: the admin's BibTeX/RIS upload, from a shell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bibliography.importing import FORMATS, MalformedFile, import_references


class Command(BaseCommand):
    help = "Import a BibTeX or RIS file into the bibliography (matched by DOI, else title + year)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=FORMATS, help="Default: from the file's extension.")
        parser.add_argument("--dry-run", action="store_true", help="Report only; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        fmt = options["format"] or path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise CommandError(f"{path.name}: give --format bib or ris (the extension says neither)")
        try:
            report = import_references(path.read_bytes(), fmt, source_name=path.name, dry_run=options["dry_run"])
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        except MalformedFile as error:
            raise CommandError(f"{path.name}: nothing imported: {error}") from None
        for result in report.results:
            line = f"{result.outcome:8} {result.label}"
            self.stdout.write(f"{line}: {result.reason}" if result.reason else line)
        self.stdout.write(report.summary())
