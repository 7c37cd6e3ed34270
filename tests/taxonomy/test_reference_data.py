"""The shipped reference data is complete and loads idempotently."""

import pytest

from taxonomy.models import (
    Article,
    AuthorityRole,
    Country,
    CrimeSubType,
    CrimeType,
    Instrument,
    Issue,
    Language,
    Region,
)
from taxonomy.reference import load_reference_data

pytestmark = pytest.mark.django_db


def test_articles_per_instrument():
    counts = {i.code: i.articles.count() for i in Instrument.objects.all()}
    assert counts == {"UNTOC": 41, "TIP": 20, "SOM": 25, "FIREARMS": 21}
    assert Article.objects.count() == 107
    art = Article.objects.get(code="UNTOC-18")
    assert art.title == "Mutual legal assistance" and art.instrument.code == "UNTOC"
    assert Instrument.objects.get(code="TIP").parent.code == "UNTOC"


def test_crime_types_and_sub_vocabularies():
    assert CrimeType.objects.count() == 16
    tip = CrimeType.objects.get(code="trafficking-in-persons")
    facets = set(tip.subtypes.values_list("facet", flat=True))
    assert {"acts", "means", "purposes"} <= facets
    assert CrimeSubType.objects.filter(crime_type=tip, facet="means").count() == 6


def test_issue_tree_any_depth():
    leaf = Issue.objects.get(code="investigation.sit.undercover")
    assert leaf.depth == 2
    assert leaf.parent.code == "investigation.sit" and leaf.parent.parent.code == "investigation"
    assert leaf.ancestor_codes() == ["investigation", "investigation.sit", "investigation.sit.undercover"]
    assert not Issue.objects.filter(depth=0, parent__isnull=False).exists()


def test_countries_with_regions_and_six_language_names():
    assert Country.objects.filter(is_international=False).count() == 249
    bra = Country.objects.get(alpha3="BRA")
    assert (bra.alpha2, bra.m49) == ("BR", "076")
    assert bra.region.label == "Americas" and bra.subregion.label == "Latin America and the Caribbean"
    assert bra.intermediate_region.label == "South America"
    assert bra.region_codes() == ["019", "419", "005"]
    assert set(bra.translations) == {"fr", "es", "ru", "ar", "zh-hans"}
    assert bra.label_in("fr") == "Brésil (le)" or bra.label_in("fr").startswith("Brésil")
    assert bra.label_in("zh-hans") == "巴西"
    intl = Country.objects.get(is_international=True)
    assert intl.alpha3 == "XIR" and intl.label_in("fr").startswith("Organismes")
    assert Region.objects.filter(kind=Region.Kind.REGION).count() == 5


def test_languages_and_roles():
    assert list(Language.objects.values_list("code", flat=True).order_by("code")) == sorted(
        ["ar", "zh-hans", "en", "fr", "ru", "es"]
    )
    assert Language.objects.get(code="ar").rtl
    assert AuthorityRole.objects.get(code="mla-central").legal_basis.startswith("UNTOC art. 18(13)")


def test_reload_is_idempotent_and_keeps_translations():
    before = (Article.objects.count(), Country.objects.count(), Issue.objects.count())
    ct = CrimeType.objects.get(code="cybercrime")
    ct.translations = {"fr": "Cybercriminalité"}
    ct.save()
    load_reference_data()
    assert (Article.objects.count(), Country.objects.count(), Issue.objects.count()) == before
    ct.refresh_from_db()
    assert ct.label_in("fr") == "Cybercriminalité"
