"""The engine contract: every engine (tantivy, Elasticsearch, OpenSearch) must pass the same behaviour tests.

The corpus below is hand-written (no statute text is copied) and follows search/schema.py exactly.
Each test asserts exact ids and counts, so an engine that ranks, filters or counts differently fails.
The Elasticsearch run needs a live cluster: set ELASTICSEARCH_URL to run it. The OpenSearch run needs
OPENSEARCH_URL (`make opensearch` starts a node); it is a `services` test, so CI's services pass, which
starts the node, fails instead of skipping it.
"""

import os
import uuid
from collections.abc import Iterator

import pytest
from django.conf import settings

from search.engines.base import SearchEngine
from search.query import Match, QueryError, SearchQuery, Sort
from search.schema import CASE_PEOPLE_FIELDS, DOC_KINDS, KEYWORD_FIELDS, MULTI_VALUED, parse_doc_id

V1 = "2026-01-01T10:00:00+00:00"


def make_doc(
    doc_id: str,
    title: str,
    texts: dict[str, dict[str, str]],
    *,
    language: str,
    country: str,
    region: tuple[str, ...] = (),
    instrument: tuple[str, ...] = (),
    article: tuple[str, ...] = (),
    crime_type: tuple[str, ...] = (),
    crime_subtype: tuple[str, ...] = (),
    issue: tuple[str, ...] = (),
    year: int | None = None,
    date: str | None = None,
    court_level: str = "",
    legal_status: str = "",
    role: tuple[str, ...] = (),
    version: str = V1,
    people: dict | None = None,
) -> dict:
    kind, pk = parse_doc_id(doc_id)
    return {
        "id": doc_id,
        "type": DOC_KINDS[kind],
        "record_id": pk,
        "parent_id": 100 + pk if kind == "provision" else None,
        "version": version,
        "url": f"/{kind}/{pk}/",
        "title": title,
        "subtitle": f"{country} · test",
        "texts": texts,
        "language": language,
        "country": country,
        "region": list(region),
        "instrument": list(instrument),
        "article": list(article),
        "article_ref": [a.replace("-", " ") for a in article],
        "crime_type": list(crime_type),
        "crime_subtype": list(crime_subtype),
        "issue": list(issue),
        "year": year,
        "date": date,
        "court_level": court_level,
        "legal_status": legal_status,
        "role": list(role),
        "publication_type": "",
        "research_method": "",
        **{name: [] if name in MULTI_VALUED else "" for name in CASE_PEOPLE_FIELDS},
        **(people or {}),
        "sort_title": title.lower(),
    }


TIP = ("trafficking-in-persons",)
SOM = ("smuggling-of-migrants",)

