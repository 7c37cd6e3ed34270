"""The web search page: results, facets, chips, tabs, sort, pagination, snippets, downloads, errors."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from portal.templatetags.facet_panels import build_panels, filter_labels
from search.results import FacetValue
from tests.factories import ProvisionFactory

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"


def html(response) -> str:  # noqa: ANN001
    return response.content.decode()


def query_of(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query)


def test_empty_search_lists_published_records_only(client, web_data) -> None:  # noqa: ANN001
    response = client.get(SEARCH)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.total == 5  # three provisions, one case, one authority
    body = html(response)
    assert "Secret draft provision" not in body and "Unpublished case" not in body
    assert 'role="search"' in body and '<label for="q">' in body


def test_text_search_highlights_with_mark_and_escapes_the_rest(client, web_data) -> None:  # noqa: ANN001
    # Provision text is rich text: the index holds its plain text (no script), which snippets escape.
    ProvisionFactory(law=web_data.law, order=9, text="Trafficking <script>alert(1)</script> of persons aged < 18.")
    from search.indexing import rebuild

    rebuild()
    body = html(client.get(SEARCH, {"q": "trafficking"}))
    assert "<mark>" in body
    assert "<script>alert(1)</script>" not in body and "alert(1)" not in body
    assert "of persons aged &lt; 18" in body


def test_result_titles_and_article_references_are_escaped(client, web_data) -> None:  # noqa: ANN001
    # The result items are built in Python (portal/templatetags/result_html.py): same escaping as a template.
    from search.indexing import rebuild
    from tests.factories import LawFactory

    law = LawFactory(title='Quokka <b onclick="x()">Act</b> & Co')
    ProvisionFactory(law=law, order=1, text="Quokka protection.")
    rebuild()
    body = html(client.get(SEARCH, {"q": "quokka"}))
    assert "Quokka &lt;b onclick=&quot;x()&quot;&gt;Act&lt;/b&gt; &amp; Co" in body
    assert '<b onclick="x()">' not in body
    assert '<li class="result"><span class="badge badge-legislation">' in body


def test_facet_checkboxes_chips_and_clear_all(client, web_data) -> None:  # noqa: ANN001
    response = client.get(
        SEARCH, {"q": "trafficking", "country": ["BRA", "FRA"], "crime_type": "trafficking-in-persons"}
    )
    assert response.status_code == 200
    body = html(response)
    assert 'id="f-country-BRA" name="country" value="BRA" checked' in body
    assert 'id="f-country-FRA" name="country" value="FRA" checked' in body
    chips = response.context["chips"]
    assert len(chips) == 3
    brazil = next(c for c in chips if ("country", "BRA") not in query_of(c["url"]))
    remaining = query_of(brazil["url"])
    assert ("country", "FRA") in remaining and ("q", "trafficking") in remaining
    assert ("crime_type", "trafficking-in-persons") in remaining
    assert query_of(response.context["clear_url"]) == [("q", "trafficking")]
    assert "Clear all filters" in body


def test_type_tabs_have_counts_and_keep_filters(client, web_data) -> None:  # noqa: ANN001
    response = client.get(SEARCH, {"country": "BRA", "type": "case"})
    tabs = {t["label"]: t for t in response.context["tabs"]}
    assert tabs["Case law"]["current"] and tabs["Case law"]["count"] == 1
    assert tabs["Legislation"]["count"] == 2 and tabs["Competent authorities"]["count"] == 1
    assert tabs["All"]["count"] == 4
    assert ("country", "BRA") in query_of(tabs["Legislation"]["url"])
    assert ("type", "legislation") in query_of(tabs["Legislation"]["url"])
    assert [h["type"] for h in response.context["hits"]] == ["case"]
    assert '<input type="hidden" name="type" value="case">' in html(response)


def test_instrument_article_tree_facet(client, web_data) -> None:  # noqa: ANN001
    response = client.get(SEARCH, {"article": "TIP-3"})
    panel = next(p for p in response.context["panels"] if p.name == "instrument")
    tip = next(o for o in panel.options if o.value == "TIP")
    assert [c.value for c in tip.children][:1] == ["TIP-3"] and tip.children[0].selected and tip.open
    assert response.context["result"].total == 3  # two provisions and the case


def test_sort_and_pagination_keep_state(client, web_data) -> None:  # noqa: ANN001
    for order in range(10, 40):
        ProvisionFactory(law=web_data.law, order=order, tags={"crime_types": ["corruption"]})
    from search.indexing import rebuild

    rebuild()
    response = client.get(SEARCH, {"crime_type": "corruption", "sort": "title", "page": "2"})
    assert response.status_code == 200
    pages = response.context["pages"]
    assert [link.get("number") for link in pages["links"]] == [1, 2]
    assert pages["first_index"] == 21 and pages["last_index"] == 30
    assert ("sort", "title") in query_of(pages["previous"]) and ("page", "2") not in query_of(pages["previous"])
    assert 'option value="title" selected' in html(response)


def test_download_links_carry_the_filters(client, web_data) -> None:  # noqa: ANN001
    response = client.get(SEARCH, {"q": "trafficking", "country": ["BRA", "FRA"], "page": "1"})
    csv, jsonl = response.context["downloads"]
    assert csv["url"].startswith("/api/v1/export/?format=csv")
    assert jsonl["url"].startswith("/api/v1/export/?format=jsonl")
    params = dict(query_of(csv["url"]))
    assert params["q"] == "trafficking" and params["country"] == "BRA,FRA" and "page" not in params


def test_no_results_suggests_ways_out_each_with_its_count(client, web_data) -> None:  # noqa: ANN001
    in_brazil = client.get(SEARCH, {"q": "trafficking", "country": "BRA"}).context["result"].total
    response = client.get(SEARCH, {"q": "trafficking zzyzx", "country": "BRA", "year_from": "2999"})
    assert response.status_code == 200 and response.context["result"].total == 0
    body = html(response)
    assert "No records match this search" in body
    relax = response.context["relax"]
    # Only dropping the year finds something: "trafficking" in Brazil (no record has "zzyzx").
    assert [s["kind"] for s in relax] == ["filter"]
    for suggestion in relax:
        assert suggestion["count"] > 0
        assert client.get(suggestion["url"]).context["result"].total == suggestion["count"]
    year = next(s for s in relax if s["kind"] == "filter" and s["name"] == "From year")
    assert ("year_from", "2999") not in query_of(year["url"]) and ("country", "BRA") in query_of(year["url"])
    assert year["count"] == in_brazil > 0
    assert f"({in_brazil} result" in body


def test_no_results_suggests_leaving_the_record_type(client, web_data) -> None:  # noqa: ANN001
    all_types = client.get(SEARCH, {"q": "trafficking", "country": "BRA"}).context["result"].total
    response = client.get(SEARCH, {"q": "trafficking", "country": "BRA", "type": "authority"})
    assert response.context["result"].total == 0
    [way] = [s for s in response.context["relax"] if s.get("name") == "Record type"]
    assert way["label"] == "Competent authorities" and way["count"] == all_types
    assert ("type", "authority") not in query_of(way["url"])


def test_no_results_without_a_way_out_shows_only_the_advice(client, web_data) -> None:  # noqa: ANN001
    response = client.get(SEARCH, {"q": "zzyzx"})
    assert response.context["result"].total == 0 and response.context["relax"] == []
    assert "Try widening it" not in html(response)


def test_most_words_when_no_record_has_all_of_them(client, web_data) -> None:  # noqa: ANN001
    plain = client.get(SEARCH, {"q": "trafficking"}).context["result"]
    response = client.get(SEARCH, {"q": "the trafficking of zzyzx"})
    result = response.context["result"]
    assert result.relaxed and result.total == plain.total
    assert "No record has all the words; showing records with most of them." in html(response)
    assert not client.get(SEARCH, {"q": "trafficking"}).context["result"].relaxed
    assert "No record has all the words" not in html(client.get(SEARCH, {"q": "trafficking"}))


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"sort": "sideways"}, "sort"),
        ({"year_from": "20x"}, "year_from"),
        ({"year_from": "2020", "year_to": "2010"}, "year_from"),
        ({"page": "100000"}, "page"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, web_data, params, param) -> None:  # noqa: ANN001
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    body = html(response)
    assert f"“{param}”" in body and 'role="alert"' in body
    assert response.context["error"]["param"] == param


def test_search_page_in_arabic_is_rtl(client, web_data) -> None:  # noqa: ANN001
    body = html(client.get("/ar/search/", {"country": "BRA"}))
    assert '<html lang="ar" dir="rtl">' in body
    assert "البرازيل" in body


def test_search_page_query_count_is_bounded(client, web_data, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client.get(SEARCH)  # warm the service's vocabulary caches
    with django_assert_max_num_queries(6):
        assert client.get(SEARCH, {"q": "trafficking", "country": "BRA", "role": "mla-central"}).status_code == 200


def test_panels_nest_issue_tree_and_keep_ticked_zero_count_values() -> None:
    facets = {
        "issue": [FacetValue("liability", "Criminal liability", 3), FacetValue("liability.principal", "Principal", 1)],
        "country": [FacetValue(f"C{i:02d}", f"Country {i}", 20 - i) for i in range(12)],
    }
    panels = {p.name: p for p in build_panels(facets, {("country", "ZZZ"), ("country", "C11")}, "en")}
    issue = panels["issue"].options
    assert [o.value for o in issue] == ["liability"] and issue[0].children[0].value == "liability.principal"
    country = panels["country"]
    visible = [o.value for o in country.options]
    assert visible[:8] == [f"C{i:02d}" for i in range(8)] and "C11" in visible and "ZZZ" in visible
    assert [o.value for o in country.more] == ["C08", "C09", "C10"]
    assert country.filterable and country.selected_count == 2


def test_filter_labels_fall_back_to_vocabularies_in_the_language() -> None:
    params = [("country", "BRA"), ("crime_subtype", "nope"), ("court_level", "appeal"), ("type", "case")]
    labels = filter_labels(params, {}, "fr")
    assert labels[("country", "BRA")].startswith("Brésil")
    assert labels[("court_level", "appeal")] == "Appeal"  # gettext_lazy choice, rendered in active language
    assert ("crime_subtype", "nope") not in labels


def test_result_subtitles_use_the_readers_country_name(client, web_data) -> None:  # noqa: ANN001
    """Subtitles are indexed in English; a French or Arabic reader sees the UN name in their language."""
    french = client.get("/fr/search/?country=BRA").content.decode()
    arabic = client.get("/ar/search/?country=BRA").content.decode()
    assert "Brésil" in french and "البرازيل" in arabic
    assert '<p class="subtitle" dir="auto">Brazil' not in french + arabic
