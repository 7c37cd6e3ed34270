"""Import a JSON Lines file: validate everything first, then upsert by external_id in one transaction.

All-or-nothing by default, because a half-imported batch is the hardest state to repair: every line is
parsed and validated before the first write, every problem is reported as `line N: field: message`, and
if there is any, nothing is written (unless `skip_invalid`, which imports the good lines and lists the
others). The file is re-read for each pass rather than held in memory, so a 100k-record backup imports
with flat memory. Re-importing updates records in place (the external_id is the identity) and never duplicates; a
line identical to the record's current export is counted as unchanged and not written at all, so
restoring the same backup twice causes no history rows and no re-indexing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import DatabaseError, transaction

from bibliography.identifiers import normalise_doi
from interchange import treaty_status
from interchange.codes import Codes
from interchange.jsonl_format import (
    AUTHORITY,
    CASE,
    FORMATS,
    LANGUAGE,
    LAW,
    MATERIAL,
    MODELS,
    PUBLICATION,
    RECORD_TYPES,
    language_line,
    serialise,
)
from interchange.validation import ValidationContext, parse_line
from interchange.writer import RecordWriter
from legislation.models import Law, Provision
from taxonomy.models import Language

ProgressCallback = Callable[[str, int, int], None]
"""progress(phase, lines_advanced, total_lines); phase is 'validate' or 'import'."""

# The families in their declared order (laws before cases, whose charges may point at provisions, and before
# explanatory materials, which name their law: `RecordFormat.position`); content languages first, treaty
# statuses last (their notifications name authorities)
TREATY = treaty_status.TREATY
IMPORT_ORDER = (LANGUAGE, *RECORD_TYPES, TREATY)
DB_CHECK_CHUNK = 500
# Natural identities that must stay unique: (model, fields of the key, path reported, description), as each
# family declares them. A publication's is its DOI: only entries with a DOI have an identity to check.
IDENTITIES = {
    kind: (MODELS[kind], spec.identity, spec.identity_path, spec.identity_description) for kind, spec in FORMATS.items()
}


@dataclass(frozen=True)
class LineError:
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.path}: {self.message}"


@dataclass
class ImportReport:
    """What an import found and did. `committed` is False when nothing was written."""

    lines: int = 0
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped_lines: list[int] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    users_created: list[str] = field(default_factory=list)
    dry_run: bool = False
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        def counts(counter: Counter) -> str:
            return ", ".join(f"{counter[k]} {k}" for k in IMPORT_ORDER if counter[k]) or "0"

        prefix = "dry run, nothing written: " if self.dry_run else ("" if self.committed else "nothing imported: ")
        text = (
            f"{prefix}created {counts(self.created)}; updated {counts(self.updated)}; "
            f"unchanged {counts(self.unchanged)}; skipped {len(self.skipped_lines)} invalid line(s)"
        )
        if self.users_created:
            text += f"; created inactive user account(s): {', '.join(sorted(self.users_created))}"
        return text


class _Abort(Exception):
    """Raised inside the transaction to roll everything back."""


def _read_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for non-blank lines; text is None when the line is not valid UTF-8."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None


def count_lines(path: str | Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for _ in fh)


class _FileChecks:
    """Cross-record rules that need the whole file (and the database): unique identities, references."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.bad: set[int] = set()
        self.kinds: dict[int, str] = {}
        self.seen: dict[tuple[str, str], int] = {}
        self.unique: dict[tuple, tuple[int, str]] = {}
        self.law_orders: dict[str, set[int]] = {}
        self.refs: list[tuple[int, str, str, int]] = []
        self.law_refs: list[tuple[int, str]] = []  # (line, law external_id) of explanatory materials
        self.authorities: dict[str, str] = {}  # authority external_id -> country, of the file's valid lines
        # (line, path, authority external_id, country) of treaty status notifications
        self.authority_refs: list[tuple[int, str, str, str]] = []

    def error(self, line: int, path: str, message: str) -> None:
        self.report.errors.append(LineError(line, path, message))
        self.bad.add(line)

    def _unique(self, line: int, key: tuple, path: str, what: str, ext: str) -> None:
        if key in self.unique and self.unique[key][1] != ext:
            self.error(line, path, f"{what} already used on line {self.unique[key][0]}")
        self.unique.setdefault(key, (line, ext))

    def add(self, line: int, data: dict) -> None:
        kind = data["type"]
        self.kinds[line] = kind
        if kind == LANGUAGE:
            return
        if kind == TREATY:
            key = treaty_status.key_of(data)
            if (TREATY, key) in self.seen:
                other = self.seen[TREATY, key]
                self.error(line, "instrument", f"duplicate: the status {key[0]} {key[1]} is also on line {other}")
            self.seen.setdefault((TREATY, key), line)
            for path, ref in treaty_status.authority_refs(data):
                self.authority_refs.append((line, path, ref, data["country"]))
            return
        ext = data["external_id"]
        if (kind, ext) in self.seen:
            self.error(line, "external_id", f"duplicate: {kind} {ext!r} is also on line {self.seen[kind, ext]}")
        self.seen.setdefault((kind, ext), line)
        # The natural identity, in the order of its database lookups (`country__alpha3` is the line's
        # `country`, `law__external_id` its `law`), so check_database compares like with like.
        _model, lookups, path, what = IDENTITIES[kind]
        values = tuple(data.get(lookup.split("__")[0], "") for lookup in lookups)
        if kind == PUBLICATION:  # stored normalised; an entry without a DOI has no identity to check
            values = (normalise_doi(values[0]),) if values[0] else ()
        if values:
            self._unique(line, (kind, *values), path, what, ext)
        if kind == LAW:
            self.law_orders[ext] = {p.get("order", i + 1) for i, p in enumerate(data.get("provisions", []))}
        elif kind == CASE:
            for i, charge in enumerate(data.get("charges", [])):
                if charge.get("provision"):
                    ref = charge["provision"]
                    self.refs.append((line, f"charges[{i}].provision", ref["law"], ref["order"]))
        elif kind == AUTHORITY:
            self.authorities[ext] = data["country"]  # a treaty status's notification names it
        elif kind == MATERIAL:
            self.law_refs.append((line, data["law"]))

    def check_database(self) -> None:
        """Identities the file gives to one record that the database already gives to another."""
        for kind, (model, fields, path, what) in IDENTITIES.items():
            keys = [k for k in self.unique if k[0] == kind]
            column = fields[-1]  # the most selective part of the identity
            for start in range(0, len(keys), DB_CHECK_CHUNK):
                chunk = keys[start : start + DB_CHECK_CHUNK]
                rows = model.objects.filter(**{f"{column}__in": {k[-1] for k in chunk}})
                for *values, ext in rows.values_list(*fields, "external_id"):
                    key = (kind, *values)
                    if key in self.unique and self.unique[key][1] != ext:
                        self.error(
                            self.unique[key][0], path, f"{what} already belongs to {kind} {ext!r} in the database"
                        )
        self._check_provision_refs()
        self._check_law_refs()
        self._check_authority_refs()

    def _check_authority_refs(self) -> None:
        """A notification's authority: an authority of the file or the database, of the status's country."""
        outside = sorted({ref for _, _, ref, _ in self.authority_refs if ref not in self.authorities})
        in_db: dict[str, str] = {}
        for start in range(0, len(outside), DB_CHECK_CHUNK):
            in_db.update(treaty_status.authority_countries(outside[start : start + DB_CHECK_CHUNK]))
        for line, path, ref, country in self.authority_refs:
            auth_line = self.seen.get((AUTHORITY, ref))
            found = self.authorities.get(ref, in_db.get(ref))
            if auth_line in self.bad:
                self.error(line, path, f"authority {ref!r} is on line {auth_line}, which is invalid")
            elif found is None:
                self.error(line, path, f"no authority {ref!r} in the file or the database")
            elif found != country:
                self.error(line, path, f"authority {ref!r} is of {found}, not of {country}")

    def _check_law_refs(self) -> None:
        """An explanatory material's law: a valid law line of the file, or a law in the database."""
        outside = sorted({law for _, law in self.law_refs if (LAW, law) not in self.seen})
        in_db: set[str] = set()
        for start in range(0, len(outside), DB_CHECK_CHUNK):
            chunk = outside[start : start + DB_CHECK_CHUNK]
            in_db.update(Law.objects.filter(external_id__in=chunk).values_list("external_id", flat=True))
        for line, law in self.law_refs:
            law_line = self.seen.get((LAW, law))
            if law_line in self.bad:
                self.error(line, "law", f"law {law!r} is on line {law_line}, which is invalid")
            elif law_line is None and law not in in_db:
                self.error(line, "law", f"no law {law!r} in the file or the database")

    def _check_provision_refs(self) -> None:
        outside = {law for _, _, law, _ in self.refs if law not in self.law_orders}
        in_db: dict[str, set[int]] = {}
        outside_list = sorted(outside)
        for start in range(0, len(outside_list), DB_CHECK_CHUNK):
            chunk = outside_list[start : start + DB_CHECK_CHUNK]
            rows = Provision.objects.filter(law__external_id__in=chunk).values_list("law__external_id", "order")
            for law, order in rows:
                in_db.setdefault(law, set()).add(order)
        for line, path, law, order in self.refs:
            orders = self.law_orders.get(law, in_db.get(law))
            law_line = self.seen.get((LAW, law))
            if law_line in self.bad:
                self.error(line, f"{path}.law", f"law {law!r} is on line {law_line}, which is invalid")
            elif orders is None:
                self.error(line, f"{path}.law", f"no law {law!r} in the file or the database")
            elif order not in orders:
                self.error(line, f"{path}.order", f"law {law!r} has no provision with order {order}")