CORPUS = [
    make_doc(
        "provision:1",
        "Penal Code: Art. 149-A Trafficking in persons",
        {
            "pt": {
                "title": "Código Penal: Art. 149-A Tráfico de pessoas",
                "body": "Agenciar, recrutar ou alojar pessoa mediante grave ameaça ou fraude, com a finalidade de "
                "exploração do seu trabalho.",
            },
            "en": {
                "title": "Penal Code: Art. 149-A Trafficking in persons",
                "body": "Recruiting, transporting or harbouring a person by threat, force or fraud for the purpose "
                "of exploitation is punished as trafficking in persons.",
            },
        },
        language="pt",
        country="BRA",
        region=("019", "419", "005"),
        instrument=("TIP", "UNTOC"),
        article=("TIP-3", "UNTOC-5"),
        crime_type=TIP,
        issue=("criminalization",),
        year=2016,
        date="2016-10-06",
        legal_status="in_force",
    ),
    make_doc(
        "provision:2",
        "Code pénal : art. 225-4-1 Traite des êtres humains",
        {
            "fr": {
                "title": "Code pénal : art. 225-4-1 Traite des êtres humains",
                "body": "La traite des êtres humains est le fait de recruter une personne en vue de son "
                "exploitation, contre une rémunération ou un avantage.",
            }
        },
        language="fr",
        country="FRA",
        region=("150", "155"),
        instrument=("TIP",),
        article=("TIP-3",),
        crime_type=TIP,
        year=2013,
        date="2013-08-05",
        legal_status="amended",
    ),
    make_doc(
        "provision:3",
        "Serious Crime Act 2015: s. 45 Participating in activities of organised crime group",
        {
            "en": {
                "title": "Serious Crime Act 2015: s. 45 Participating in activities of organised crime group",
                "body": "A person who takes part in the criminal activities of an organized criminal group commits "
                "an offence.",
            }
        },
        language="en",
        country="GBR",
        region=("150", "154"),
        instrument=("UNTOC",),
        article=("UNTOC-5",),
        crime_type=("organized-crime",),
        year=2015,
        date="2015-03-03",
        legal_status="in_force",
    ),
    make_doc(
        "provision:4",
        "Firearms Control Act: s. 12 Illicit manufacturing",
        {
            "en": {
                "title": "Firearms Control Act: s. 12 Illicit manufacturing",
                "body": "Criminal penalties apply to any group that manufactures firearms without a licence; "
                "organized inspections of dealers take place every year.",
            }
        },
        language="en",
        country="USA",
        region=("019", "021"),
        instrument=("FIREARMS",),
        article=("FIREARMS-5",),
        crime_type=("firearms",),
        year=2018,
        date="2018-11-20",
        legal_status="repealed",
    ),
    make_doc(
        "case:1",
        "Audiencia Nacional: explotación laboral de migrantes",
        {
            "es": {
                "title": "Audiencia Nacional: explotación laboral de migrantes",
                "body": "El tribunal condenó a los acusados por la explotación laboral de trabajadores migrantes "
                "y por tráfico ilícito de migrantes.",
            }
        },
        language="es",
        country="ESP",
        region=("150", "039"),
        instrument=("SOM", "UNTOC"),
        article=("SOM-6", "UNTOC-34"),
        crime_type=SOM,
        issue=("investigation", "investigation.sit"),
        year=2019,
        date="2019-03-14",
        court_level="appeal",
        people={
            "procedural_stage": "trial",
            "verdict": ["convicted"],
            "sentence_band": ["1_5"],
            "victim_gender": ["male"],
            "victim_nationality": ["MAR"],
            "defendant_gender": ["male"],
            "group_size": "3_9",
        },
    ),
    make_doc(
        "case:2",
        "Приговор по делу о торговле людьми",
        {
            "ru": {
                "title": "Приговор по делу о торговле людьми",
                "body": "Суд признал подсудимых виновными в торговле людьми и в организации незаконной миграции.",
            }
        },
        language="ru",
        country="RUS",
        region=("150", "151"),
        instrument=("TIP",),
        article=("TIP-5",),
        crime_type=TIP,
        year=2019,
        date="2019-03-14",
        court_level="first_instance",
    ),
    make_doc(
        "case:3",
        "حكم في قضية الاتجار بالأشخاص",
        {
            "ar": {
                "title": "حكم في قضية الاتجار بالأشخاص",
                "body": "قضت المحكمة بإدانة المتهمين بالاتجار بالأشخاص وتقديم المساعدة للضحايا.",
            }
        },
        language="ar",
        country="EGY",
        region=("002", "015"),
        instrument=("TIP",),
        article=("TIP-3",),
        crime_type=TIP,
        year=2021,
        date="2021-06-01",
        court_level="highest",
        people={
            "procedural_stage": "appeal",
            "verdict": ["convicted"],
            "victim_gender": ["female"],
            "victim_nationality": ["EGY"],
            "victim_age": ["18_24"],
        },
    ),
    make_doc(
        "case:4",
        "人口贩运案件判决",
        {
            "zh-hans": {
                "title": "人口贩运案件判决",
                "body": "法院认定被告人以招工为名诱骗被害人，构成拐卖妇女罪，并打击人口贩运犯罪网络。",
            }
        },
        language="zh-hans",
        country="CHN",
        region=("142", "030"),
        instrument=("TIP",),
        article=("TIP-5",),
        crime_type=TIP,
        year=2018,
        date="2018-11-20",
        court_level="appeal",
    ),
    make_doc(
        "case:5",
        "United States v. Alvarez: migrant smuggling conspiracy",
        {
            "en": {
                "title": "United States v. Alvarez: migrant smuggling conspiracy",
                "body": "The defendants arranged the transport of migrants across the border for a financial benefit.",
            }
        },
        language="en",
        country="USA",
        region=("019", "021"),
        instrument=("SOM",),
        article=("SOM-6",),
        crime_type=SOM,
        year=2020,
        date="2020-02-11",
        court_level="appeal",
        people={
            "verdict": ["acquitted", "convicted"],
            "sentence_band": ["5_10"],
            "defendant_nationality": ["MEX"],
            "group_size": "2",
        },
    ),
    make_doc(
        "case:6",
        "R v. Okafor: conspiracy to facilitate illegal entry",
        {
            "en": {
                "title": "R v. Okafor: conspiracy to facilitate illegal entry",
                "body": "The court found that the appellant arranged the smuggling of persons by lorry and obtained "
                "a material benefit.",
            }
        },
        language="en",
        country="GBR",
        region=("150", "154"),
        instrument=("SOM",),
        article=("SOM-6",),
        crime_type=SOM,
        court_level="highest",
    ),
    make_doc(
        "case:7",
        "State v. Eze: trafficked minors",
        {
            "en": {
                "title": "State v. Eze: trafficked minors",
                "body": "<b>Evidence</b> showed the accused trafficked three minors <script>alert('x')</script> & "
                "forced them into labour.",
            }
        },
        language="en",
        country="NGA",
        region=("002", "202", "011"),
        instrument=("TIP",),
        article=("TIP-3",),
        crime_type=TIP,
        crime_subtype=("trafficking-in-persons.purpose.forced-labour",),
        issue=("victim-assistance",),
        year=2017,
        date="2017-05-02",
        court_level="first_instance",
        people={
            "verdict": ["convicted"],
            "victim_gender": ["female"],
            "victim_nationality": ["NGA"],
            "victim_age": ["12_17"],
            "legal_person": ["defendant"],
        },
    ),
    make_doc(
        "authority:1",
        "Ministry of Justice: Department of Asset Recovery and International Legal Cooperation",
        {
            "en": {
                "title": "Ministry of Justice: Department of Asset Recovery and International Legal Cooperation",
                "body": "Central authority for mutual legal assistance and extradition requests under the Organized "
                "Crime Convention.",
            }
        },
        language="en",
        country="BRA",
        region=("019", "419", "005"),
        instrument=("UNTOC",),
        article=("UNTOC-18",),
        issue=("international-cooperation", "international-cooperation.mla"),
        role=("mla-central",),
    ),
    make_doc(
        "authority:2",
        "Ministère de la Justice : Bureau de l'entraide pénale internationale",
        {
            "fr": {
                "title": "Ministère de la Justice : Bureau de l'entraide pénale internationale",
                "body": "Autorité centrale chargée de l'entraide judiciaire en matière pénale et de l'extradition.",
            }
        },
        language="fr",
        country="FRA",
        region=("150", "155"),
        instrument=("UNTOC",),
        article=("UNTOC-16", "UNTOC-18"),
        issue=("international-cooperation", "international-cooperation.extradition"),
        role=("mla-central", "extradition"),
    ),
]
BY_ID = {doc["id"]: doc for doc in CORPUS}
ALL_IDS = set(BY_ID)


