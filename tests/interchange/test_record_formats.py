"""The interchange tables come from each family's `record_format` declaration (sherloc.families.RecordFormat)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from interchange import jsonl_format, validation, writer
from interchange.codes import Codes
from interchange.importer import IDENTITIES, IMPORT_ORDER, import_file
from interchange.jsonl_format import FORMATS, MODELS, RECORD_TYPES
from interchange.validation import ValidationContext, validate_record
from sherloc.models import PublishableRecord
from strategies.models import Strategy


def test_every_record_family_declares_its_line() -> None:
    records = [m for m in apps.get_models() if issubclass(m, PublishableRecord) and "record_kind" in m.__dict__]
    assert records, "no record family found"
    for model in records:
        assert MODELS.get(model.record_kind) is model, f"{model.__name__} declares no record_format"
        assert model.record_format.type == model.record_kind
        assert IDENTITIES[model.record_kind][0] is model


def test_import_order_is_the_declared_export_order_between_languages_and_treaty_statuses() -> None:
    assert IMPORT_ORDER == ("language", *RECORD_TYPES, "treaty_status")
    positions = [FORMATS[kind].position for kind in RECORD_TYPES]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    # A material names its law and a case's charge a law's provision: laws are written first.
    assert RECORD_TYPES.index("law") < RECORD_TYPES.index("case") < RECORD_TYPES.index("material")


@pytest.mark.django_db
def test_a_line_may_carry_exactly_its_declared_fields(db: None) -> None:
    ctx = ValidationContext(Codes.load())
    for kind, spec in FORMATS.items():
        line = {"format_version": 1, "type": kind, "external_id": f"{kind}-1", "not_a_field": 1}
        paths = {e.path for e in validate_record(line, ctx) if e.message == "unknown field"}
        assert paths == {"not_a_field"}, kind
        line = {"format_version": 1, "type": kind, "external_id": f"{kind}-1", **dict.fromkeys(spec.fields)}
        assert not [e for e in validate_record(line, ctx) if e.message == "unknown field"], kind


@pytest.mark.django_db
def test_an_unknown_type_is_refused_naming_the_declared_ones(db: None, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"format_version": 1, "type": "treaty", "external_id": "x"}) + "\n")
    report = import_file(path)
    assert not report.ok
    (error,) = report.errors
    assert error.path == "type"
    assert "unknown record type 'treaty'" in error.message
    assert ", ".join(RECORD_TYPES) in error.message


def test_a_declared_type_without_its_functions_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = dataclasses.replace(Strategy.record_format, type="foo", plural="foos", position=99)
    with pytest.raises(ImproperlyConfigured, match=r"interchange\.jsonl_format\.serialise_foos"):
        jsonl_format._serialiser(spec)
    with pytest.raises(ImproperlyConfigured, match=r"interchange\.validation\._validate_foo\b"):
        validation._validator("foo")
    monkeypatch.setattr(writer, "FORMATS", {**FORMATS, "foo": spec})
    with pytest.raises(ImproperlyConfigured, match=r"RecordWriter\.create_foos"):
        writer._check_declared()
