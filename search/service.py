"""The one search service: the web UI and the API both call `query_from_params` then `search`.

`query_from_params` turns HTTP parameters into a validated SearchQuery (a QueryError names the bad
parameter, so callers answer 400 with it); `search` runs the configured engine and turns its raw
facet counts into labelled, ordered facet values in the reader's language.

Vocabulary codes and labels come from the vocabulary registry (taxonomy.registry): cached per process
and invalidated when a vocabulary changes, so a request pays a dictionary lookup, not a query. Record
types, court levels, legal statuses and the people and charges facets of cases (caselaw/bands.py) are
Django choices, not vocabularies: they are handled here.
"""

import dataclasses
import functools
import time
from collections.abc import Iterable, Mapping

from django.utils import translation

from taxonomy import registry
from taxonomy.registry import sort_key

from .engines import SearchEngine, get_engine
from .facets import FACET_NAMES, FACETS, FILTER_NAMES, doc_types, facet_types
from .query import Match, ParsedText, QueryError, SearchQuery, Sort
from .results import EngineResult, FacetValue, Hit, SearchResult, Suggestion
from .schema import doc_id
from .textquery import parse_text, unparse

MAX_VALUES_PER_PARAM = 200
SCALAR_PARAMS = ("q", "sort", "page", "page_size", "cursor", "year_from", "year_to")
LIST_PARAMS = (*FILTER_NAMES, "facets")
KNOWN_PARAMS = frozenset((*SCALAR_PARAMS, *LIST_PARAMS))
YEAR_MIN, YEAR_MAX = 1000, 2999
YEAR_RANGE = "year_range"  # Suggestion.name of year_from/year_to
# An empty result tries at most this many ways out (drop a filter, drop a word, drop the text), each one
# counting search (two when it falls back to most of the words): a zero-result page stays cheap, and is rare.
MAX_SUGGESTIONS = 5


def doc_type_labels() -> dict[str, object]:
    """{type: its lazy label}, from the models' declarations (sherloc.families.SearchDocument.label)."""
    from .documents import builders

    return {builder.spec.type: builder.spec.label for builder in builders().values()}


def __getattr__(name: str) -> object:
    """`DOC_TYPE_LABELS` (doc_type_labels()) for code that reads it as a constant."""
    if name == "DOC_TYPE_LABELS":
        return doc_type_labels()
    raise AttributeError(name)


# Filters whose values are a vocabulary of another name (a nationality is a country).
VOCABULARY_OF = {"victim_nationality": "country", "defendant_nationality": "country"}
# Facets whose values have a natural order (bands): shown in that order, not by count.
ORDINAL_FACETS = frozenset({"sentence_band", "victim_age", "defendant_age", "group_size"})


def _vocabulary_name(facet: str) -> str:
    return VOCABULARY_OF.get(facet, facet)


@functools.cache
def choices() -> dict[str, type]:
    """{filter name: its Django choices} for the filters whose values are choices, not vocabularies."""
    from bibliography.models import PublicationType, ResearchMethod
    from caselaw.bands import AgeBand, GroupSizeBand, LegalPersonRole, SentenceBand
    from caselaw.models import CourtLevel, Gender, ProceduralStage, Verdict
    from legislation.models import LegalStatus

    return {
        "court_level": CourtLevel,
        "legal_status": LegalStatus,
        "procedural_stage": ProceduralStage,
        "verdict": Verdict,
        "sentence_band": SentenceBand,
        "victim_gender": Gender,
        "defendant_gender": Gender,
        "victim_age": AgeBand,
        "defendant_age": AgeBand,
        "legal_person": LegalPersonRole,
        "group_size": GroupSizeBand,
        "publication_type": PublicationType,
        "research_method": ResearchMethod,
    }


