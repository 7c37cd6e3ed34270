"""The search service: parameter parsing and validation, facet labels and ordering, timing."""

import pytest
from django.http import QueryDict

from search import service
from search.engines import get_engine, reset_engine
from search.facets import FACET_NAMES
from search.query import QueryError, SearchQuery, Sort
from search.results import SearchResult
from taxonomy import registry
from taxonomy.models import Country
from tests.search.test_engine_contract import make_doc

TIP = ("trafficking-in-persons",)
SOM = ("smuggling-of-migrants",)


def _doc(doc_id: str, country: str, year: int | None, crime_type: tuple[str, ...], language: str = "en") -> dict:
    return make_doc(
        doc_id,
        f"Record {doc_id}",
        {language: {"title": f"Record {doc_id}", "body": "Cooperation against organized crime."}},
        language=language,
        country=country,
        instrument=("TIP", "UNTOC"),
        article=("TIP-3",),
        region=("150",),
        crime_type=crime_type,
        issue=("cooperation", "cooperation.mla"),
        year=year,
        date=f"{year}-01-01" if year else None,
    )


DOCS = [
    _doc("provision:1", "BRA", 2016, TIP, "pt"),
    _doc("provision:2", "FRA", 2019, SOM, "fr"),
    _doc("case:1", "FRA", 2019, TIP, "fr"),
    _doc("case:2", "EGY", 2021, SOM, "ar"),
    _doc("case:3", "BRA", 2016, ()),
    _doc("authority:1", "FRA", None, ()),
]


@pytest.fixture
def indexed(settings, db):  # noqa: ANN001, ANN201
    settings.SEARCH_ENGINE = "tantivy"
    reset_engine()
    registry.clear()
    get_engine().upsert(DOCS)
    yield
    registry.clear()


def _labels(result: SearchResult, facet: str) -> list[tuple[str, str, int]]:
    return [(v.value, v.label, v.count) for v in result.facets[facet]]


# --- search ---------------------------------------------------------------------------------------
def test_search_returns_labelled_sorted_facets_and_timing(indexed) -> None:  # noqa: ANN001
    result = service.search(SearchQuery())
    assert isinstance(result, SearchResult)
    assert result.total == 6
    assert (result.page, result.page_size) == (1, 20)
    assert result.took_ms > 0
    assert set(result.facets) == set(FACET_NAMES)
    assert _labels(result, "country") == [
        ("FRA", "France", 3),
        ("BRA", "Brazil", 2),
        ("EGY", "Egypt", 1),
    ]
    assert _labels(result, "type") == [
        ("case", "Case law", 3),
        ("legislation", "Legislation", 2),
        ("authority", "Competent authorities", 1),
    ]
    # Equal counts: by label.
    assert _labels(result, "crime_type") == [
        ("smuggling-of-migrants", "Smuggling of migrants", 2),
        ("trafficking-in-persons", "Trafficking in persons", 2),
    ]
    # Year: newest first, whatever the counts.
    assert _labels(result, "year") == [("2021", "2021", 1), ("2019", "2019", 2), ("2016", "2016", 2)]
    assert _labels(result, "instrument") == [
        ("UNTOC", "Organized Crime Convention", 6),
        ("TIP", "Trafficking in Persons Protocol", 6),
    ]
    assert _labels(result, "article") == [("TIP-3", "3. Use of terms", 6)]
    assert _labels(result, "region") == [("150", "Europe", 6)]
    assert [v.label for v in result.facets["language"]] == ["English", "French", "Arabic", "pt"]


def test_country_labels_in_french_and_arabic(indexed) -> None:  # noqa: ANN001
    french = service.search(SearchQuery(language="fr"))
    assert _labels(french, "country") == [
        ("FRA", "France", 3),
        ("BRA", "Brésil", 2),
        ("EGY", "Égypte", 1),
    ]
    arabic = service.search(SearchQuery(language="ar"))
    assert _labels(arabic, "country") == [("FRA", "فرنسا", 3), ("BRA", "البرازيل", 2), ("EGY", "مصر", 1)]


def test_unknown_facet_values_keep_their_code_as_label(indexed) -> None:  # noqa: ANN001
    get_engine().upsert([_doc("case:9", "ZZZ", 2000, ("not-a-crime",))])
    result = service.search(SearchQuery(filters={"country": ("ZZZ",)}))
    assert ("not-a-crime", "not-a-crime", 1) in _labels(result, "crime_type")


def test_label_cache_is_cleared_on_demand(indexed) -> None:  # noqa: ANN001
    assert service.facet_labels("country", "fr")["FRA"] == "France"
    france = Country.objects.get(alpha3="FRA")
    # A queryset update sends no signal: only registry.clear() can make the change visible.
    Country.objects.filter(pk=france.pk).update(translations={**france.translations, "fr": "République française"})
    assert service.facet_labels("country", "fr")["FRA"] == "France"  # cached
    registry.clear()
    assert service.facet_labels("country", "fr")["FRA"] == "République française"


