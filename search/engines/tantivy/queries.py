"""Build tantivy queries from the query model. User text never reaches tantivy's query parser.

Text: every term of the ParsedText becomes a disjunction-max over all `title_<a>` / `body_<a>` fields
(titles boosted by TITLE_BOOST), with the term analyzed by each field's analyzer; a term that
analyzes to several tokens (a phrase, 'anti-money', a Chinese compound) is a phrase query in that
field. must-words and phrases are required, each OR group needs one member, exclusions are
must-not. BM25 scores come from the text clauses only: filters are constant-score 0.
A word in another spelling (search/spelling.py) is a disjunction-max of its spellings. A number
(NumberTerm) matches its words or one of its keys in NUMBER_KEYS (constant score NUMBER_SCORE).
Match.MOST (the relaxed fallback): phrases and OR groups stay required, function words are dropped, and
the content words and numbers become optional clauses of which ParsedText.minimum_should_match() must
match; each matched one adds COORDINATION, so records with more of the words rank first.

Filters: OR within a field (term set), AND between fields, year_from/year_to a range on `year`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import tantivy

from ...facets import FACETS, FILTER_NAMES
from ...query import Match, NumberTerm, ParsedText, QueryError, SearchQuery
from ...schema import ANALYZERS, COORDINATION, NUMBER_KEYS, NUMBER_SCORE, TITLE_BOOST
from ...spelling import variants
from .analysis import query_tokens
from .fields import body_field, title_field

DISMAX_TIE_BREAKER = 0.3
YEAR_RANGE = "_year_range"
_MUST, _SHOULD, _MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


@dataclass
class TextQuery:
    match: tantivy.Query | None  # None: empty text, every document matches
    highlight: tantivy.Query | None  # positive terms only, for snippet generators
    scored: bool  # at least one positive term: relevance means BM25
    terms: list[str] = field(default_factory=list)  # positive terms, for the Chinese highlighter


class QueryBuilder:
    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema

    # --- text ---------------------------------------------------------------------------------
    def term(self, term: str) -> tantivy.Query | None:
        """One user term (in each of its spellings) in every text field; None if no analyzer keeps a token."""
        spellings = [q for q in (self._spelling(v) for v in variants(term)) if q is not None]
        if len(spellings) <= 1:
            return spellings[0] if spellings else None
        return tantivy.Query.disjunction_max_query(spellings, tie_breaker=DISMAX_TIE_BREAKER)

    def _spelling(self, term: str) -> tantivy.Query | None:
        clauses = []
        for analyzer in ANALYZERS:
            tokens = query_tokens(analyzer, term)
            if not tokens:
                continue
            for name, boost in ((title_field(analyzer), TITLE_BOOST), (body_field(analyzer), 1.0)):
                if len(tokens) == 1:
                    query = tantivy.Query.term_query(self.schema, name, tokens[0])
                else:
                    query = tantivy.Query.phrase_query(self.schema, name, list(tokens))
                clauses.append(tantivy.Query.boost_query(query, boost) if boost != 1.0 else query)
        if not clauses:
            return None
        return tantivy.Query.disjunction_max_query(clauses, tie_breaker=DISMAX_TIE_BREAKER)

    def number(self, number: NumberTerm) -> tantivy.Query:
        """Every word of the number, or one of its keys (an exact identifier: a constant, high score)."""
        keys = tantivy.Query.term_set_query(self.schema, NUMBER_KEYS, list(number.keys))
        options = [tantivy.Query.const_score_query(keys, NUMBER_SCORE)]
        words = [q for q in (self.term(w) for w in number.words) if q is not None]
        if words:
            options.append(tantivy.Query.boolean_query([(_MUST, q) for q in words]))
        return tantivy.Query.boolean_query([(_SHOULD, q) for q in options])

    @staticmethod
    def _coordinated(query: tantivy.Query) -> tantivy.Query:
        """The query's score plus COORDINATION when it matches (relaxed: more words matched rank first)."""
        bonus = tantivy.Query.const_score_query(query, COORDINATION)
        return tantivy.Query.boolean_query([(_SHOULD, query), (_SHOULD, bonus)])

    def text(self, parsed: ParsedText, match: Match = Match.ALL) -> TextQuery:
        relaxed = match is Match.MOST and parsed.relaxable()
        words = parsed.content_words() if relaxed else parsed.must
        scored: list[tantivy.Query] = [q for q in (self.term(w) for w in words) if q is not None]
        scored += [self.number(n) for n in parsed.numbers]
        required: list[tantivy.Query] = [] if relaxed else scored
        for phrase in parsed.phrases:
            query = self.term(phrase)
            if query is not None:
                required.append(query)
        for group in parsed.any_of:
            members = [q for q in (self.term(t) for t in group) if q is not None]
            if members:
                required.append(tantivy.Query.boolean_query([(_SHOULD, q) for q in members]))
        optional = [self._coordinated(q) for q in scored] if relaxed else []
        excluded = [q for q in (self.term(t) for t in parsed.excluded) if q is not None]
        if not required and not optional and not excluded:
            return TextQuery(match=None, highlight=None, scored=False)
        positive = required + (scored if relaxed else [])
        highlight = None
        if positive:
            highlight = tantivy.Query.boolean_query([(_SHOULD if relaxed else _MUST, q) for q in positive])
        clauses = [(_MUST, q) for q in required] + [(_SHOULD, q) for q in optional]
        if not clauses:
            clauses = [(_MUST, tantivy.Query.all_query())]
        clauses += [(_MUST_NOT, q) for q in excluded]
        minimum = min(parsed.minimum_should_match(), len(optional)) if optional else None
        return TextQuery(
            match=tantivy.Query.boolean_query(clauses, minimum),
            highlight=highlight,
            scored=bool(positive),
            terms=parsed.positive_terms(),
        )

    # --- filters ------------------------------------------------------------------------------
    def filters(self, query: SearchQuery) -> dict[str, tantivy.Query]:
        """{filter name: query}; the year range is under YEAR_RANGE (it narrows every facet)."""
        result: dict[str, tantivy.Query] = {}
        for name, values in query.filters.items():
            if name not in FILTER_NAMES:
                raise QueryError(name, "unknown filter")
            values = tuple(v for v in values if v not in (None, ""))
            if not values:
                continue
            facet = FACETS.get(name)
            field_name = facet.field if facet else name
            if facet is not None and facet.numeric:
                try:
                    terms: list = sorted({int(v) for v in values})
                except (TypeError, ValueError):
                    raise QueryError(name, "values must be whole numbers") from None
            else:
                terms = sorted({str(v) for v in values})
            result[name] = tantivy.Query.term_set_query(self.schema, field_name, terms)
        if query.year_from is not None or query.year_to is not None:
            result[YEAR_RANGE] = tantivy.Query.range_query(
                self.schema, "year", tantivy.FieldType.Integer, query.year_from, query.year_to
            )
        return result

    @staticmethod
    def combine(text: tantivy.Query | None, filters: Iterable[tantivy.Query]) -> tantivy.Query:
        clauses = [(_MUST, tantivy.Query.const_score_query(f, 0.0)) for f in filters]
        if text is None:
            if not clauses:
                return tantivy.Query.all_query()
            if len(clauses) == 1:
                return clauses[0][1]
        else:
            clauses.insert(0, (_MUST, text))
        return tantivy.Query.boolean_query(clauses)