# --- labels ---------------------------------------------------------------------------------------
def facet_labels(facet: str, language: str) -> dict[str, str]:
    """{value: label} for a facet in `language` (cached; an unknown value is its own label)."""
    if facet == "type":
        with translation.override(language):
            return {code: str(label) for code, label in doc_type_labels().items()}
    if facet in choices():
        with translation.override(language):
            return {value: str(label) for value, label in choices()[facet].choices}
    if registry.has(_vocabulary_name(facet)):
        return registry.labels(_vocabulary_name(facet), language)
    return {}


def _sort_keys(facet: str, language: str) -> dict[str, str]:
    name = _vocabulary_name(facet)
    return registry.vocabulary(name).sort_keys(language) if registry.has(name) else {}


def _facet_values(name: str, counts: Mapping[str, int], language: str) -> list[FacetValue]:
    if name in ORDINAL_FACETS:
        labels, order = facet_labels(name, language), list(choices()[name].values)
        rows = sorted(
            (v for v, n in counts.items() if n > 0),
            key=lambda v: (v not in order, order.index(v) if v in order else 0, v),
        )
        return [FacetValue(value, labels.get(value, value), counts[value]) for value in rows]
    if FACETS[name].numeric:
        numeric = sorted(
            ((value, count) for value, count in counts.items() if count > 0),
            key=lambda pair: -int(pair[0]) if pair[0].lstrip("-").isdigit() else 0,
        )
        return [FacetValue(value, value, count) for value, count in numeric]
    labels, keys = facet_labels(name, language), _sort_keys(name, language)
    rows = [(value, labels.get(value, value), count) for value, count in counts.items() if count > 0]
    rows.sort(key=lambda row: (-row[2], keys.get(row[0]) or sort_key(row[1]), row[0]))
    return [FacetValue(value, label, count) for value, label, count in rows]


def _run(engine: SearchEngine, query: SearchQuery) -> tuple[EngineResult, bool]:
    """All the words first; when no record has them all, the records with most of them (relaxed=True).

    The rerun (Match.MOST) drops function words and needs at least half of the other words; phrases,
    OR groups and exclusions keep their meaning. A cursor from a relaxed page resumes here the same
    way: the all-words search is empty again, so the relaxed one continues.
    """
    result = engine.search(query)
    if result.total or query.match is not Match.ALL or not query.text.strip():
        return result, False
    if not parse_text(query.text).relaxable():
        return result, False
    relaxed = engine.search(dataclasses.replace(query, match=Match.MOST))
    return (relaxed, True) if relaxed.total else (result, False)


def search(query: SearchQuery) -> SearchResult:
    """Run `query` on the configured engine; facets come back labelled and ordered for display.

    An empty result comes with suggestions (each with its count) for widening the search."""
    start = time.perf_counter()
    engine = get_engine()
    result, relaxed = _run(engine, query)
    facets = {name: _facet_values(name, counts, query.language) for name, counts in result.facets.items()}
    _prune_articles(facets, query)
    return SearchResult(
        total=result.total,
        hits=result.hits,
        facets=facets,
        page=query.page,
        page_size=query.page_size,
        next_cursor=result.next_cursor,
        took_ms=round((time.perf_counter() - start) * 1000, 2),
        relaxed=relaxed,
        suggestions=[] if result.total else suggestions(engine, query),
    )


def similar(kind: str, pk: int, size: int = 5) -> list[Hit]:
    """Published records of the same kind most like record `pk` (SearchEngine.similar), best first.
    Raises EngineError when the engine is down: a page showing them leaves the list out."""
    return get_engine().similar(doc_id(kind, pk), size)


def _prune_articles(facets: dict[str, list[FacetValue]], query: SearchQuery) -> None:
    """With an article ticked, the article facet is counted without its own filter (multi-select), so it
    also holds articles of instruments that no result has: shown orphaned, without their instrument (which
    is counted with the article filter), with counts the results do not contain. Keep an article when its
    instrument is among the instrument facet's values, or when it is ticked itself."""
    if "article" not in query.filters or "article" not in facets or "instrument" not in facets:
        return
    instruments = {value.value for value in facets["instrument"]}
    ticked = set(query.filters["article"])
    facets["article"] = [
        value for value in facets["article"] if value.value in ticked or value.value.rsplit("-", 1)[0] in instruments
    ]