def test_search_with_params_end_to_end(indexed) -> None:  # noqa: ANN001
    query = service.query_from_params(QueryDict("country=br&country=FRA&type=case&sort=newest"), "fr")
    result = service.search(query)
    assert [hit.id for hit in result.hits] == ["case:1", "case:3"]
    assert {v.value: v.count for v in result.facets["type"]} == {"case": 2, "legislation": 2, "authority": 1}
    # The type filter applies, not the country one; equal counts sort by label, ignoring accents.
    assert _labels(result, "country") == [
        ("BRA", "Brésil", 1),
        ("EGY", "Égypte", 1),
        ("FRA", "France", 1),
    ]


# --- query_from_params ----------------------------------------------------------------------------
@pytest.mark.django_db
def test_params_are_parsed() -> None:
    query = service.query_from_params(
        {
            "q": "trafficking persons",
            "country": ["br,fra", "EG"],
            "type": "case,legislation",
            "instrument": "tip",
            "article": ["TIP-3", "UNTOC-5"],
            "crime_type": "trafficking-in-persons",
            "crime_subtype": [],
            "issue": "investigation.sit",
            "language": "zh-hans,FR",
            "court_level": "appeal",
            "legal_status": "in_force",
            "role": "mla-central",
            "region": "150",
            "year": "2019,2020",
            "year_from": "2010",
            "year_to": "2020",
            "sort": "newest",
            "page": "3",
            "page_size": "50",
            "facets": "country,type",
        },
        "fr",
    )
    assert query.text == "trafficking persons"
    assert query.filters == {
        "type": ("case", "legislation"),
        "country": ("BRA", "FRA", "EGY"),
        "region": ("150",),
        "instrument": ("TIP",),
        "article": ("TIP-3", "UNTOC-5"),
        "crime_type": ("trafficking-in-persons",),
        "issue": ("investigation.sit",),
        "year": ("2019", "2020"),
        "language": ("zh-hans", "fr"),
        "court_level": ("appeal",),
        "legal_status": ("in_force",),
        "role": ("mla-central",),
    }
    assert (query.year_from, query.year_to) == (2010, 2020)
    assert (query.sort, query.page, query.page_size) == (Sort.NEWEST, 3, 50)
    assert query.facets == ("country", "type")
    assert query.language == "fr"
    assert query.cursor is None


@pytest.mark.django_db
def test_defaults_and_querydict() -> None:
    query = service.query_from_params(QueryDict(""), "en")
    assert query == SearchQuery(language="en", sort=Sort.NEWEST)  # no text: newest first (default_sort)
    assert service.query_from_params(QueryDict("q=fraud"), "en").sort is Sort.RELEVANCE
    query = service.query_from_params(QueryDict("q=a&country=FR&country=DE,FR&cursor=abc&facets="), "en")
    assert query.filters == {"country": ("FRA", "DEU")}
    assert query.cursor == "abc"
    assert query.facets == ()


@pytest.mark.django_db
def test_ignored_params() -> None:
    assert service.query_from_params({"format": "csv", "q": "x"}, "en", ignore=("format",)).text == "x"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"country": "XXX"}, "country"),
        ({"country": "BRA,XX"}, "country"),
        ({"type": "statute"}, "type"),
        ({"region": "999"}, "region"),
        ({"instrument": "UNCAC-X"}, "instrument"),
        ({"article": "TIP-999"}, "article"),
        ({"crime_type": "jaywalking"}, "crime_type"),
        ({"crime_subtype": "nope"}, "crime_subtype"),
        ({"issue": "nope.nope"}, "issue"),
        ({"language": "xx"}, "language"),
        ({"court_level": "supreme-ish"}, "court_level"),
        ({"legal_status": "dormant"}, "legal_status"),
        ({"role": "oracle"}, "role"),
        ({"year": "twenty"}, "year"),
        ({"year": "99999"}, "year"),
        ({"year_from": "abc"}, "year_from"),
        ({"year_to": "2020.5"}, "year_to"),
        ({"year_from": "2020", "year_to": "2010"}, "year_from"),
        ({"sort": "best"}, "sort"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": ["1", "2"]}, "page"),
        ({"page": "1000", "page_size": "100"}, "page"),
        ({"page_size": "x"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "1000"}, "page_size"),
        ({"facets": "country,colour"}, "facets"),
        ({"colour": "red"}, "colour"),
        ({"q": "x", "Country": "BRA"}, "Country"),
    ],
)
def test_invalid_params_name_the_param(params: dict, param: str) -> None:
    with pytest.raises(QueryError) as error:
        service.query_from_params(params, "en")
    assert error.value.param == param
    assert error.value.message