def test_corpus_follows_the_schema() -> None:
    for doc in CORPUS:
        for name in KEYWORD_FIELDS:
            assert name in doc, (doc["id"], name)
            assert isinstance(doc[name], list) == (name in MULTI_VALUED), (doc["id"], name)


# --- fixture --------------------------------------------------------------------------------------
def _elasticsearch_url() -> str:
    return getattr(settings, "ELASTICSEARCH_URL", "") or os.environ.get("ELASTICSEARCH_URL", "")


def _opensearch_url() -> str:
    return getattr(settings, "OPENSEARCH_URL", "") or os.environ.get("OPENSEARCH_URL", "")


def _build(name: str, tmp_path) -> SearchEngine:  # noqa: ANN001
    if name == "tantivy":
        from search.engines.tantivy_engine import TantivyEngine

        return TantivyEngine(tmp_path / "contract-index")
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    if name == "opensearch":
        url = _opensearch_url()
        if not url:
            pytest.skip("OPENSEARCH_URL not set: live OpenSearch contract tests skipped (make opensearch)")
        from search.engines.opensearch_engine import OpenSearchEngine

        return OpenSearchEngine(url, prefix=prefix, replicas=0)
    url = _elasticsearch_url()
    if not url:
        pytest.skip("ELASTICSEARCH_URL not set: live Elasticsearch contract tests skipped")
    from search.engines.elasticsearch_engine import ElasticsearchEngine

    return ElasticsearchEngine(url, prefix=prefix)


@pytest.fixture(params=["tantivy", "elasticsearch", pytest.param("opensearch", marks=pytest.mark.services)])
def engine(request, tmp_path) -> Iterator[SearchEngine]:  # noqa: ANN001
    built = _build(request.param, tmp_path)
    try:
        built.upsert(CORPUS)
        yield built
    finally:
        built.clear()
        built.close()


def ids(engine: SearchEngine, **kwargs) -> list[str]:  # noqa: ANN003
    kwargs.setdefault("page_size", 100)
    return [hit.id for hit in engine.search(SearchQuery(**kwargs)).hits]


def id_set(engine: SearchEngine, **kwargs) -> set[str]:  # noqa: ANN003
    found = ids(engine, **kwargs)
    assert len(found) == len(set(found)), f"duplicate hits: {found}"
    return set(found)


# --- text -----------------------------------------------------------------------------------------
def test_count_and_match_all(engine: SearchEngine) -> None:
    assert engine.count() == len(CORPUS)
    result = engine.search(SearchQuery(page_size=100))
    assert result.total == len(CORPUS)
    assert {hit.id for hit in result.hits} == ALL_IDS


def test_hits_carry_display_fields_and_source(engine: SearchEngine) -> None:
    [hit] = engine.search(SearchQuery(filters={"country": ("NGA",)})).hits
    assert (hit.id, hit.type, hit.record_id, hit.url) == ("case:7", "case", 7, "/case/7/")
    assert hit.title == "State v. Eze: trafficked minors"
    assert hit.source["country"] == "NGA"
    assert hit.source["year"] == 2017
    assert hit.source["article_ref"] == ["TIP 3"]


def test_a_title_word_does_not_outrank_a_summary_with_the_word(engine: SearchEngine) -> None:
    # case:5 has "smuggling" in its title only, case:6 in its summary: the summary match ranks first.
    result = engine.search(SearchQuery(text="smuggling"))
    assert [hit.id for hit in result.hits] == ["case:6", "case:5"]
    assert result.hits[0].score > result.hits[1].score


def test_a_record_without_summary_does_not_outrank_one_whose_summary_has_every_word(engine: SearchEngine) -> None:
    untold = make_doc(
        "case:901",
        "Deckhands held on a longliner",
        {"en": {"title": "Deckhands held on a longliner", "body": ""}},
        language="en",
        country="THA",
    )
    told = make_doc(
        "case:902",
        "Prosecutor v. Marlow",
        {
            "en": {
                "title": "Prosecutor v. Marlow",
                "body": "The owner of the longliner kept the deckhands at sea for two seasons, withheld their "
                "wages and forged their contracts; the court found that they were victims of forced labour.",
            }
        },
        language="en",
        country="THA",
    )
    engine.upsert([untold, told])
    assert ids(engine, text="deckhands longliner") == ["case:902", "case:901"]
    # A title that matches as well still adds to a summary match.
    titled = dict(told, id="case:903", record_id=903, title="Deckhands v. Marlow", sort_title="deckhands v. marlow")
    titled["texts"] = {"en": {"title": "Deckhands v. Marlow", "body": told["texts"]["en"]["body"]}}
    engine.upsert([titled])
    assert ids(engine, text="deckhands longliner") == ["case:903", "case:902", "case:901"]


# --- numbers, spellings, relaxed searches ------------------------------------------------------------
def _numbered(doc_id: str, title: str, body: str, numbers: list[str]) -> dict:
    doc = make_doc(doc_id, title, {"en": {"title": title, "body": body}}, language="en", country="KEN")
    doc["numbers"] = numbers
    return doc


