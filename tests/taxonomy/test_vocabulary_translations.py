"""Every vocabulary label reads in the six UN languages (issue #14 part 5).

Runs in CI with the suite: a term added to the reference data without its five translations, or a
record-type, court-level or procedural-stage choice without its catalogue entries, fails here.
Countries are not checked term by term: their names come from UNTERM (country-codes.csv), which has
no names for a few territories; the shipped set is checked in test_reference_data.py.
"""

import pytest
from django.utils import translation

from caselaw.models import CourtLevel, ProceduralStage
from search.service import DOC_TYPE_LABELS
from taxonomy import registry
from taxonomy.reference import subtype_families

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = ("ar", "zh-hans", "fr", "ru", "es")
VOCABULARIES = ("region", "instrument", "article", "crime_type", "crime_subtype", "issue", "language", "role")


@pytest.mark.parametrize("name", VOCABULARIES)
def test_every_term_has_every_language(name: str) -> None:
    missing = [
        f"{term.code} ({lang})"
        for term in registry.vocabulary(name)
        for lang in OTHER_LANGUAGES
        if not (term.translations.get(lang) or "").strip()
    ]
    assert not missing, f"{name}: labels without a translation: {', '.join(missing[:20])}"


def test_sub_type_families_have_every_language() -> None:
    missing = [
        f"{facet} ({lang})"
        for facet, family in subtype_families().items()
        for lang in OTHER_LANGUAGES
        if not (family.get("translations") or {}).get(lang)
    ]
    assert not missing


def test_every_family_in_use_is_named() -> None:
    used = {term.family for term in registry.vocabulary("crime_subtype")}
    assert used <= set(subtype_families())


@pytest.mark.parametrize(
    "labels",
    [
        pytest.param({value: label for value, label in CourtLevel.choices}, id="court levels"),
        pytest.param({value: label for value, label in ProceduralStage.choices}, id="procedural stages"),
        pytest.param(DOC_TYPE_LABELS, id="record types"),
    ],
)
def test_choice_labels_are_translated(labels: dict) -> None:
    """Choices go through gettext: each label must read differently from English in every language."""
    with translation.override("en"):
        english = {value: str(label) for value, label in labels.items()}
    missing = []
    for lang in OTHER_LANGUAGES:
        with translation.override(lang):
            missing += [f"{value} ({lang})" for value, label in labels.items() if str(label) == english[value]]
    assert not missing, f"untranslated: {', '.join(missing)}"