def _terms(parsed: ParsedText) -> list[str]:
    """The parts of the text a suggestion can drop: content words, numbers, "phrases"."""
    numbers = [n.text or " ".join(n.words) for n in parsed.numbers]
    return [*parsed.content_words(), *numbers, *(f'"{p}"' for p in parsed.phrases)]


def _drop_term(parsed: ParsedText, term: str) -> ParsedText:
    return dataclasses.replace(
        parsed,
        must=tuple(w for w in parsed.must if w != term),
        numbers=tuple(n for n in parsed.numbers if (n.text or " ".join(n.words)) != term),
        phrases=tuple(p for p in parsed.phrases if f'"{p}"' != term),
    )


def suggestions(engine: SearchEngine, query: SearchQuery) -> list[Suggestion]:
    """Ways out of an empty result, each with its count from a real (bounded) search, best first per kind:
    drop one active filter (each of them), drop one word, or (with filters) drop the text."""
    probe = dataclasses.replace(query, page=1, page_size=1, cursor=None, facets=(), highlight=False)
    candidates: list[tuple[Suggestion, SearchQuery]] = []
    for name in query.filters:
        filters = {k: v for k, v in query.filters.items() if k != name}
        candidates.append((Suggestion("filter", 0, name=name), dataclasses.replace(probe, filters=filters)))
    if query.year_from is not None or query.year_to is not None:
        widened = dataclasses.replace(probe, year_from=None, year_to=None)
        candidates.append((Suggestion("filter", 0, name=YEAR_RANGE), widened))
    parsed = parse_text(query.text)
    terms = _terms(parsed)
    if len(terms) > 1:
        for term in terms:
            text = unparse(_drop_term(parsed, term))
            suggestion = Suggestion("words", 0, text=text, dropped=(term,))
            candidates.append((suggestion, dataclasses.replace(probe, text=text)))
    if not parsed.is_empty and (query.filters or query.year_from is not None or query.year_to is not None):
        candidates.append((Suggestion("words", 0, text="", dropped=tuple(terms)), dataclasses.replace(probe, text="")))
    found = []
    for suggestion, widened in candidates[:MAX_SUGGESTIONS]:
        count = _run(engine, widened)[0].total  # what following the link shows
        if count:
            found.append(dataclasses.replace(suggestion, count=count))
    return sorted(found, key=lambda s: (s.kind != "filter", -s.count))


# --- parameters -----------------------------------------------------------------------------------
def _resolve(name: str, value: str) -> str | None:
    """The canonical code of an accepted spelling of a filter value (case-folded; country: alpha-2 too)."""
    if registry.has(_vocabulary_name(name)):
        return registry.vocabulary(_vocabulary_name(name)).resolve(value)
    codes = doc_types() if name == "type" else choices()[name].values
    return next((c for c in codes if c.casefold() == value.strip().casefold()), None)