@pytest.mark.django_db
def test_too_many_values() -> None:
    with pytest.raises(QueryError) as error:
        service.query_from_params({"country": ",".join(f"X{i:03d}" for i in range(201))}, "en")
    assert error.value.param == "country"


@pytest.mark.django_db(transaction=False)
def test_validation_does_not_query_the_database_once_warm(django_assert_num_queries) -> None:  # noqa: ANN001
    registry.clear()
    params = {"country": "BRA", "article": "TIP-3", "issue": "investigation.sit"}
    service.query_from_params(params, "en")
    with django_assert_num_queries(0):
        service.query_from_params(params, "en")


# --- most words and ways out of an empty result ---------------------------------------------------------
def test_all_words_first_then_most_of_them_flagged_relaxed(indexed) -> None:  # noqa: ANN001
    exact = service.search(SearchQuery(text="organized crime", facets=()))
    assert exact.total == len(DOCS) and not exact.relaxed
    fallback = service.search(SearchQuery(text="organized crime zzyzx", facets=("country",)))
    assert fallback.relaxed and fallback.total == len(DOCS)
    assert sum(v.count for v in fallback.facets["country"]) == len(DOCS)  # facets of the relaxed search
    assert fallback.suggestions == []


def test_a_phrase_or_a_single_word_is_not_relaxed(indexed) -> None:  # noqa: ANN001
    for text in ('"organized zzyzx"', "zzyzx", '"against organized" zzyzx'):
        result = service.search(SearchQuery(text=text, facets=()))
        assert result.total == 0 and not result.relaxed, text


def test_relaxed_cursor_pages_continue_the_relaxed_search(indexed) -> None:  # noqa: ANN001
    first = service.search(SearchQuery(text="crime organized zzyzx", page_size=2, facets=()))
    seen = [h.id for h in first.hits]
    cursor = first.next_cursor
    while cursor:
        page = service.search(SearchQuery(text="crime organized zzyzx", page_size=2, cursor=cursor, facets=()))
        assert page.relaxed
        seen += [h.id for h in page.hits]
        cursor = page.next_cursor
    assert sorted(seen) == sorted(d["id"] for d in DOCS)


def test_empty_result_suggests_dropping_each_filter_with_its_count(indexed) -> None:  # noqa: ANN001
    # Egypt has no trafficking record: without the country, two records; without the crime type, one
    # (both through most of the words: no record has "zzyzx").
    query = SearchQuery(text="cooperation zzyzx", filters={"country": ("EGY",), "crime_type": TIP}, facets=())
    result = service.search(query)
    assert result.total == 0
    assert [(s.kind, s.name, s.count) for s in result.suggestions] == [
        ("filter", "country", 2),
        ("filter", "crime_type", 1),
    ]
    for suggestion in result.suggestions:  # the count is what the widened search shows
        filters = {k: v for k, v in query.filters.items() if k != suggestion.name}
        assert service.search(SearchQuery(text=query.text, filters=filters, facets=())).total == suggestion.count


def test_empty_result_suggests_dropping_words_and_the_text(indexed) -> None:  # noqa: ANN001
    query = SearchQuery(text='cooperation "zzyzx plugh"', filters={"country": ("FRA",)}, year_from=2019, facets=())
    result = service.search(query)
    assert result.total == 0 and not result.relaxed  # a phrase stays required
    assert [(s.kind, s.name, s.text, s.dropped, s.count) for s in result.suggestions] == [
        ("words", "", "cooperation", ('"zzyzx plugh"',), 2),  # FRA from 2019: provision:2 and case:1
        ("words", "", "", ("cooperation", '"zzyzx plugh"'), 2),
    ]


def test_suggestions_are_bounded(indexed, monkeypatch) -> None:  # noqa: ANN001
    engine = get_engine()
    calls = []
    original = engine.search
    monkeypatch.setattr(engine, "search", lambda q: calls.append(q) or original(q))
    filters = {"country": ("EGY",), "region": ("150",), "language": ("ar",)}
    query = SearchQuery(text="cooperation zzyzx", filters=filters, year_from=2030, facets=())
    ways = service.suggestions(engine, query)
    # Three filters, the year range, then the first word: five ways tried, the sixth (drop "zzyzx") not.
    assert len(calls) <= 2 * service.MAX_SUGGESTIONS == 10
    assert not any(q.text == "cooperation" for q in calls)
    assert [(w.kind, w.name, w.count) for w in ways] == [("filter", service.YEAR_RANGE, 1)]


