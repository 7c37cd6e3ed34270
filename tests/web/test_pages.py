"""Record pages, browse pages, home, error pages: status codes, published-only, contents that matter."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from portal.views.home import server_error
from tests.factories import ProvisionFactory, UserFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:  # noqa: ANN001
    return response.content.decode()


def test_every_page_answers_200_with_data(client, web_data) -> None:  # noqa: ANN001
    urls = [
        "/en/",
        web_data.law.get_absolute_url(),
        web_data.case.get_absolute_url(),
        web_data.authority.get_absolute_url(),
        "/en/countries/",
        "/en/countries/BRA/",
        "/en/countries/XIR/",
        "/en/instruments/",
        "/en/instruments/TIP/",
        "/en/instruments/TIP/articles/3/",
        "/en/instruments/UNTOC/articles/18/",
        "/en/instruments/UNTOC/coverage/",
        "/en/instruments/TIP/coverage/?region=150",
        "/en/instruments/TIP/coverage/?all=1",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("attr", ["draft_law", "draft_case", "draft_authority"])
def test_unpublished_records_are_404(client, web_data, attr) -> None:  # noqa: ANN001
    response = client.get(getattr(web_data, attr).get_absolute_url())
    assert response.status_code == 404
    assert "Page not found" in html(response)  # the site's own 404 page, not Django's


@pytest.mark.parametrize(
    "url",
    [
        "/en/laws/999999/",
        "/en/cases/999999/",
        "/en/authorities/999999/",
        "/en/countries/ZZZ/",
        "/en/instruments/NOPE/",
        "/en/instruments/TIP/articles/99/",
        "/en/instruments/NOPE/coverage/",
        "/en/instruments/TIP/coverage/?region=999",
        "/en/countries/?country=ZZZ",
        "/en/no-such-page/",
    ],
)
def test_unknown_things_are_404(client, web_data, url) -> None:  # noqa: ANN001
    assert client.get(url).status_code == 404


def test_law_page_shows_provisions_in_order_side_by_side_with_anchors_and_tag_links(client, web_data) -> None:  # noqa: ANN001
    body = html(client.get(web_data.law.get_absolute_url()))
    first, second = web_data.provisions[0], web_data.provisions[1]
    assert body.index(f'id="provision-{first.pk}"') < body.index(f'id="provision-{second.pk}"')
    assert 'class="parallel"' in body and 'lang="pt"' in body and "English translation" in body
    assert '<p class="original-title" lang="pt"' in body
    assert 'href="/en/search/?article=TIP-3"' in body
    assert 'href="/en/search/?crime_type=trafficking-in-persons"' in body
    assert 'href="/en/search/?issue=liability.principal"' in body
    assert "UNTOC 5(1)(a)" in body and "TIP 5(1)" in body
    gazette = web_data.law.attachments.get()
    assert f'href="/files/law/{gazette.pk}/"' in body and "Official Gazette" in body  # the checked download view
    assert "/media/" not in body
    assert "Cite this record" in body and f"http://testserver/en/laws/{web_data.law.pk}/" in body
    assert "Secret draft provision" not in body


def test_case_page_sections_tables_and_victims_by_initials(client, web_data) -> None:  # noqa: ANN001
    body = html(client.get(web_data.case.get_absolute_url()))
    for text in (
        "Summary of the facts",
        "Commentary and significant features",
        "Legal reasoning",
        "Eight years of imprisonment",
        "Joao Silva",
        "M.R.",
        "Labour inspectors",
        "Penal Code art. 149-A",
        "Convicted",
        "debt bondage",
    ):
        assert text in body, text
    assert body.count("<table") == 2
    assert f'href="{web_data.provisions[0].get_absolute_url()}"' in body  # charge links to the provision
    assert 'href="/en/search/?court_level=appeal"' in body


def test_authority_contact_details_hidden_for_anonymous(client, web_data) -> None:  # noqa: ANN001
    body = html(client.get(web_data.authority.get_absolute_url()))
    assert web_data.authority.name in body
    assert "Central authority for mutual legal assistance" in body
    for secret in ("central.authority@example.gov", "+55 61 2025 0000", "SCN Quadra 6", "Director of DRCI"):
        assert secret not in body
    assert "available to signed-in practitioners" in body


def test_authority_contact_details_shown_to_signed_in_practitioners(client, web_data) -> None:  # noqa: ANN001
    client.force_login(UserFactory(groups=["practitioners"]))
    body = html(client.get(web_data.authority.get_absolute_url()))
    for detail in ("central.authority@example.gov", "+55 61 2025 0000", "SCN Quadra 6", "Director of DRCI"):
        assert detail in body


def test_authority_contact_details_hidden_from_signed_in_non_practitioners(client, web_data) -> None:  # noqa: ANN001
    """Same rule as the API: an account alone (a focal point, say) is not a practitioner."""
    client.force_login(UserFactory())
    body = html(client.get(web_data.authority.get_absolute_url()))
    assert "central.authority@example.gov" not in body


def test_language_prefix_and_rtl(client, web_data) -> None:  # noqa: ANN001
    arabic = html(client.get("/ar/countries/BRA/"))
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "البرازيل" in arabic  # the UN Arabic short name, from Country.label_in
    french = html(client.get("/fr/countries/BRA/"))
    assert '<html lang="fr" dir="ltr">' in french and "Brésil" in french
    assert 'href="/fr/laws/' in french
    switcher = html(client.get(f"/en/laws/{web_data.law.pk}/"))
    for code in ("ar", "zh-hans", "fr", "ru", "es"):
        assert f'href="/{code}/laws/{web_data.law.pk}/"' in switcher
    assert client.get("/countries/BRA/").status_code == 302  # no prefix: redirected to one


def test_ui_is_translated(client, web_data) -> None:  # noqa: ANN001
    assert "Rechercher" in html(client.get("/fr/")) or "Recherche" in html(client.get("/fr/"))
    assert "Поиск" in html(client.get("/ru/"))
    assert "搜索" in html(client.get("/zh-hans/"))
    assert "بحث" in html(client.get("/ar/"))
    assert "Buscar" in html(client.get("/es/"))


def test_home_counts_only_published_records(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/")
    totals = response.context["totals"]
    assert totals == {
        "laws": 2,
        "provisions": 3,
        "cases": 1,
        "authorities": 1,
        "strategies": 0,
        "materials": 0,
        "countries": 2,
    }
    body = html(response)
    assert web_data.case.title in body and "Unpublished case" not in body
    crime = dict((c.code, n) for c, n in response.context["crime_types"])
    assert crime["trafficking-in-persons"] == 3  # two provisions + one case


def test_country_profile(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/countries/BRA/")
    body = html(response)
    assert web_data.law.title in body and web_data.case.title in body and web_data.authority.name in body
    assert web_data.draft_law.title not in body
    rows = {row["crime"].code: row for row in response.context["crime_rows"]}
    assert rows["trafficking-in-persons"]["provisions"] == 1 and rows["trafficking-in-persons"]["cases"] == 1
    tip = next(b for b in response.context["coverage"] if b["instrument"].code == "TIP")
    assert tip["covered"] == 2
    assert 'href="/en/search/?country=BRA&amp;article=TIP-3&amp;type=legislation"' in body
    assert client.get("/en/countries/bra/").status_code == 302


def test_country_picker_redirects_to_profile(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/countries/?country=fra")
    assert response.status_code == 302 and response["Location"] == "/en/countries/FRA/"


def test_article_page_groups_provisions_by_country_and_lists_cases(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/instruments/TIP/articles/3/")
    body = html(response)
    assert "Use of terms" in body
    assert body.index("Brazil") < body.index("France")
    assert web_data.provisions[0].get_absolute_url() in body and web_data.provisions[2].get_absolute_url() in body
    assert web_data.case.title in body
    assert response.context["provision_count"] == 2 and response.context["case_count"] == 1


def test_coverage_matrix_cells_and_region_filter(client, web_data) -> None:  # noqa: ANN001
    response = client.get("/en/instruments/TIP/coverage/")
    rows = {row["country"].alpha3: row for row in response.context["rows"]}
    assert set(rows) == {"BRA", "FRA"}
    tip3 = [n for n, _ in rows["BRA"]["cells"]][2]
    assert tip3 == 1
    assert "/en/search/?type=legislation&amp;country=BRA&amp;article=TIP-3" in html(response)
    europe = client.get("/en/instruments/TIP/coverage/?region=150")
    assert [row["country"].alpha3 for row in europe.context["rows"]] == ["FRA"]
    everyone = client.get("/en/instruments/TIP/coverage/?region=150&all=1")
    assert len(everyone.context["rows"]) > 40


def test_record_page_query_counts_do_not_grow_with_size(client, web_data, django_assert_max_num_queries) -> None:  # noqa: ANN001
    for order in range(3, 40):
        ProvisionFactory(law=web_data.law, order=order, tags={"articles": ["TIP-3"], "crime_types": ["corruption"]})
    with django_assert_max_num_queries(12):
        assert client.get(web_data.law.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(web_data.case.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(web_data.authority.get_absolute_url()).status_code == 200


def test_browse_pages_query_counts_are_bounded(client, web_data, django_assert_max_num_queries) -> None:  # noqa: ANN001
    with django_assert_max_num_queries(8):
        assert client.get("/en/instruments/UNTOC/coverage/?all=1").status_code == 200
    # + treaty statuses, + the registry's instruments (cold in a test), + the bibliography entries covering it
    with django_assert_max_num_queries(19):
        assert client.get("/en/countries/BRA/").status_code == 200
    with django_assert_max_num_queries(13):  # + the article's guidance, + the bibliography entries tagged with it
        assert client.get("/en/instruments/TIP/articles/3/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/en/countries/").status_code == 200
    with django_assert_max_num_queries(20):  # cold: the cached counts are computed
        assert client.get("/en/").status_code == 200
    with django_assert_max_num_queries(4):  # warm: only the vocabularies for the labels
        assert client.get("/en/").status_code == 200


def test_server_error_page_renders_without_database() -> None:
    request = RequestFactory().get("/en/")
    with translation.override("fr"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


def test_healthz(client) -> None:  # noqa: ANN001
    assert client.get(reverse("healthz")).json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok"},
    }


def test_home_counts_agree_between_search_engine_and_database(web_data) -> None:  # noqa: ANN001
    from portal.views.home import counts_from_database, counts_from_search

    assert counts_from_search() == counts_from_database()


def test_pages_survive_a_dead_search_engine(client, web_data, monkeypatch) -> None:  # noqa: ANN001
    from search.engines import EngineError, get_engine

    def fail(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise EngineError("engine down")

    monkeypatch.setattr(type(get_engine()), "search", fail)
    home = client.get("/en/")
    assert home.status_code == 200 and home.context["totals"]["cases"] == 1
    search = client.get("/en/search/", {"q": "trafficking"})
    assert search.status_code == 503 and "temporarily unavailable" in search.content.decode()