NUMBERED = [
    _numbered("case:911", "Republic v. Wanjiru", "Domestic servitude of a housemaid.", ["KEN003", "HCCR 123/2019"]),
    _numbered("provision:912", "Law on trafficking: Art. 1", "Definitions of trafficking.", ["Law No. 13.344/2016"]),
    _numbered("case:913", "Public Prosecutor v. Somchai", "Trafficking of fishermen.", ["THA007", "2017/0345-12"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KEN003", {"case:911"}),  # portal number
        ("ken003", {"case:911"}),
        ("HCCR 123/2019", {"case:911"}),  # court case number, with and without its letters
        ("123/2019", {"case:911"}),
        ("2017/0345-12", {"case:913"}),
        ("fishermen 2017/0345-12", {"case:913"}),  # a number and a word: both must match
        ("domestic 2017/0345-12", set()),
        ("Law No. 13.344", {"provision:912"}),  # law number without its year
        ("13.344/2016", {"provision:912"}),
        ("HCCR 124/2019", set()),
        ("2019", set()),  # a year alone is not a number key
    ],
)
def test_record_numbers_are_found_by_the_search_box(engine: SearchEngine, text: str, expected: set[str]) -> None:
    engine.upsert(NUMBERED)
    assert id_set(engine, text=text) == expected


def test_lower_case_letters_before_a_number_are_a_word_the_relaxed_search_can_drop(engine: SearchEngine) -> None:
    engine.upsert(NUMBERED)
    assert id_set(engine, text="hccr 123/2019") == set()  # "hccr" is not in the text; HCCR would be a label
    assert id_set(engine, text="hccr 123/2019", match=Match.MOST) == {"case:911"}


def test_a_number_match_ranks_first(engine: SearchEngine) -> None:
    engine.upsert(NUMBERED)
    mention = _numbered("case:914", "Appeal of THA007 co-accused", "Trafficking of fishermen; see THA007.", [])
    engine.upsert([mention])
    assert ids(engine, text="THA007") == ["case:913", "case:914"]


@pytest.mark.parametrize(
    ("british", "american"),
    [("organised criminal group", "organized criminal group"), ("offence", "offense"), ("licence", "license")],
)
def test_british_and_american_spellings_find_the_same_records(
    engine: SearchEngine, british: str, american: str
) -> None:
    found = id_set(engine, text=british)
    assert found
    assert id_set(engine, text=american) == found
    assert id_set(engine, text=f'"{american}"') == id_set(engine, text=f'"{british}"')


def test_spellings_apply_to_phrases_and_exclusions(engine: SearchEngine) -> None:
    # provision:3 writes "organised crime group" in its title and "organized criminal group" in its body.
    assert id_set(engine, text='"organised criminal group"') == {"provision:3"}
    assert id_set(engine, text='"organized crime group"') == {"provision:3"}
    assert "provision:3" not in id_set(engine, text="group -organized")


def test_most_words_ranks_records_with_more_of_the_words_first(engine: SearchEngine) -> None:
    assert id_set(engine, text="smuggling lorry nonexistentword") == set()
    # At least two of the three words: case:6 has smuggling and lorry.
    assert ids(engine, text="smuggling lorry nonexistentword", match=Match.MOST) == ["case:6"]
    # case:6 has all three words, case:5 two of them ("smuggling" only in its title).
    ranked = ids(engine, text="smuggling lorry benefit", match=Match.MOST)
    assert ranked[:2] == ["case:6", "case:5"]


def test_function_words_do_not_decide_a_relaxed_search(engine: SearchEngine) -> None:
    plain = engine.search(SearchQuery(text="smuggling", page_size=100))
    relaxed = engine.search(SearchQuery(text="the smuggling of the nonexistentword", match=Match.MOST, page_size=100))
    assert relaxed.total == plain.total
    assert [h.id for h in relaxed.hits] == [h.id for h in plain.hits]


def test_function_words_do_not_count_in_or_groups(engine: SearchEngine) -> None:
    assert id_set(engine, text="smuggling OR the") == id_set(engine, text="smuggling") != set()
    assert engine.search(SearchQuery(text="lorry OR of OR extradition")).total == len(
        id_set(engine, text="lorry OR extradition")
    )


def test_phrases_and_exclusions_keep_their_meaning_in_a_relaxed_search(engine: SearchEngine) -> None:
    assert id_set(engine, text='"group criminal organized" smuggling lorry', match=Match.MOST) == set()
    assert id_set(engine, text="smuggling benefit nonexistentword -lorry", match=Match.MOST) == {"case:5"}


def test_every_word_must_match(engine: SearchEngine) -> None:
    assert id_set(engine, text="smuggling lorry") == {"case:6"}
    assert id_set(engine, text="smuggling nonexistentword") == set()


def test_phrase_versus_words(engine: SearchEngine) -> None:
    assert id_set(engine, text="organized criminal group") == {"provision:3", "provision:4"}
    assert id_set(engine, text='"organized criminal group"') == {"provision:3"}
    assert id_set(engine, text='"group criminal organized"') == set()


def test_exclusion(engine: SearchEngine) -> None:
    assert id_set(engine, text="trafficking") == {"provision:1", "case:7"}
    assert id_set(engine, text="trafficking -minors") == {"provision:1"}
    assert id_set(engine, text='trafficking -"three minors"') == {"provision:1"}
    assert id_set(engine, text="-smuggling", filters={"crime_type": SOM}) == {"case:1"}


def test_or_groups(engine: SearchEngine) -> None:
    assert id_set(engine, text="firearms OR extradition") == {"provision:4", "authority:1", "authority:2"}
    assert id_set(engine, text="firearms OR extradition licence") == {"provision:4"}


def test_malformed_text_never_raises(engine: SearchEngine) -> None:
    for text in [
        '"unbalanced',
        "-",
        "OR",
        "a OR",
        "title:x^2 (smuggling* [a TO b] ~c \\",
        "x" * 10_000,
        "\x00\x01\x02",
        ")))(((",
        "-smuggling -",
        '-"',
        "AND OR NOT",
        "<script>alert(1)</script>",
    ]:
        result = engine.search(SearchQuery(text=text))
        assert result.total >= 0
    assert id_set(engine, text="smuggling* lorry^") == {"case:6"}


# --- stemming and languages -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trafficked", {"provision:1", "case:7"}),  # English: trafficked ~ trafficking
        ("exploitations", {"provision:1", "provision:2"}),  # French plural finds the singular (and English)
        ("explotaciones", {"case:1"}),  # Spanish: explotaciones ~ explotación
        ("exploração", {"provision:1"}),  # Portuguese
        ("торговля", {"case:2"}),  # Russian: торговля ~ торговле
        ("миграция", {"case:2"}),
        ("الأشخاص", {"case:3"}),  # Arabic: الأشخاص ~ بالأشخاص
        ("الضحايا", {"case:3"}),
    ],
)
def test_stemming(engine: SearchEngine, text: str, expected: set[str]) -> None:
    assert id_set(engine, text=text) == expected


