"""The search document: one shape for every searchable unit (provision, case, authority).

Both engines derive their schema/mapping from the constants here, and search.documents builds
documents that follow them. A document is a plain dict:

    {
      "id": "provision:42",          # "<kind>:<pk>", kind in DOC_KINDS; unique in the index
      "type": "legislation",         # facet value: one of DOC_KINDS' values (legislation, case, ...)
      "record_id": 42,               # pk of the record the document is built from
      "parent_id": 7 | None,         # the law's pk for a provision
      "version": "2026-11-22T15:41:00.123456+00:00",   # record's updated_at (law's, for provisions)
      "url": "/laws/7/#provision-42",
      "title": "Penal Code: Art. 149-A Trafficking in persons",   # display title
      "subtitle": "Brazil · Law No. 13.344/2016",                 # display line under the title
      "texts": {                     # analysed text by language code (original + translations)
          "pt": {"title": "...", "body": "..."},
          "en": {"title": "...", "body": "..."},
      },
      "language": "pt",              # original language (facet)
      "country": "BRA",              # alpha-3 (facet); a list for a regional strategy
      "region": ["019", "419", "005"],   # M49 region, sub-region, intermediate region (facet)
      "instrument": ["TIP", "UNTOC"],    # ancestors of the article tags (facet)
      "article": ["TIP-3", "UNTOC-5"],   # article codes (facet)
      "article_ref": ["TIP 3", "UNTOC 5(1)(a)"],   # display references with paragraphs
      "crime_type": ["trafficking-in-persons"],     # facet
      "crime_subtype": ["trafficking-in-persons.means.deception"],
      "issue": ["investigation", "investigation.sit"],   # each tag with its ancestors (facet)
      "year": 2016 | None,           # facet + range filter
      "date": "2016-10-06" | None,   # sort newest/oldest
      "court_level": "appeal" | "",  # cases
      "legal_status": "in_force" | "",   # laws
      "role": ["mla-central"],       # authorities' designations
      # cases: people and charges (caselaw/bands.py), "" / [] when not recorded
      "procedural_stage": "trial" | "",
      "verdict": ["convicted"],      # every charge's verdict
      "sentence_band": ["5_10"],     # custodial sentences of convictions, in bands
      "victim_gender": ["female"], "defendant_gender": ["male"],          # known genders only
      "victim_nationality": ["NGA"], "defendant_nationality": ["BRA"],    # alpha-3
      "victim_age": ["12_17"], "defendant_age": ["25_34"],                # age bands
      "legal_person": ["defendant"], # a legal person among the defendants / victims
      "group_size": "3_9" | "",      # number of people charged, in bands
      "sort_title": "penal code: art. 149-a ...",   # lower-cased title for sort=title
      "numbers": ["Law No. 13.344/2016"],   # record numbers as written (portal, source, court file, law)
    }

`numbers` is stored for display and indexed as number keys (search/numbers.py) in NUMBER_KEYS.
"""

from .stopwords import ALL_FUNCTION_WORDS

# Every document kind and its `type` value. Part of the index format, so it is written here and importable
# without Django (tantivy encodes document ids with the kinds' order; engine processes may not set Django up):
# a model's `search_document` declaration (sherloc.families.SearchDocument) must match an entry, which
# search.documents.builders() checks. A new kind is one line here and an index rebuild.
DOC_KINDS: dict[str, str] = {
    "provision": "legislation",
    "case": "case",
    "authority": "authority",
    "strategy": "strategy",
    "material": "material",  # an explanatory material of a law; its url is the law page's anchor
    "publication": "publication",  # a bibliography entry
    "guidance": "guidance",  # article guidance; its url is the article page's guidance anchor
}

# A case's people and charges as keyword fields (caselaw/documents.py people_fields): the case-search facets.
CASE_PEOPLE_FIELDS: tuple[str, ...] = (
    "procedural_stage",
    "verdict",
    "sentence_band",
    "victim_gender",
    "victim_nationality",
    "victim_age",
    "defendant_gender",
    "defendant_nationality",
    "defendant_age",
    "legal_person",
    "group_size",
)

# Keyword fields (exact match, facets, filters). Multi-valued ones hold lists.
KEYWORD_FIELDS: tuple[str, ...] = (
    "id",
    "type",
    "version",
    "language",
    "country",
    "region",
    "instrument",
    "article",
    "crime_type",
    "crime_subtype",
    "issue",
    "court_level",
    "legal_status",
    "role",
    "publication_type",  # a bibliography entry's type (book, article...), and its research method
    "research_method",
    *CASE_PEOPLE_FIELDS,
    "sort_title",
)
MULTI_VALUED: frozenset[str] = frozenset(
    {"region", "instrument", "article", "crime_type", "crime_subtype", "issue", "role", *CASE_PEOPLE_FIELDS}
) - {"procedural_stage", "group_size"}
INTEGER_FIELDS: tuple[str, ...] = ("record_id", "parent_id", "year")
DATE_FIELDS: tuple[str, ...] = ("date",)
STORED_ONLY: tuple[str, ...] = ("url", "title", "subtitle", "article_ref")
NUMBER_FIELDS: tuple[str, ...] = ("numbers",)  # lists of record numbers, matched through their keys
NUMBER_KEYS = "number_keys"  # the engines' exact-match field of the keys

# Analysed text: each language in `texts` goes to title_<analyzer> / body_<analyzer>.
# Languages without a dedicated analyzer use "std" (lower-case, ASCII folding, no stemming).
ANALYZERS: tuple[str, ...] = ("en", "fr", "es", "pt", "ru", "ar", "zh", "std")
# Titles weigh half a body match. A title is a few words, so BM25 gives a title word a high idf and almost
# no length penalty: at x3 a case with no summary (a title, perhaps keywords) outranked cases whose summary
# had every word. At 0.5 a title-only match scores below a summary match of the same words, and a title
# that matches as well still adds through the best-fields tie-breaker (0.3).
TITLE_BOOST = 0.5
# Constant scores, equal on every engine: a number key match (an exact identifier outranks word matches),
# and the bonus per matched word of a relaxed (most-words) search.
NUMBER_SCORE = 20.0
COORDINATION = 100.0


# "Similar records" (SearchEngine.similar), the same on every engine: each shared crime type, crime sub-type
# and article adds a constant; the significant words of the record's text (more like this: its terms with
# the highest tf-idf, at most SIMILAR_MAX_TERMS of at least SIMILAR_MIN_WORD_LENGTH letters) add their BM25
# score. Tags weigh more than words: two cases of the same crime under the same article are alike even when
# written in two languages.
SIMILAR_WEIGHTS: dict[str, float] = {"crime_type": 3.0, "crime_subtype": 2.0, "article": 2.0}
SIMILAR_MAX_TERMS = 25
SIMILAR_MIN_WORD_LENGTH = 3
# Function words are never significant ("the", "des", "для"): the list of search/stopwords.py, sorted so that
# request bodies are stable.
SIMILAR_STOP_WORDS: list[str] = sorted(ALL_FUNCTION_WORDS)


def analyzer_for(language: str | None) -> str:
    """Map a language code ('fr', 'zh-hans', 'pt-br') to an analyzer key of ANALYZERS."""
    if not language:
        return "std"
    base = language.lower().split("-")[0]
    return base if base in ANALYZERS else "std"


def doc_id(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def parse_doc_id(value: str) -> tuple[str, int]:
    kind, _, pk = value.partition(":")
    return kind, int(pk)
