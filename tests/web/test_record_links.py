"""Issue #18 screens through HTTP: a provision with the cases that applied it and its related provisions,
similar cases, and a case search filtered by the people and charges (victim nationality, verdict) in the
six languages, in the page and in the API; the search defects (orphan articles, empty-search order,
filters kept on a no-result page)."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from caselaw.models import Charge, Gender, Person, PersonRole, Verdict
from search.engines import EngineError
from search.indexing import rebuild
from sherloc.models import PublicationStatus
from tests.factories import CaseFactory, LawFactory, ProvisionFactory, country

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "es", "ru", "zh-hans", "ar")
# The labels the reader sees for Nigeria and "Convicted" (reference data, translations).
NIGERIA = {"en": "Nigeria", "fr": "Nigéria", "es": "Nigeria", "ru": "Нигерия", "zh-hans": "尼日利亚", "ar": "نيجيريا"}


def _charge(case, provision, verdict=Verdict.CONVICTED, months=None, nationality=None):  # noqa: ANN001, ANN202
    defendant = Person.objects.create(case=case, role=PersonRole.DEFENDANT, name="A. Defendant", gender=Gender.MALE)
    if nationality:
        Person.objects.create(
            case=case,
            role=PersonRole.VICTIM,
            name="V.N.",
            gender=Gender.FEMALE,
            nationality=nationality,
            age_at_offence=16,
        )
    return Charge.objects.create(
        case=case,
        defendant=defendant,
        statute="Penal Code",
        provision=provision,
        verdict=verdict,
        sentence_months=months,
    )


def provision_block(body: str, pk: int) -> str:
    start = body.index(f'id="provision-{pk}"')
    end = body.find('<section class="provision"', start + 1)
    return body[start : end if end > 0 else len(body)]


# --- a provision with its cases -------------------------------------------------------------------
def test_each_provision_lists_the_published_cases_whose_charges_cite_it(client, web_data) -> None:  # noqa: ANN001
    first, second = web_data.provisions[0], web_data.provisions[1]
    later = CaseFactory(title="Prosecutor v. Costa", portal_number="BRA002")
    _charge(later, first)
    _charge(later, first)  # two charges citing the same provision: the case is listed once
    hidden = CaseFactory(title="Unpublished appeal", portal_number="BRA003", status=PublicationStatus.IN_REVIEW)
    _charge(hidden, first)
    for language in LANGUAGES:
        body = client.get(f"/{language}/laws/{web_data.law.pk}/").content.decode()
        block = provision_block(body, first.pk)
        assert block.count(f'href="/{language}/cases/{later.pk}/"') == 1
        assert f'href="/{language}/cases/{web_data.case.pk}/"' in block
        assert "Unpublished appeal" not in body
        assert "/cases/" not in provision_block(body, second.pk)  # no charge cites it
    body = client.get(f"/en/laws/{web_data.law.pk}/").content.decode()
    assert "Applied in 2 cases" in provision_block(body, first.pk)


def test_law_page_queries_do_not_grow_with_cases_or_provisions(client, web_data, django_assert_num_queries) -> None:  # noqa: ANN001
    url = f"/en/laws/{web_data.law.pk}/"
    client.get(url)  # warm the vocabulary registry
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(8):
        provision = ProvisionFactory(law=web_data.law, order=10 + n, tags={"articles": ["TIP-3", "UNTOC-5"]})
        _charge(CaseFactory(), provision)
    with django_assert_num_queries(len(small.captured_queries)):
        body = client.get(url).content.decode()
    assert body.count("Applied in 1 case") == 9


def test_related_provisions_same_article_elsewhere_and_in_the_same_law(client, web_data) -> None:  # noqa: ANN001
    first = web_data.provisions[0]  # TIP-3, TIP-5(1)
    sibling = ProvisionFactory(law=web_data.law, order=3, label="Art. 149-B", tags={"articles": ["TIP-5"]})
    many = [
        ProvisionFactory(law=LawFactory(country=country("ESP")), order=1, tags={"articles": ["TIP-3"]})
        for _ in range(6)
    ]
    draft = LawFactory(country=country("ESP"), status=PublicationStatus.DRAFT, title="Borrador")
    ProvisionFactory(law=draft, order=1, tags={"articles": ["TIP-3"]})
    body = client.get(f"/en/laws/{web_data.law.pk}/").content.decode()
    block = provision_block(body, first.pk)
    related = block[block.index("Related provisions") :]
    assert f'href="#provision-{sibling.pk}"' in related  # same law, shares TIP-5
    assert "TIP 3 in other countries" in related
    assert f"/en/laws/{web_data.law_fr.pk}/#provision-{web_data.provisions[2].pk}" in related
    shown = sum(f"#provision-{p.pk}" in related for p in many)
    assert shown == 4  # five per article: France and four of the six Spanish laws
    assert "all 7" in related and "article=TIP-3" in related  # the link to the others
    assert "Borrador" not in related


# --- similar cases --------------------------------------------------------------------------------
def test_case_page_shows_similar_cases_from_the_engine(client, web_data) -> None:  # noqa: ANN001
    alike = CaseFactory(
        title="Prosecutor v. Pereira",
        fact_summary="Workers recruited with false job offers were held in debt bondage on a farm.",
        tags={"articles": [("TIP-3", "a")], "crime_types": ["trafficking-in-persons"]},
    )
    unrelated = CaseFactory(
        title="State v. Gunrunner",
        fact_summary="Rifles were shipped without a licence.",
        tags={"crime_types": ["firearms"]},
    )
    draft = CaseFactory(
        title="Draft similar case",
        status=PublicationStatus.DRAFT,
        tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]},
    )
    assert draft.pk
    rebuild()
    for language in LANGUAGES:
        body = client.get(f"/{language}/cases/{web_data.case.pk}/").content.decode()
        section = body[body.index('id="similar-cases"') :]
        assert f'href="/{language}/cases/{alike.pk}/"' in section
        assert f"/cases/{unrelated.pk}/" not in section and "Draft similar case" not in section
        assert f"/cases/{web_data.case.pk}/" not in section.split("</section>")[0]


def test_case_page_survives_an_engine_failure(client, web_data, monkeypatch) -> None:  # noqa: ANN001
    def down(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise EngineError("engine down")

    monkeypatch.setattr("search.service.similar", down)
    response = client.get(f"/en/cases/{web_data.case.pk}/")
    assert response.status_code == 200
    assert 'id="similar-cases"' not in response.content.decode()


# --- a case search by victim nationality and verdict ----------------------------------------------
@pytest.fixture
def people_cases(web_data):  # noqa: ANN001, ANN201
    nga = country("NGA")
    convicted = CaseFactory(title="Prosecutor v. Okon")
    _charge(convicted, None, Verdict.CONVICTED, months=72, nationality=nga)
    acquitted = CaseFactory(title="Prosecutor v. Adeyemi")
    _charge(acquitted, None, Verdict.ACQUITTED, nationality=nga)
    elsewhere = CaseFactory(title="Prosecutor v. Mensah")
    _charge(elsewhere, None, Verdict.CONVICTED, months=30, nationality=country("GHA"))
    rebuild()
    return convicted, acquitted, elsewhere


def test_case_search_by_victim_nationality_and_verdict_in_six_languages(client, people_cases) -> None:  # noqa: ANN001
    convicted, acquitted, elsewhere = people_cases
    for language in LANGUAGES:
        response = client.get(
            f"/{language}/search/", {"type": "case", "victim_nationality": "NGA", "verdict": "convicted"}
        )
        assert response.status_code == 200
        assert [h["url"] for h in response.context["hits"]] == [f"/{language}/cases/{convicted.pk}/"]
        panels = {p.name: p for p in response.context["panels"]}
        nationality = {o.value: o for o in panels["victim_nationality"].options}
        assert nationality["NGA"].selected and nationality["NGA"].label == NIGERIA[language]
        assert nationality["GHA"].count == 1  # multi-select: its own filter does not narrow it
        verdicts = {o.value: o.count for o in panels["verdict"].options}
        assert verdicts == {"convicted": 1, "acquitted": 1}
        body = response.content.decode()
        assert 'id="f-victim_nationality-NGA" name="victim_nationality" value="NGA" checked' in body
        assert escape(NIGERIA[language]) in body
    # The people panels belong to case searches: not on a search of every type.
    panels = {p.name for p in client.get("/en/search/").context["panels"]}
    assert "verdict" not in panels and "victim_nationality" not in panels


def test_api_case_search_by_victim_nationality_and_verdict(client, people_cases) -> None:  # noqa: ANN001
    convicted, _, _ = people_cases
    for language in LANGUAGES:
        response = client.get(
            "/api/v1/search/", {"type": "case", "victim_nationality": "NGA", "verdict": "convicted", "lang": language}
        )
        assert response.status_code == 200
        data = response.json()
        assert [hit["record_id"] for hit in data["results"]] == [convicted.pk]
        hit = data["results"][0]
        assert hit["victim_nationality"] == ["NGA"] and hit["verdict"] == ["convicted"]
        assert hit["victim_age"] == ["12_17"] and hit["sentence_band"] == ["5_10"]
        nationality = {v["value"]: v for v in data["facets"]["victim_nationality"]}
        assert nationality["NGA"]["label"] == NIGERIA[language] and nationality["GHA"]["count"] == 1
        assert "role" not in data["facets"]  # an authority facet: not counted for a case search
    response = client.get("/api/v1/search/", {"verdict": "guilty"})
    assert response.status_code == 400 and "verdict" in response.json()["errors"]


# --- search defects -------------------------------------------------------------------------------
def test_ticked_article_shows_no_orphan_articles_of_other_instruments(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/search/", {"article": "UNTOC-5", "country": "BRA", "type": "legislation"})
    panel = next(p for p in response.context["panels"] if p.name == "instrument")
    top = [(o.name, o.value) for o in panel.options + panel.more]
    assert all(name == "instrument" for name, _ in top), top  # no article without its instrument
    articles = {c.value for o in panel.options + panel.more for c in o.children}
    assert "UNTOC-5" in articles and not {"TIP-3", "TIP-5"} & articles


def test_empty_search_lists_newest_first_and_authorities_last(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/search/")
    types = [h["type"] for h in response.context["hits"]]
    assert types[-1] == "authority" and types[0] != "authority"
    assert response.context["sort"] == ["newest"]
    assert '<option value="newest" selected>' in response.content.decode()
    assert client.get("/en/search/", {"q": "trafficking"}).context["sort"] == ["relevance"]


def test_a_search_without_results_keeps_its_filters_in_the_sidebar(client, web_data) -> None:  # noqa: ANN001
    response = client.get(
        "/fr/search/",
        {
            "q": "zzzzqqq",
            "country": "BRA",
            "crime_type": "trafficking-in-persons",
            "type": "case",
            "verdict": "acquitted",
        },
    )
    assert response.context["result"].total == 0
    panels = {p.name: p for p in response.context["panels"]}
    brazil = next(o for o in panels["country"].options if o.value == "BRA")
    assert brazil.selected and brazil.label == "Brésil" and brazil.count == 0
    crime = next(o for o in panels["crime_type"].options if o.value == "trafficking-in-persons")
    assert crime.selected and crime.label != "trafficking-in-persons"
    verdict = next(o for o in panels["verdict"].options if o.value == "acquitted")
    assert verdict.selected and verdict.label == "Acquitté"
    body = response.content.decode()
    assert 'id="f-country-BRA" name="country" value="BRA" checked' in body


def test_search_page_counts_type_facets_only_where_their_panels_show(client, people_cases) -> None:  # noqa: ANN001
    every_type = client.get("/en/search/").context["result"].facets
    assert "verdict" not in every_type and "role" not in every_type and "country" in every_type
    cases = client.get("/en/search/", {"type": "case"}).context["result"].facets
    assert "verdict" in cases and "victim_nationality" in cases and "role" not in cases
    ticked = client.get("/en/search/", {"verdict": "acquitted"}).context["result"].facets
    assert ticked["verdict"] and "victim_age" not in ticked  # a ticked facet keeps its panel and its counts


def test_export_takes_the_people_filters(client, people_cases) -> None:  # noqa: ANN001
    import json

    convicted, acquitted, _ = people_cases
    response = client.get("/api/v1/export/", {"format": "jsonl", "victim_nationality": "NGA"})
    assert response.status_code == 200
    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines() if line]
    assert {line["title"] for line in lines} == {convicted.title, acquitted.title}


def test_designation_is_a_multi_select_facet_of_authority_search(client, web_data) -> None:  # noqa: ANN001
    from tests.factories import AuthorityFactory

    AuthorityFactory(name="Extradition Office", roles=["extradition"])
    AuthorityFactory(name="French central authority", country=country("FRA"), roles=["mla-central"])
    rebuild()
    for language in LANGUAGES:
        response = client.get(f"/{language}/search/", {"type": "authority", "country": "BRA", "role": "mla-central"})
        assert [h["title"] for h in response.context["hits"]] == [web_data.authority.name]
        panel = next(p for p in response.context["panels"] if p.name == "role")
        counts = {o.value: (o.count, o.selected) for o in panel.options}
        assert counts == {"mla-central": (1, True), "extradition": (1, False)}  # own filter left out
    data = client.get("/api/v1/search/", {"type": "authority", "role": "mla-central,extradition", "lang": "ar"}).json()
    assert data["count"] == 3
    labels = {v["value"]: v["label"] for v in data["facets"]["role"]}
    assert labels["mla-central"] == "السلطة المركزية المعنية بالمساعدة القانونية المتبادلة"