@pytest.mark.parametrize("text", ["贩运", "妇女", "被害人", "人口贩运"])
def test_chinese_words_inside_unspaced_text(engine: SearchEngine, text: str) -> None:
    assert id_set(engine, text=text) == {"case:4"}


def test_chinese_does_not_match_across_unrelated_characters(engine: SearchEngine) -> None:
    assert id_set(engine, text="口贩") == set()


def test_accents_are_folded(engine: SearchEngine) -> None:
    assert id_set(engine, text="penale", filters={"language": ("fr",)}) == {"provision:2", "authority:2"}


# --- filters --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": ("case",)}, {f"case:{i}" for i in range(1, 8)}),
        ({"type": ("legislation",)}, {"provision:1", "provision:2", "provision:3", "provision:4"}),
        ({"country": ("FRA",)}, {"provision:2", "authority:2"}),
        ({"region": ("150",)}, {"provision:2", "provision:3", "case:1", "case:2", "case:6", "authority:2"}),
        ({"instrument": ("TIP",)}, {"provision:1", "provision:2", "case:2", "case:3", "case:4", "case:7"}),
        ({"article": ("SOM-6",)}, {"case:1", "case:5", "case:6"}),
        ({"crime_type": SOM}, {"case:1", "case:5", "case:6"}),
        ({"crime_subtype": ("trafficking-in-persons.purpose.forced-labour",)}, {"case:7"}),
        ({"issue": ("international-cooperation.extradition",)}, {"authority:2"}),
        ({"year": ("2019",)}, {"case:1", "case:2"}),
        ({"language": ("fr",)}, {"provision:2", "authority:2"}),
        ({"court_level": ("appeal",)}, {"case:1", "case:4", "case:5"}),
        ({"legal_status": ("in_force",)}, {"provision:1", "provision:3"}),
        ({"role": ("extradition",)}, {"authority:2"}),
        ({"role": ("mla-central",)}, {"authority:1", "authority:2"}),
        ({"country": ("ZZZ",)}, set()),
        ({"procedural_stage": ("trial",)}, {"case:1"}),
        ({"verdict": ("convicted",)}, {"case:1", "case:3", "case:5", "case:7"}),
        ({"verdict": ("acquitted",)}, {"case:5"}),
        ({"sentence_band": ("5_10", "1_5")}, {"case:1", "case:5"}),
        ({"victim_gender": ("female",)}, {"case:3", "case:7"}),
        ({"victim_nationality": ("NGA",)}, {"case:7"}),
        ({"victim_age": ("12_17",)}, {"case:7"}),
        ({"defendant_gender": ("male",)}, {"case:1"}),
        ({"defendant_nationality": ("MEX",)}, {"case:5"}),
        ({"legal_person": ("defendant",)}, {"case:7"}),
        ({"group_size": ("3_9",)}, {"case:1"}),
    ],
)
def test_each_filter_field(engine: SearchEngine, filters: dict, expected: set[str]) -> None:
    result = engine.search(SearchQuery(filters=filters, page_size=100))
    assert {hit.id for hit in result.hits} == expected
    assert result.total == len(expected)


def test_or_within_a_field_and_between_fields(engine: SearchEngine) -> None:
    both = {"provision:1", "provision:2", "authority:1", "authority:2"}
    assert id_set(engine, filters={"country": ("BRA", "FRA")}) == both
    assert id_set(engine, filters={"country": ("BRA", "FRA"), "type": ("authority",)}) == {"authority:1", "authority:2"}
    assert id_set(engine, filters={"country": ("BRA", "FRA"), "type": ("authority",), "role": ("extradition",)}) == {
        "authority:2"
    }
    assert id_set(engine, text="exploitation", filters={"country": ("BRA", "FRA")}) == {"provision:1", "provision:2"}


def test_tree_facets_match_descendants(engine: SearchEngine) -> None:
    # provision:2 is tagged with a TIP article only; the TIP ancestor makes it match instrument=TIP.
    assert "provision:2" in id_set(engine, filters={"instrument": ("TIP",)})
    assert id_set(engine, filters={"issue": ("investigation",)}) == {"case:1"}
    assert id_set(engine, filters={"issue": ("international-cooperation",)}) == {"authority:1", "authority:2"}


def test_year_range(engine: SearchEngine) -> None:
    assert id_set(engine, year_from=2016, year_to=2019) == {
        "provision:1",
        "provision:4",
        "case:1",
        "case:2",
        "case:4",
        "case:7",
    }
    assert id_set(engine, year_from=2020) == {"case:3", "case:5"}
    assert id_set(engine, year_to=2013) == {"provision:2"}
    assert id_set(engine, year_from=2019, year_to=2019, filters={"country": ("RUS", "ESP", "USA")}) == {
        "case:1",
        "case:2",
    }