# --- people facets, default order and facets, article tree (issue #18) ----------------------------
def _person_case(doc_id: str, people: dict) -> dict:
    doc = _doc(doc_id, "NGA", 2020, TIP)
    return {**doc, **people}


@pytest.fixture
def people_indexed(indexed):  # noqa: ANN001, ANN201
    get_engine().upsert(
        [
            _person_case("case:11", {"victim_nationality": ["NGA"], "verdict": ["convicted"], "victim_age": ["18_24"]}),
            _person_case("case:12", {"victim_nationality": ["BEN"], "verdict": ["acquitted"], "victim_age": ["12_17"]}),
            _person_case(
                "case:13", {"victim_nationality": ["NGA", "BEN"], "verdict": ["convicted"], "group_size": "10_plus"}
            ),
        ]
    )


def test_people_filters_take_codes_and_answer_with_labels_in_the_readers_language(people_indexed) -> None:  # noqa: ANN001
    query = service.query_from_params(QueryDict("victim_nationality=ng&verdict=CONVICTED&type=case"), "fr")
    assert query.filters == {"victim_nationality": ("NGA",), "verdict": ("convicted",), "type": ("case",)}
    result = service.search(query)
    assert {hit.id for hit in result.hits} == {"case:11", "case:13"}
    assert _labels(result, "verdict") == [("convicted", "Condamné", 2)]  # case:12 is no Nigerian victim's
    assert _labels(result, "victim_nationality") == [("NGA", "Nigéria", 2), ("BEN", "Bénin", 1)]
    # bands in their own order, not by count
    assert [v.value for v in result.facets["victim_age"]] == ["18_24"]
    result = service.search(service.query_from_params(QueryDict("type=case"), "en"))
    assert [v.value for v in result.facets["victim_age"]] == ["12_17", "18_24"]
    assert _labels(result, "group_size") == [("10_plus", "10 or more defendants", 1)]


@pytest.mark.parametrize(
    ("params", "param"),
    [("verdict=guilty", "verdict"), ("victim_nationality=XX1", "victim_nationality"), ("victim_age=7", "victim_age")],
)
def test_unknown_people_values_name_the_parameter(params: str, param: str, db) -> None:  # noqa: ANN001
    with pytest.raises(QueryError) as error:
        service.query_from_params(QueryDict(params), "en")
    assert error.value.param == param


def test_empty_text_sorts_newest_first_and_authorities_come_last(indexed) -> None:  # noqa: ANN001
    result = service.search(service.query_from_params(QueryDict(""), "en"))
    assert result.hits[0].id == "case:2"  # 2021, the newest
    assert result.hits[-1].id == "authority:1"
    assert service.query_from_params(QueryDict("sort=relevance"), "en").sort is Sort.RELEVANCE


def test_default_facets_leave_out_other_types_facets(db) -> None:  # noqa: ANN001
    assert service.query_from_params(QueryDict(""), "en").facets == FACET_NAMES
    laws = service.query_from_params(QueryDict("type=legislation"), "en").facets
    assert "verdict" not in laws and "role" not in laws and "country" in laws
    cases = service.query_from_params(QueryDict("type=case"), "en").facets
    assert "verdict" in cases and "court_level" in cases and "role" not in cases
    assert "role" in service.query_from_params(QueryDict("type=authority,legislation"), "en").facets
    assert service.query_from_params(QueryDict("type=case&facets=country"), "en").facets == ("country",)


def test_a_ticked_article_does_not_bring_other_instruments_articles(indexed) -> None:  # noqa: ANN001
    get_engine().upsert(
        [
            {**_doc("provision:21", "BRA", 2015, TIP), "instrument": ["UNTOC"], "article": ["UNTOC-5"]},
            {**_doc("provision:22", "BRA", 2015, TIP), "instrument": ["UNTOC"], "article": ["UNTOC-6"]},
            {**_doc("provision:23", "BRA", 2015, TIP), "instrument": ["SOM"], "article": ["SOM-6"]},
        ]
    )
    query = service.query_from_params(QueryDict("article=UNTOC-5&country=BRA&type=legislation"), "en")
    result = service.search(query)
    assert [hit.id for hit in result.hits] == ["provision:21"]
    assert [v.value for v in result.facets["instrument"]] == ["UNTOC"]
    # UNTOC-6 is another value of the same instrument (multi-select); TIP-3 and SOM-6 belong to instruments
    # none of the results has: they are left out.
    assert {v.value for v in result.facets["article"]} == {"UNTOC-5", "UNTOC-6"}
    # Without an article ticked, every article stays.
    result = service.search(service.query_from_params(QueryDict("country=BRA&type=legislation"), "en"))
    assert {"TIP-3", "SOM-6", "UNTOC-5"} <= {v.value for v in result.facets["article"]}