def _validate(path: Path, codes: Codes, report: ImportReport, progress: ProgressCallback | None) -> _FileChecks:
    ctx = ValidationContext(codes)
    checks = _FileChecks(report)
    step = 0
    for number, text in _read_lines(path):
        step += 1
        if text is None:
            checks.error(number, "encoding", "line is not valid UTF-8")
            continue
        data, errors = parse_line(text, ctx)
        for err in errors:
            checks.error(number, err.path, err.message)
        if not errors and data is not None:
            checks.add(number, data)
        if progress and step % 1000 == 0:
            progress("validate", 1000, report.lines)
    checks.check_database()
    if progress:
        progress("validate", step % 1000, report.lines)
    report.errors.sort(key=lambda e: e.line)
    return checks


def _good_lines(path: Path, checks: _FileChecks, kind: str) -> Iterator[tuple[int, dict]]:
    for number, text in _read_lines(path):
        if checks.kinds.get(number) == kind and number not in checks.bad:
            yield number, json.loads(text)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _existing(kind: str, chunk: list[tuple[int, dict]], codes: Codes) -> tuple[dict[str, Any], dict[str, dict]]:
    """Rows already in the database for a chunk, and their current export (to spot unchanged lines)."""
    if kind == TREATY:
        return treaty_status.current([d for _, d in chunk])
    if kind == LANGUAGE:
        languages = list(Language.objects.filter(code__in=[d["code"] for _, d in chunk]))
        return (
            {lang.code: lang for lang in languages},
            {lang.code: language_line(lang.code, lang.label, lang.rtl) for lang in languages},
        )
    rows = MODELS[kind].objects.filter(external_id__in=[d["external_id"] for _, d in chunk])
    existing = {o.external_id: o for o in rows}
    return existing, {d["external_id"]: d for d in serialise(kind, list(existing.values()), codes)}