# --- facets ---------------------------------------------------------------------------------------
def test_facet_counts_without_filters(engine: SearchEngine) -> None:
    facets = engine.search(SearchQuery()).facets
    assert facets["type"] == {"legislation": 4, "case": 7, "authority": 2}
    assert facets["country"] == {
        "BRA": 2,
        "FRA": 2,
        "GBR": 2,
        "USA": 2,
        "ESP": 1,
        "RUS": 1,
        "EGY": 1,
        "CHN": 1,
        "NGA": 1,
    }
    assert facets["instrument"] == {"TIP": 6, "UNTOC": 5, "SOM": 3, "FIREARMS": 1}
    assert facets["article"]["TIP-3"] == 4
    assert facets["article"]["UNTOC-18"] == 2
    assert facets["year"] == {
        "2013": 1,
        "2015": 1,
        "2016": 1,
        "2017": 1,
        "2018": 2,
        "2019": 2,
        "2020": 1,
        "2021": 1,
    }
    assert facets["language"] == {"en": 6, "fr": 2, "pt": 1, "es": 1, "ru": 1, "ar": 1, "zh-hans": 1}
    assert facets["issue"] == {
        "criminalization": 1,
        "investigation": 1,
        "investigation.sit": 1,
        "victim-assistance": 1,
        "international-cooperation": 2,
        "international-cooperation.mla": 1,
        "international-cooperation.extradition": 1,
    }
    assert facets["region"]["150"] == 6
    assert facets["crime_type"] == {
        "trafficking-in-persons": 6,
        "smuggling-of-migrants": 3,
        "organized-crime": 1,
        "firearms": 1,
    }


def test_multi_select_facets(engine: SearchEngine) -> None:
    result = engine.search(SearchQuery(filters={"country": ("BRA", "FRA"), "type": ("authority",)}))
    assert result.total == 2
    # Own filter ignored, the other applied: every country with an authority; legislation stays visible.
    assert result.facets["country"] == {"BRA": 1, "FRA": 1}
    assert result.facets["type"] == {"legislation": 2, "authority": 2}
    # Facets without an active filter see both filters.
    assert result.facets["language"] == {"en": 1, "fr": 1}
    assert result.facets["instrument"] == {"UNTOC": 2}
    assert "TIP" not in result.facets["instrument"]


def test_people_facets_are_multi_select(engine: SearchEngine) -> None:
    """A case search by victim nationality and verdict: each facet's own selection does not narrow its counts."""
    query = SearchQuery(filters={"victim_nationality": ("NGA", "EGY"), "verdict": ("convicted",)})
    result = engine.search(query)
    assert {hit.id for hit in result.hits} == {"case:3", "case:7"}
    assert result.facets["victim_nationality"] == {"NGA": 1, "EGY": 1, "MAR": 1}
    assert result.facets["verdict"] == {"convicted": 2}
    assert result.facets["victim_age"] == {"12_17": 1, "18_24": 1}
    assert result.facets["victim_gender"] == {"female": 2}
    assert result.facets["court_level"] == {"highest": 1, "first_instance": 1}


# --- similar records ------------------------------------------------------------------------------
def test_similar_records_share_tags_and_words(engine: SearchEngine) -> None:
    # case:5 (USA, migrant smuggling, SOM-6): case:1 and case:6 share its crime type and article.
    similar = engine.similar("case:5", size=10)
    found = [hit.id for hit in similar]
    assert "case:5" not in found
    assert all(hit.type == "case" for hit in similar)
    assert set(found[:2]) == {"case:1", "case:6"}
    scores = [hit.score for hit in similar]
    assert scores == sorted(scores, reverse=True)
    assert [hit.id for hit in engine.similar("case:5", size=1)] == found[:1]


def test_similar_records_by_significant_words_alone(engine: SearchEngine) -> None:
    """Without tags, the record that shares its significant words comes first; one sharing only function
    words does not come at all."""
    text = "Forged passports were sold to migrants at the harbour of Tangier by a ring of corrupt officials."
    engine.upsert(
        [
            make_doc(
                "case:801",
                "Untagged one",
                {"en": {"title": "Untagged one", "body": text}},
                language="en",
                country="MAR",
            ),
            make_doc(
                "case:802",
                "Untagged two",
                {"en": {"title": "Untagged two", "body": "Corrupt officials sold forged passports in the harbour."}},
                language="en",
                country="ESP",
            ),
            make_doc(
                "case:803",
                "Untagged three",
                {"en": {"title": "Untagged three", "body": "It was the one of them that they had."}},
                language="en",
                country="FRA",
            ),
        ]
    )
    found = [hit.id for hit in engine.similar("case:801", size=20)]
    assert found[0] == "case:802"
    assert "case:803" not in found and "case:801" not in found


def test_similar_to_an_unknown_record_is_empty(engine: SearchEngine) -> None:
    assert engine.similar("case:999999") == []


MEANS, PURPOSES = "trafficking-in-persons.means", "trafficking-in-persons.purposes"


def _subtype_docs() -> list[dict]:
    """Three cases tagged with crime sub-types as search.documents indexes them: each value with its family."""

    def case(pk: int, country: str, *values: str) -> dict:
        families = {v.rsplit(".", 1)[0] for v in values}
        return make_doc(
            f"case:{pk}",
            f"Sub-type case {pk}",
            {"en": {"title": f"Sub-type case {pk}", "body": "Recruitment of workers."}},
            language="en",
            country=country,
            crime_type=TIP,
            crime_subtype=tuple(sorted(families | set(values))),
        )

    return [
        case(901, "BRA", f"{MEANS}.deception", f"{PURPOSES}.forced-labour-or-services"),
        case(902, "BRA", f"{MEANS}.deception", f"{MEANS}.abduction"),
        case(903, "FRA", f"{PURPOSES}.sexual-exploitation"),
    ]


