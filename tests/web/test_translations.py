"""The UI must be fully translated in the six UN languages.

Three checks: every committed .po entry is translated and not fuzzy (with the right number of
plural forms); the committed .mo files carry the same translations (the runtime needs no
gettext, so a stale .mo would silently show old text); and, when gettext is installed, a fresh
`makemessages` over a copy of the sources finds no string missing from the catalogues, so a new
{% translate %} cannot ship untranslated.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("ar", "zh_Hans", "en", "fr", "ru", "es")
SKIP_DIRS = {".venv", "var", ".git", "staticfiles", "docs", "tests", "bench", "node_modules", ".pytest_cache"}


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False
    obsolete: bool = False


def parse_po(path: Path) -> list[Entry]:
    """A small .po reader: enough for msgid/msgid_plural/msgctxt/msgstr[n] and the fuzzy flag."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry.msgid or entry.msgstr:
                entries.append(entry)
            entry, target = Entry(), None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.fuzzy = "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line)
        if match:
            key, index, value = match.group(1), match.group(2), ast.literal_eval(match.group(3))
            if key == "msgstr":
                target = ("msgstr", int(index or 0))
                entry.msgstr[target[1]] = value
            else:
                target = (key, None)
                setattr(entry, key, value)
        elif line.startswith('"') and target:
            value = ast.literal_eval(line)
            if target[0] == "msgstr":
                entry.msgstr[target[1]] += value
            else:
                setattr(entry, target[0], (getattr(entry, target[0]) or "") + value)
    return entries


def po_path(locale: str) -> Path:
    return ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"


def nplurals(entries: list[Entry]) -> int:
    header = next(e for e in entries if e.msgid == "" and e.msgctxt is None).msgstr[0]
    return int(re.search(r"nplurals=(\d+)", header).group(1))


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_is_complete_and_not_fuzzy(locale: str) -> None:
    entries = parse_po(po_path(locale))
    header = next(e for e in entries if e.msgid == "")
    assert not header.fuzzy, f"{locale}: the header is marked fuzzy"
    forms = nplurals(entries)
    problems = []
    for e in entries:
        if not e.msgid or e.obsolete:
            continue
        if e.fuzzy:
            problems.append(f"fuzzy: {e.msgid!r}")
        elif e.msgid_plural is not None and (len(e.msgstr) != forms or not all(e.msgstr.values())):
            problems.append(f"plural forms ({len(e.msgstr)}/{forms}): {e.msgid!r}")
        elif not all(e.msgstr.values()):
            problems.append(f"untranslated: {e.msgid!r}")
    assert not problems, f"{locale}: {len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_the_po_file(locale: str) -> None:
    mo = po_path(locale).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `manage.py compilemessages` and commit the .mo files"
    with mo.open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    stale = []
    for e in parse_po(po_path(locale)):
        if not e.msgid or e.obsolete or e.fuzzy:
            continue
        key = f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid
        if e.msgid_plural is None:
            if catalogue._catalog.get(key) != e.msgstr[0]:
                stale.append(e.msgid)
        elif catalogue._catalog.get((key, 0)) != e.msgstr[0]:
            stale.append(e.msgid)
    assert not stale, f"{locale}: .mo out of date for {len(stale)} message(s), e.g. {stale[:3]}"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed (apt-get install gettext)")
def test_sources_have_no_string_missing_from_the_catalogues(tmp_path: Path) -> None:
    copy = tmp_path / "src"

    def ignore(directory: str, names: list[str]) -> set[str]:
        return {n for n in names if n in SKIP_DIRS or n == "__pycache__"}

    shutil.copytree(ROOT, copy, ignore=ignore)
    ignores = [f"--ignore={d}" for d in sorted(SKIP_DIRS)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete", "-v", "0", *ignores],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "SHERLOC_VAR_DIR": str(tmp_path / "var"), "PYTHONPATH": str(copy)},
    )
    fresh = {(e.msgctxt, e.msgid) for e in parse_po(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po") if e.msgid}
    committed = {(e.msgctxt, e.msgid) for e in parse_po(po_path("fr")) if e.msgid and not e.obsolete}
    missing = sorted(msgid for _, msgid in fresh - committed)
    assert not missing, (
        f"{len(missing)} string(s) in the sources are not in the catalogues. Run `manage.py makemessages "
        "-l ar -l zh_Hans -l fr -l ru -l es -l en --ignore=.venv ...`, translate, then compilemessages:\n"
        + "\n".join(missing)
    )
