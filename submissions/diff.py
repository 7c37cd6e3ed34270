"""What a pending revision changes, field by field and provision by provision.

Both sides are compared in the interchange format (`snapshots.as_format`), so one comparison covers laws,
cases and authorities, their tags by code, and the published-version snapshots of the history page.
Child rows are matched by what identifies them for a reader (a provision by its label, a person by role
and name, an attachment by its stored file), not by database id: a working copy's rows have new ids.
Long texts get a word-level diff (<del>/<ins>) so a reviewer sees the changed words, not two walls of text.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from interchange.jsonl_format import TIMESTAMP_FIELDS, WORKFLOW_FIELDS
from sherloc import richtext

from .snapshots import as_format


@functools.cache
def rich_fields() -> frozenset[str]:
    """Format keys holding rich text (sherloc.richtext) in any record type or child row: what each model
    declares in `RICH_TEXT_FIELDS` (a new family's come with it)."""
    return frozenset(name for model in apps.get_models() for name in getattr(model, "RICH_TEXT_FIELDS", ()))


IGNORED = frozenset({"format_version", "type", "external_id", *WORKFLOW_FIELDS, *TIMESTAMP_FIELDS})
SECTIONS: dict[str, tuple[Any, Callable[[dict], Any]]] = {
    "provisions": (_("Provisions"), lambda p: p.get("label") or f"#{p.get('order')}"),
    "people": (_("People"), lambda p: (p.get("role"), p.get("name"))),
    "charges": (_("Charges"), lambda c: (c.get("defendant"), c.get("statute"), str(c.get("provision")))),
    "attachments": (_("Attachments"), lambda a: a.get("file")),
}
LABELS = {
    "title": _("Title"),
    "original_title": _("Original title"),
    "law_type": _("Type"),
    "number": _("Number"),
    "adoption_date": _("Adopted"),
    "entry_into_force_date": _("Entry into force"),
    "legal_status": _("Legal status"),
    "source_url": _("Official source"),
    "original_language": _("Original language"),
    "country": _("Country"),
    "label": _("Label"),
    "heading": _("Heading"),
    "text": _("Text"),
    "text_en": _("English translation"),
    "language": _("Language"),
    "articles": _("Convention and Protocol articles"),
    "crime_types": _("Crime types"),
    "crime_subtypes": _("Crime sub-types"),
    "issues": _("Cross-cutting issues"),
    "name": _("Name"),
    "roles": _("Roles"),
    "court": _("Court"),
    "decision_date": _("Decision date"),
    "source_number": _("Source number"),
    "fact_summary": _("Summary of the facts"),
    "commentary": _("Commentary and significant features"),
    "legal_reasoning": _("Legal reasoning"),
    "sentence": _("Sentence"),
    "keywords": _("Keywords"),
}
CHILD_IGNORED = frozenset({"order", "key", "created_at"})
LONG_TEXT = 80
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldChange:
    name: str
    old: Any
    new: Any

    @property
    def label(self) -> str:
        return str(LABELS.get(self.name, self.name.replace("_", " ").capitalize()))

    @property
    def rich(self) -> bool:
        """A rich-text field (a case's summary, a provision's text...): shown rendered, compared as text."""
        return self.name in rich_fields()

    @property
    def old_text(self) -> str:
        return richtext.plain(self.old or "") or "—" if self.rich else display(self.old)

    @property
    def new_text(self) -> str:
        return richtext.plain(self.new or "") or "—" if self.rich else display(self.new)

    @property
    def new_html(self) -> SafeString:
        """The new value for the reviewer's page: rich text rendered through the sanitiser, the rest as
        escaped text with its line breaks."""
        return richtext.render(self.new or "") if self.rich else linebreaksbr(self.new_text, autoescape=True)

    @property
    def inline(self) -> SafeString | None:
        """A word-level diff for long texts (None for short values, shown as old -> new)."""
        old, new = self.old_text, self.new_text
        if max(len(old), len(new)) < LONG_TEXT:
            return None
        return word_diff(old, new)


@dataclass
class ItemChange:
    label: str
    change: str  # "added", "removed", "changed", "moved"
    fields: list[FieldChange] = field(default_factory=list)
    position: tuple[int | None, int | None] = (None, None)


@dataclass
class Section:
    name: str
    title: str
    items: list[ItemChange]


@dataclass
class RecordDiff:
    fields: list[FieldChange]
    sections: list[Section]

    @property
    def has_changes(self) -> bool:
        return bool(self.fields) or any(s.items for s in self.sections)


def display(value: Any) -> str:
    """A value of the format as a reader would write it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dict):
        if "article" in value:
            return value["article"] + (f"({value['paragraph']})" if value.get("paragraph") else "")
        if "name" in value:
            return str(value["name"])
        return ", ".join(f"{k}: {display(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(display(v) for v in value)
    return str(value)


def word_diff(old: str, new: str) -> SafeString:
    """Changed words in <del>/<ins>; the texts' line breaks kept as <br> so paragraphs stay apart."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(_lines("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{_lines(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{_lines(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def _field_changes(old: dict, new: dict, ignored: frozenset[str]) -> list[FieldChange]:
    names = [n for n in dict.fromkeys([*old, *new]) if n not in ignored and n not in SECTIONS]
    return [FieldChange(n, old.get(n), new.get(n)) for n in names if _norm(old.get(n)) != _norm(new.get(n))]


def _norm(value: Any) -> Any:
    return None if value in ("", [], None) else value


def _section(name: str, old_items: list[dict], new_items: list[dict]) -> Section:
    title, key = SECTIONS[name]
    old_by_key = {key(item): (i, item) for i, item in enumerate(old_items, start=1)}
    new_keys = {key(item) for item in new_items}
    items: list[ItemChange] = []
    for j, item in enumerate(new_items, start=1):
        k = key(item)
        label = _item_label(name, item)
        if k not in old_by_key:
            items.append(ItemChange(label, "added", _field_changes({}, item, CHILD_IGNORED), (None, j)))
            continue
        i, before = old_by_key[k]
        changes = _field_changes(before, item, CHILD_IGNORED)
        if changes:
            items.append(ItemChange(label, "changed", changes, (i, j)))
        elif i != j and name == "provisions":
            items.append(ItemChange(label, "moved", [], (i, j)))
    for k, (i, before) in old_by_key.items():
        if k not in new_keys:
            items.append(ItemChange(_item_label(name, before), "removed", [], (i, None)))
    return Section(name, str(title), items)


def _item_label(section: str, item: dict) -> str:
    if section == "provisions":
        return " ".join(x for x in (item.get("label"), item.get("heading")) if x)
    if section == "people":
        return f"{item.get('name')} ({item.get('role')})"
    if section == "charges":
        return " · ".join(display(item.get(k)) for k in ("statute", "crime_type", "verdict"))
    return item.get("title") or str(item.get("file"))


def diff_data(old: dict[str, Any], new: dict[str, Any]) -> RecordDiff:
    """Compare two format objects of the same record type."""
    sections = [
        _section(name, old.get(name) or [], new.get(name) or []) for name in SECTIONS if name in old or name in new
    ]
    return RecordDiff(_field_changes(old, new, IGNORED), sections)


def diff_records(published: Any, revision: Any) -> RecordDiff:
    """What approving `revision` would change on `published`."""
    return diff_data(as_format(published), as_format(revision))


@dataclass
class ContentSection:
    name: str
    title: str
    items: list[tuple[str, list[FieldChange]]]


def describe(data: dict[str, Any]) -> tuple[list[FieldChange], list[ContentSection]]:
    """Every filled-in field of a format object, for the reviewer's page: the record's own fields, then
    its provisions / people / charges / attachments, each with its fields (labels as in the diff)."""
    fields = [FieldChange(n, None, v) for n, v in data.items() if n not in IGNORED and n not in SECTIONS and _norm(v)]
    sections = []
    for name, (title, _key) in SECTIONS.items():
        rows = data.get(name) or []
        if rows:
            items = [
                (
                    _item_label(name, row),
                    [FieldChange(n, None, v) for n, v in row.items() if n not in CHILD_IGNORED and _norm(v)],
                )
                for row in rows
            ]
            sections.append(ContentSection(name, str(title), items))
    return fields, sections