def test_crime_subtype_facet_counts_values_and_families(engine: SearchEngine) -> None:
    engine.upsert(_subtype_docs())
    counts = engine.search(SearchQuery(filters={"crime_type": TIP}, facets=("crime_subtype",))).facets["crime_subtype"]
    assert counts[MEANS] == 2 and counts[PURPOSES] == 2
    assert counts[f"{MEANS}.deception"] == 2 and counts[f"{MEANS}.abduction"] == 1
    assert counts[f"{PURPOSES}.sexual-exploitation"] == 1


def test_crime_subtype_family_filters_as_a_whole(engine: SearchEngine) -> None:
    engine.upsert(_subtype_docs())
    assert id_set(engine, filters={"crime_subtype": (MEANS,)}) == {"case:901", "case:902"}
    assert id_set(engine, filters={"crime_subtype": (f"{MEANS}.abduction",)}) == {"case:902"}


def test_crime_subtype_facet_is_multi_select(engine: SearchEngine) -> None:
    engine.upsert(_subtype_docs())
    result = engine.search(
        SearchQuery(
            filters={
                "crime_subtype": (f"{MEANS}.abduction", f"{PURPOSES}.sexual-exploitation"),
                "country": ("BRA", "FRA"),
            },
            facets=("crime_subtype", "country"),
        )
    )
    assert {hit.id for hit in result.hits} == {"case:902", "case:903"}  # OR within the facet
    # Its own filter left out: every sub-type of the BRA/FRA cases keeps its count, so more can be ticked.
    assert result.facets["crime_subtype"][f"{MEANS}.deception"] == 2
    assert result.facets["crime_subtype"][f"{PURPOSES}.forced-labour-or-services"] == 1
    # The other facet sees the sub-type filter.
    assert result.facets["country"] == {"BRA": 1, "FRA": 1}


def test_facets_follow_text_and_year_range(engine: SearchEngine) -> None:
    result = engine.search(SearchQuery(text="smuggling", filters={"country": ("USA",)}))
    assert [hit.id for hit in result.hits] == ["case:5"]
    assert result.facets["country"] == {"USA": 1, "GBR": 1}
    assert result.facets["type"] == {"case": 1}
    ranged = engine.search(SearchQuery(year_from=2019, filters={"year": ("2019",)}))
    assert {hit.id for hit in ranged.hits} == {"case:1", "case:2"}
    assert ranged.facets["year"] == {"2019": 2, "2020": 1, "2021": 1}  # year range narrows, year filter does not


def test_requested_facets_only_and_zero_counts_omitted(engine: SearchEngine) -> None:
    result = engine.search(SearchQuery(filters={"country": ("NGA",)}, facets=("crime_type", "country")))
    assert set(result.facets) == {"crime_type", "country"}
    assert result.facets["crime_type"] == {"trafficking-in-persons": 1}
    assert all(count > 0 for counts in result.facets.values() for count in counts.values())


# --- sorting, pages, cursors ----------------------------------------------------------------------
def _expected_order(sort: Sort) -> list[str]:
    docs = sorted(CORPUS, key=lambda d: d["id"])
    if sort == Sort.TITLE:
        return [d["id"] for d in sorted(docs, key=lambda d: d["sort_title"])]
    dated = [d for d in docs if d["date"]]
    undated = [d["id"] for d in docs if not d["date"]]
    ordered = sorted(dated, key=lambda d: d["date"], reverse=sort == Sort.NEWEST)  # stable: ties stay in id order
    return [d["id"] for d in ordered] + undated


@pytest.mark.parametrize("sort", [Sort.NEWEST, Sort.OLDEST, Sort.TITLE])
def test_field_sorts(engine: SearchEngine, sort: Sort) -> None:
    expected = _expected_order(sort)
    assert ids(engine, sort=sort) == expected
    if sort == Sort.NEWEST:
        assert expected[:6] == ["case:3", "case:5", "case:1", "case:2", "case:4", "provision:4"]
        assert expected[-3:] == ["authority:1", "authority:2", "case:6"]  # no date: last, by id


def test_relevance_without_text_is_id_order(engine: SearchEngine) -> None:
    assert ids(engine) == sorted(ALL_IDS)


def test_pagination(engine: SearchEngine) -> None:
    pages = [engine.search(SearchQuery(sort=Sort.TITLE, page=n, page_size=5)) for n in (1, 2, 3)]
    assert [p.total for p in pages] == [13, 13, 13]
    seen = [hit.id for p in pages for hit in p.hits]
    assert [len(p.hits) for p in pages] == [5, 5, 3]
    assert seen == _expected_order(Sort.TITLE)
    assert pages[0].next_cursor and pages[1].next_cursor
    assert pages[2].next_cursor is None
    assert engine.search(SearchQuery(sort=Sort.TITLE, page=4, page_size=5)).hits == []


def walk(engine: SearchEngine, page_size: int, cursor: str | None = None, **kwargs) -> list:  # noqa: ANN003
    result = engine.search(SearchQuery(page_size=page_size, cursor=cursor, **kwargs))
    hits = list(result.hits)
    for _ in range(100):
        if not result.next_cursor:
            break
        result = engine.search(SearchQuery(page_size=page_size, cursor=result.next_cursor, **kwargs))
        hits += result.hits
    return hits


@pytest.mark.parametrize("sort", [Sort.NEWEST, Sort.OLDEST, Sort.TITLE, Sort.RELEVANCE])
def test_cursor_walk_returns_every_document_once_in_order(engine: SearchEngine, sort: Sort, settings) -> None:  # noqa: ANN001
    settings.SEARCH_MAX_DEPTH = 4  # a cursor walk is not limited by the page depth
    hits = walk(engine, 2, sort=sort)
    expected = sorted(ALL_IDS) if sort == Sort.RELEVANCE else _expected_order(sort)
    assert [hit.id for hit in hits] == expected