def _raw_values(params: Mapping, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    else:
        raw = params[name]
        raw = [raw] if isinstance(raw, str) else list(raw)
    return [str(v) for v in raw if v is not None]


def _split(values: Iterable[str]) -> list[str]:
    """Comma-separated and repeated values, stripped, empties dropped, order kept, duplicates removed."""
    return list(dict.fromkeys(part.strip() for value in values for part in value.split(",") if part.strip()))


def _integer(name: str, values: list[str], minimum: int | None = None, maximum: int | None = None) -> int | None:
    values = [v.strip() for v in values if v.strip()]
    if not values:
        return None
    if len(set(values)) > 1:
        raise QueryError(name, "give one value")
    try:
        number = int(values[0])
    except ValueError:
        raise QueryError(name, f"must be a whole number, not {values[0][:40]!r}") from None
    if minimum is not None and number < minimum:
        raise QueryError(name, f"must be {minimum} or more")
    if maximum is not None and number > maximum:
        raise QueryError(name, f"must be {maximum} or less")
    return number


def _filter_values(name: str, values: list[str]) -> tuple[str, ...]:
    if len(values) > MAX_VALUES_PER_PARAM:
        raise QueryError(name, f"at most {MAX_VALUES_PER_PARAM} values")
    if name == "year":
        return tuple(str(_integer(name, [v], YEAR_MIN, YEAR_MAX)) for v in values)
    result = []
    for value in values:
        code = _resolve(name, value)
        if code is None:
            raise QueryError(name, f"unknown value {value[:40]!r}")
        result.append(code)
    return tuple(dict.fromkeys(result))


def default_sort(text: str) -> Sort:
    """Relevance when there are words to rank by; newest first without text. Without words every record
    scores alike, and "relevance" was the id order, which listed one record type (authorities) before the
    others; newest first shows recent decisions and laws first, and records without a date (authorities)
    last, which is what someone browsing a country or an article expects."""
    return Sort.RELEVANCE if not parse_text(text).is_empty else Sort.NEWEST


def default_facets(types: Iterable[str]) -> tuple[str, ...]:
    """Every facet, except those only another record type has (search.facets.FACET_TYPES) when the search
    is limited to types: those would count 0, and each facet costs an aggregation."""
    wanted = set(types)
    if not wanted:
        return FACET_NAMES
    only = facet_types()
    return tuple(name for name in FACET_NAMES if only.get(name, next(iter(wanted))) in wanted)


def query_from_params(
    params: Mapping[str, list[str] | str], language: str, *, ignore: Iterable[str] = ()
) -> SearchQuery:
    """Build and validate a SearchQuery from HTTP-style parameters (a QueryDict or a plain mapping).

    Lists are repeated parameters or comma-separated values. Every value is checked against the
    vocabularies; unknown parameter names are errors too (`ignore` lists names the caller handles
    itself), so a typo never silently widens a search. Raises QueryError naming the parameter.
    """
    ignored = set(ignore)
    unknown = sorted(name for name in params if name not in KNOWN_PARAMS and name not in ignored)
    if unknown:
        raise QueryError(unknown[0], "unknown parameter")
    raw = {name: _raw_values(params, name) for name in params if name in KNOWN_PARAMS}

    filters: dict[str, tuple[str, ...]] = {}
    for name in FILTER_NAMES:
        values = _split(raw.get(name, []))
        if values:
            filters[name] = _filter_values(name, values)

    text = " ".join(v for v in raw.get("q", []) if v.strip())
    sort_value = (raw.get("sort") or [""])[-1].strip() or default_sort(text).value
    try:
        sort = Sort(sort_value)
    except ValueError:
        raise QueryError("sort", f"must be one of: {', '.join(s.value for s in Sort)}") from None

    kwargs: dict = {"facets": default_facets(filters.get("type", ()))}
    if "facets" in raw:
        kwargs["facets"] = tuple(_split(raw["facets"]))
        unknown_facets = [f for f in kwargs["facets"] if f not in FACET_NAMES]
        if unknown_facets:
            raise QueryError("facets", f"unknown facet(s): {', '.join(f[:40] for f in unknown_facets)}")
    page = _integer("page", raw.get("page", []), minimum=1)
    page_size = _integer("page_size", raw.get("page_size", []), minimum=1)
    cursor = " ".join(raw.get("cursor", [])).strip() or None
    return SearchQuery(
        text=text,
        filters=filters,
        year_from=_integer("year_from", raw.get("year_from", []), YEAR_MIN, YEAR_MAX),
        year_to=_integer("year_to", raw.get("year_to", []), YEAR_MIN, YEAR_MAX),
        sort=sort,
        page=page or 1,
        page_size=page_size or 20,
        cursor=cursor,
        language=language,
        **kwargs,
    )