def _write_chunk(
    kind: str,
    chunk: list[tuple[int, dict]],
    writer: RecordWriter,
    report: ImportReport,
    skip_invalid: bool,
) -> None:
    existing, current = _existing(kind, chunk, writer.codes)
    todo: list[tuple[int, dict, Any]] = []
    for number, data in chunk:
        if kind == TREATY:
            key = treaty_status.key_of(data)
        else:
            key = data["code"] if kind == LANGUAGE else data["external_id"]
        obj = existing.get(key)
        if obj is not None and current.get(key) == data:
            report.unchanged[kind] += 1
        else:
            todo.append((number, data, obj))
    users_before = len(writer.users_created)
    try:
        with transaction.atomic():
            writer.write_chunk(kind, [(data, obj) for _, data, obj in todo])
        done = todo
    except DatabaseError:
        # Validation should have caught it; find the culprit line by writing the chunk one record at a time.
        writer.forget(users_before)
        done = []
        for number, data, obj in todo:
            users_before = len(writer.users_created)
            try:
                with transaction.atomic():
                    writer.write_chunk(kind, [(data, obj)])
                done.append((number, data, obj))
            except DatabaseError as exc:
                writer.forget(users_before)
                report.errors.append(LineError(number, "(database)", str(exc)))
                if not skip_invalid:
                    raise _Abort from exc
                report.skipped_lines.append(number)
    for _, _, obj in done:
        (report.updated if obj is not None else report.created)[kind] += 1


def _write_all(
    path: Path,
    checks: _FileChecks,
    writer: RecordWriter,
    report: ImportReport,
    skip_invalid: bool,
    progress: ProgressCallback | None,
    chunk_size: int,
) -> None:
    for kind in IMPORT_ORDER:
        for chunk in _chunks(_good_lines(path, checks, kind), chunk_size):
            _write_chunk(kind, chunk, writer, report, skip_invalid)
            if progress:
                progress("import", len(chunk), report.lines)


def import_file(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    chunk_size: int = 200,
) -> ImportReport:
    """Validate the whole file, then import it in one transaction (see the module docstring).

    With `dry_run` the import runs for real inside the transaction (so the counts and any database
    error are exact) and is then rolled back; no indexing task runs because nothing commits.
    """
    path = Path(path)
    report = ImportReport(dry_run=dry_run)
    report.lines = count_lines(path)
    codes = Codes.load()
    checks = _validate(path, codes, report, progress)
    report.skipped_lines = sorted(checks.bad)
    if report.errors and not skip_invalid:
        return report
    writer = RecordWriter(codes, change_reason=f"import {path.name}")
    try:
        with transaction.atomic():
            _write_all(path, checks, writer, report, skip_invalid, progress, chunk_size)
            report.users_created = writer.users_created
            if dry_run:
                transaction.set_rollback(True)
    except _Abort:
        report.created.clear()
        report.updated.clear()
        report.unchanged.clear()
        return report
    report.errors.sort(key=lambda e: e.line)
    report.committed = not dry_run
    return report