def test_cursor_walk_by_relevance_with_text(engine: SearchEngine) -> None:
    text = "trafficking OR smuggling OR exploitation OR extradition OR firearms OR migrants"
    everything = engine.search(SearchQuery(text=text, page_size=100))
    hits = walk(engine, 2, text=text)
    assert [hit.id for hit in hits] == [hit.id for hit in everything.hits]
    assert len(hits) == everything.total == 8
    assert {hit.id for hit in hits} == {
        "provision:1",
        "provision:2",
        "provision:4",
        "case:5",
        "case:6",
        "case:7",
        "authority:1",
        "authority:2",
    }
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_equal_scores_are_ordered_by_id(engine: SearchEngine) -> None:
    texts = {"en": {"title": "Twin", "body": "zebra crossing"}}
    twins = [make_doc(f"case:{pk}", "Twin", texts, language="en", country="KEN") for pk in (23, 21, 22)]
    engine.upsert(twins)
    hits = walk(engine, 1, text="zebra")
    assert [hit.id for hit in hits] == ["case:21", "case:22", "case:23"]
    assert len({hit.score for hit in hits}) == 1
    page = engine.search(SearchQuery(text="zebra", page=2, page_size=1))
    assert [hit.id for hit in page.hits] == ["case:22"]


def test_cursor_survives_a_change_before_it(engine: SearchEngine) -> None:
    first = engine.search(SearchQuery(sort=Sort.NEWEST, page_size=4))
    engine.delete(["case:3"])  # the first hit of the first page
    rest = walk(engine, 4, sort=Sort.NEWEST, cursor=first.next_cursor)
    assert [h.id for h in first.hits] + [h.id for h in rest] == _expected_order(Sort.NEWEST)


@pytest.mark.parametrize("cursor", ["garbage", "e30", "eyJ2IjoxfQ", "!!!", "a" * 500])
def test_invalid_cursor(engine: SearchEngine, cursor: str) -> None:
    with pytest.raises(QueryError) as error:
        engine.search(SearchQuery(cursor=cursor))
    assert error.value.param == "cursor"


def test_cursor_of_another_sort_is_refused(engine: SearchEngine) -> None:
    cursor = engine.search(SearchQuery(sort=Sort.NEWEST, page_size=2)).next_cursor
    with pytest.raises(QueryError) as error:
        engine.search(SearchQuery(sort=Sort.TITLE, cursor=cursor))
    assert error.value.param == "cursor"


# --- highlighting ---------------------------------------------------------------------------------
def test_snippets_mark_terms_and_escape_html(engine: SearchEngine) -> None:
    [hit] = engine.search(SearchQuery(text="minors", filters={"country": ("NGA",)})).hits
    snippet = " ".join(hit.snippets)
    assert "<mark>minors</mark>" in snippet
    assert "&lt;b&gt;Evidence&lt;/b&gt;" in snippet
    assert "&lt;script&gt;" in snippet
    assert "&amp;" in snippet
    assert "<b>" not in snippet and "<script>" not in snippet


def test_snippets_mark_stemmed_forms_in_other_languages(engine: SearchEngine) -> None:
    [hit] = engine.search(SearchQuery(text="explotaciones")).hits
    assert "<mark>explotación</mark>" in " ".join(hit.snippets)
    [zh] = engine.search(SearchQuery(text="贩运")).hits
    assert "<mark>贩运</mark>" in " ".join(zh.snippets)


def test_no_snippets_when_not_asked(engine: SearchEngine) -> None:
    result = engine.search(SearchQuery(text="minors", highlight=False))
    assert [hit.snippets for hit in result.hits] == [[]]


# --- writes ---------------------------------------------------------------------------------------
def test_versions(engine: SearchEngine) -> None:
    assert engine.versions() == {doc_id: V1 for doc_id in ALL_IDS}


def test_delete_removes(engine: SearchEngine) -> None:
    engine.delete(["case:7", "case:404"])
    assert engine.count() == 12
    assert id_set(engine, text="minors") == set()
    assert "case:7" not in engine.versions()
    engine.delete(["case:7"])  # idempotent
    assert engine.count() == 12
    assert engine.search(SearchQuery()).facets["country"].get("NGA") is None


def test_upsert_replaces(engine: SearchEngine) -> None:
    changed = dict(BY_ID["case:6"], title="R v. Okafor: people smuggling by van", version="2026-02-02T00:00:00+00:00")
    changed["texts"] = {"en": {"title": changed["title"], "body": "The appellant organised smuggling by van."}}
    assert engine.upsert([changed]) == 1
    engine.upsert([changed])  # idempotent
    assert engine.count() == len(CORPUS)
    assert id_set(engine, text="van") == {"case:6"}
    assert id_set(engine, text="lorry") == set()
    assert engine.versions()["case:6"] == "2026-02-02T00:00:00+00:00"
    assert ids(engine, text="okafor") == ["case:6"]


def test_rebuild_replaces_content(engine: SearchEngine) -> None:
    assert engine.rebuild([BY_ID["provision:1"], BY_ID["provision:2"]]) == 2
    assert engine.count() == 2
    assert id_set(engine) == {"provision:1", "provision:2"}
    assert id_set(engine, text="smuggling") == set()
    assert set(engine.versions()) == {"provision:1", "provision:2"}
    engine.upsert([BY_ID["case:5"]])  # the rebuilt index takes writes
    assert id_set(engine, text="smuggling") == {"case:5"}


def test_clear(engine: SearchEngine) -> None:
    engine.clear()
    assert engine.count() == 0
    assert engine.versions() == {}
    assert engine.search(SearchQuery()).total == 0
