"""The vocabulary registry: look-ups, translated labels, the sub-type tree, and invalidation."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import registry
from taxonomy.models import Article, CrimeSubType, CrimeType, Issue, Region

pytestmark = pytest.mark.django_db


def test_look_ups_by_code_spelling_and_pk() -> None:
    countries = registry.vocabulary("country")
    assert countries.resolve("br") == "BRA" and countries.resolve("Bra") == "BRA"
    assert countries.resolve("ZZ") is None
    art = Article.objects.get(code="UNTOC-18")
    articles = registry.vocabulary("article")
    term = articles.by_pk(art.pk)
    assert (term.code, term.instrument, term.number, term.parent) == ("UNTOC-18", "UNTOC", 18, "UNTOC")
    assert articles.pk("UNTOC-18") == art.pk
    assert registry.vocabulary("issue").get("investigation.sit.undercover").ancestors == (
        "investigation",
        "investigation.sit",
        "investigation.sit.undercover",
    )
    assert registry.vocabulary("region").get("005").parent == "419"
    with pytest.raises(KeyError):
        registry.vocabulary("court_level")  # a Django choice, not a vocabulary


def test_labels_in_the_six_languages_with_english_fallback() -> None:
    crime = registry.vocabulary("crime_type")
    assert crime.label("trafficking-in-persons", "en") == "Trafficking in persons"
    assert crime.label("trafficking-in-persons", "fr") == "Traite des personnes"
    assert crime.label("trafficking-in-persons", "es-ar") == "Trata de personas"  # regional variant: base language
    assert crime.label("trafficking-in-persons", "zh-hans") == "贩运人口"
    assert crime.label("not-a-code", "fr") == "not-a-code"
    assert registry.label("article", "UNTOC-18", "ru") == "18. Взаимная правовая помощь"
    assert registry.label("region", "150", "ar") == "أوروبا"
    CrimeType.objects.create(code="new-crime", label="New crime", sort_order=99)  # untranslated: English
    assert registry.label("crime_type", "new-crime", "ar") == "New crime"


def test_sub_types_sit_under_their_family_and_crime_type() -> None:
    subtypes = registry.vocabulary("crime_subtype")
    value = subtypes.get("trafficking-in-persons.means.deception")
    assert value.parent == "trafficking-in-persons.means" and value.family == "means"
    assert value.crime_type == "trafficking-in-persons"
    assert value.ancestors == ("trafficking-in-persons.means", "trafficking-in-persons.means.deception")
    family = subtypes.get("trafficking-in-persons.means")
    assert family.pk is None and family.parent == "trafficking-in-persons"
    assert subtypes.pk("trafficking-in-persons.means") is None  # a family is not a taggable term
    assert family.label_in("fr") == "Moyens"
    assert registry.subtype_label("trafficking-in-persons.means.deception", "en") == "Means: Deception"
    assert registry.subtype_label("trafficking-in-persons.means.deception", "es") == "Medios: Engaño"
    assert registry.subtype_label("trafficking-in-persons.means", "en") == "Means"
    # Families follow the reference data's order: acts before means before purposes.
    tip = [t.code for t in subtypes if t.pk is None and t.crime_type == "trafficking-in-persons"]
    assert tip.index("trafficking-in-persons.acts") < tip.index("trafficking-in-persons.means")


def test_served_from_memory_once_loaded() -> None:
    registry.labels("issue", "fr")
    with CaptureQueriesContext(connection) as queries:
        registry.labels("issue", "fr")
        registry.vocabulary("issue").resolve("investigation")
    assert len(queries) == 0


def test_saving_or_deleting_a_term_invalidates() -> None:
    assert registry.label("issue", "investigation", "fr") == "Enquête"
    term = Issue.objects.get(code="investigation")
    term.translations = {**term.translations, "fr": "Investigations"}
    term.save()
    assert registry.label("issue", "investigation", "fr") == "Investigations"

    sub = CrimeSubType.objects.create(
        crime_type=CrimeType.objects.get(code="smuggling-of-migrants"),
        facet="form",
        code="smuggling-of-migrants.form.river",
        label="By river",
    )
    assert registry.vocabulary("crime_subtype").resolve("SMUGGLING-OF-MIGRANTS.FORM.RIVER") == sub.code
    sub.delete()
    assert registry.vocabulary("crime_subtype").resolve(sub.code) is None


def test_other_processes_see_the_change_through_the_shared_version(monkeypatch) -> None:  # noqa: ANN001
    assert registry.label("region", "150", "fr") == "Europe"
    # Another process relabels: its invalidate() bumps the shared version; this process's copy is
    # dropped at its next version check, without a signal here.
    Region.objects.filter(code="150").update(translations={"fr": "L'Europe"})
    assert registry.label("region", "150", "fr") == "Europe"
    from django.core.cache import cache

    cache.set(registry.VERSION_KEY, (cache.get(registry.VERSION_KEY) or 0) + 1000, None)
    monkeypatch.setattr(registry._state, "checked_at", 0.0)
    assert registry.label("region", "150", "fr") == "L'Europe"


def test_reloading_reference_data_refreshes_labels() -> None:
    Region.objects.filter(code="150").update(translations={})
    registry.clear()
    assert registry.label("region", "150", "ru") == "Europe"
    call_command("load_reference_data")
    assert registry.label("region", "150", "ru") == "Европа"
