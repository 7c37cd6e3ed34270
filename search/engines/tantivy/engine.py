"""TantivyEngine: the embedded search engine (PyPI `tantivy`), implementing search.engines.base.

How a search runs (all engine work happens in Rust with the GIL released):
1. The user's text is parsed by search.textquery and built into a query (queries.py); filters and
   the year range are constant-score clauses.
2. One search call returns the page (native sort on a unique key, or BM25 with a tie-break, see
   paging.py) and the total.
3. Facets: terms aggregations on fast fields. Facets without an active filter see the full query and
   share two requests; each facet with an active filter gets one request on the query minus its
   own filter (multi-select). The requests run in threads, in parallel with the page search, and
   their counts are cached per index version (facetcache.py).
4. Only the page's stored documents are read; snippets are cut for them (highlight.py).

Tantivy failures (ValueError/OSError from the binding) are raised as EngineError, so the web answers
503 and indexing tasks retry; QueryError (a bad cursor or filter) passes through unchanged.
"""

import functools
import itertools
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tantivy

from ...facets import FACETS
from ...query import QueryError, SearchQuery, Sort
from ...results import EngineResult, Hit
from ...schema import (
    MULTI_VALUED,
    SIMILAR_MAX_TERMS,
    SIMILAR_MIN_WORD_LENGTH,
    SIMILAR_STOP_WORDS,
    SIMILAR_WEIGHTS,
    analyzer_for,
)
from ...textquery import parse_text
from ..base import EngineError, SearchEngine
from . import paging
from .analysis import zh_tokens, zh_words
from .facetcache import FacetCache
from .fields import (
    COARSE_SORT_KEYS,
    DOC,
    ID_SORT,
    IDVER,
    NUMERIC_SORT_KEYS,
    SEP,
    SORT_KEYS,
    Prepared,
    assemble,
    body_field,
    prepare,
    sort_title,
    to_document,
)
from .highlight import Highlighter
from .queries import QueryBuilder, TextQuery
from .store import IndexStore
from .titlekeys import TABLE_FILE, TitleTable

SMALL_BATCH = 500  # below this, a small single-threaded writer is cheaper to start
SMALL_HEAP = 50_000_000
BULK_HEAP = 400_000_000
BULK_THREADS = 2
SHARED_REQUESTS = 2  # aggregation requests for the facets without an own filter (run in parallel)
# Relative cost of a facet's terms aggregation: multi-valued columns visit several values per doc.
FACET_COST = {name: 3 for name in MULTI_VALUED if name in FACETS}


def _engine_errors(method: Callable) -> Callable:
    @functools.wraps(method)
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        try:
            return method(*args, **kwargs)
        except (QueryError, EngineError):
            raise
        except (ValueError, OSError, RuntimeError) as exc:
            raise EngineError(f"tantivy {method.__name__} failed: {exc}") from exc

    return wrapper


class TantivyEngine(SearchEngine):
    name = "tantivy"

    def __init__(self, path: Path, *, lock_timeout: float = 900.0) -> None:
        self.path = Path(path)
        self._store = IndexStore(self.path, lock_timeout=lock_timeout)
        self._queries = QueryBuilder(self._store.schema)
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        self._facet_cache = FacetCache()
        self._numeric_sorts: tuple[tuple, dict[str, bool]] = ((), {})  # (index version, {field: usable})

    def _threads(self) -> ThreadPoolExecutor:
        """The facet thread pool of this process (a pool inherited through fork has no threads)."""
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="tantivy-search")
            self._pool_pid = os.getpid()
        return self._pool

    # --- writes -------------------------------------------------------------------------------
    @staticmethod
    def _writer_size(head: list) -> tuple[int, int]:
        return (SMALL_HEAP, 1) if len(head) < SMALL_BATCH else (BULK_HEAP, BULK_THREADS)

    @_engine_errors
    def upsert(self, docs: Iterable[dict]) -> int:
        iterator = iter(docs)
        head = list(itertools.islice(iterator, SMALL_BATCH))
        if not head:
            return 0
        written = 0
        with self._store.writer(*self._writer_size(head)) as writer:
            titles = self._store.titles()  # the generation's, read under the write lock
            for doc in itertools.chain(head, iterator):
                document = to_document(doc, titles)
                writer.delete_documents_by_term("id", doc["id"])
                writer.add_document(document)
                written += 1
        return written

    @_engine_errors
    def delete(self, ids: Iterable[str]) -> int:
        ids = [i for i in dict.fromkeys(ids) if i]
        if not ids:
            return 0
        with self._store.write_lock():
            before = self._store.searcher().num_docs
            with self._store.locked_writer(SMALL_HEAP, 1) as writer:
                for doc_id in ids:
                    writer.delete_documents_by_term("id", doc_id)
            return before - self._store.searcher().num_docs

    @staticmethod
    def _title_table(sample: Sequence[dict]) -> TitleTable:
        return TitleTable.from_titles(sort_title(doc) for doc in sample)

    def preparer(self, sample: Sequence[dict] = ()) -> Callable[[dict], Prepared]:
        """fields.prepare with the title keys `rebuild(docs, sample)` uses (picklable). Loads jieba's
        dictionary here, once, so that worker processes forked after this inherit it."""
        zh_tokens("")
        return functools.partial(prepare, titles=self._title_table(sample))

    @_engine_errors
    def rebuild(self, docs: Iterable[dict | Prepared], sample: Sequence[dict] = ()) -> int:
        """A new generation from `docs` (documents, or preparer(sample)'s output); `sample` lays out
        the title keys (titlekeys.py), stored with the generation for later upserts."""
        written = 0
        seen: set[str] = set()
        titles = self._title_table(sample)
        files = {TABLE_FILE: titles.dumps()}
        with self._store.new_generation(BULK_HEAP, BULK_THREADS, files=files) as writer:
            for item in docs:
                doc_id, fields, zh = prepare(item, titles) if isinstance(item, dict) else item
                if doc_id in seen:  # a fresh index needs no deletes, except for repeated ids
                    writer.delete_documents_by_term("id", doc_id)
                seen.add(doc_id)
                writer.add_document(assemble(fields, zh))
                written += 1
        return written

    @_engine_errors
    def clear(self) -> None:
        with self._store.writer(SMALL_HEAP, 1) as writer:
            writer.delete_all_documents()

    # --- reads --------------------------------------------------------------------------------
    @_engine_errors
    def count(self) -> int:
        return self._store.searcher().num_docs

    @_engine_errors
    def versions(self) -> dict[str, str]:
        searcher = self._store.searcher()
        terms = searcher.terms_with_prefix(IDVER, "", filter_query=tantivy.Query.all_query())
        result = {}
        for term, count in terms:
            if count:
                doc_id, _, version = term.partition(SEP)
                result[doc_id] = version
        return result

    @_engine_errors
    def search(self, query: SearchQuery) -> EngineResult:
        version, searcher = self._store.snapshot()
        text = self._queries.text(parse_text(query.text), query.match)
        filters = self._queries.filters(query)
        main = self._queries.combine(text.match, filters.values())
        ranked = query.sort == Sort.RELEVANCE and text.scored
        cursor = paging.decode_cursor(query.cursor, query.sort.value, ranked) if query.cursor else None
        facets: dict[str, dict[str, int]] = {}
        facet_jobs = []
        for group in self._facet_groups(query, filters):
            key = self._facet_key(version, query, group)
            cached = self._facet_cache.get(key)
            if cached is not None:
                facets.update(cached)
            else:
                facet_jobs.append((key, self._threads().submit(self._facets, searcher, text.match, filters, group)))
        total = searcher.search(main, limit=1, count=True).count if cursor else None
        page = self._page(searcher, version, main, query, total, ranked, cursor)
        total = page.total
        for key, job in facet_jobs:
            counts = job.result()
            self._facet_cache.put(key, counts)
            facets.update(counts)
        hits = self._hits(searcher, page, query, text, ranked)
        next_cursor = None
        if page.hits and page.end < total:
            next_cursor = paging.encode_cursor(query.sort.value, ranked, page.end, page.hits[-1].key)
        return EngineResult(
            total=total,
            hits=hits,
            facets={name: facets.get(name, {}) for name in query.facets},
            next_cursor=next_cursor,
        )

    @_engine_errors
    def similar(self, doc_id: str, size: int = 5) -> list[Hit]:
        searcher = self._store.searcher()
        found = searcher.search(tantivy.Query.term_query(self._store.schema, "id", doc_id), limit=1).hits
        if not found:
            return []
        doc = json.loads(searcher.doc(found[0][1]).get_first(DOC))
        schema = self._store.schema
        alike = [
            tantivy.Query.const_score_query(tantivy.Query.term_query(schema, name, value), weight)
            for name, weight in SIMILAR_WEIGHTS.items()
            for value in doc.get(name) or ()
        ]
        bodies: dict[str, list[str]] = {}
        for language, parts in (doc.get("texts") or {}).items():
            analyzer = analyzer_for(language)
            body = (parts or {}).get("body") or ""
            if analyzer == "zh":  # its field is pre-tokenized (jieba); MLT splits this field at spaces
                body = " ".join(word for word, _, _ in zh_words(body))
            if body:
                bodies.setdefault(body_field(analyzer), []).append(body)
        if bodies:
            alike.append(
                tantivy.Query.more_like_this_document_fields_query(
                    schema,
                    bodies,
                    min_doc_frequency=1,
                    min_term_frequency=1,
                    max_query_terms=SIMILAR_MAX_TERMS,
                    min_word_length=SIMILAR_MIN_WORD_LENGTH,
                    stop_words=SIMILAR_STOP_WORDS,
                )
            )
        if not alike:
            return []
        query = tantivy.Query.boolean_query(
            [
                (
                    tantivy.Occur.Must,
                    tantivy.Query.const_score_query(tantivy.Query.term_query(schema, "type", doc["type"]), 0.0),
                ),
                (tantivy.Occur.Must, tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alike])),
                (tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "id", doc_id)),
            ]
        )
        page = paging.ranked_page(searcher, query, 0, size)
        return self._hits(
            searcher, page, SearchQuery(page_size=size, highlight=False), TextQuery(None, None, False), True
        )

    def _everywhere(self, searcher: tantivy.Searcher, version: tuple, field: str) -> bool:
        """Whether every document of this index version has a value in `field` (checked once per version)."""
        known_version, usable = self._numeric_sorts
        if known_version != version:
            usable = {}
            self._numeric_sorts = (version, usable)
        if field not in usable:
            having = searcher.search(tantivy.Query.exists_query(field), limit=1, count=True).count
            usable[field] = having == searcher.num_docs
        return usable[field]

    def _sort_field(self, searcher: tantivy.Searcher, version: tuple, sort: str) -> str:
        """The fast field of a field order: its numeric twin when every document has one."""
        numeric = NUMERIC_SORT_KEYS.get(sort)
        if numeric is None:
            return SORT_KEYS.get(sort, ID_SORT)
        return numeric if self._everywhere(searcher, version, numeric) else SORT_KEYS.get(sort, ID_SORT)

    def _page(
        self,
        searcher: tantivy.Searcher,
        version: tuple,
        main: tantivy.Query,
        query: SearchQuery,
        total: int | None,
        ranked: bool,
        cursor: tuple[int, str | int | tuple[float, int]] | None,
    ) -> paging.Page:
        """The page: by offset (the page search counts the matches too), or after a cursor (`total` given)."""
        if ranked:
            if cursor is not None and total is not None:
                hint, key = cursor
                return paging.ranked_after(searcher, main, key, hint, query.page_size, total)
            return paging.ranked_page(searcher, main, query.offset, query.page_size)
        sort = query.sort.value if query.sort.value in SORT_KEYS else ID_SORT
        field = self._sort_field(searcher, version, sort)
        coarse = COARSE_SORT_KEYS.get(sort)
        if coarse is not None and not self._everywhere(searcher, version, coarse):
            coarse = None  # an index written before the coarse key: the text key alone
        if cursor is not None and total is not None:
            hint, key = cursor
            numeric = field in NUMERIC_SORT_KEYS.values()
            if isinstance(key, int) != numeric:
                raise QueryError("cursor", "no longer fits the index; start again from the first page")
            if numeric:
                return paging.numeric_after(searcher, self._store.schema, main, field, key, query.page_size, total)
            if coarse is not None:
                coarse_key = self._store.titles(version[0]).key(key.partition(SEP)[0])
                return paging.coarse_after(
                    searcher, self._store.schema, main, coarse, coarse_key, field, key, hint, query.page_size, total
                )
            return paging.field_after(searcher, main, field, key, hint, query.page_size, total)
        if coarse is not None:
            return paging.coarse_page(searcher, self._store.schema, main, coarse, field, query.offset, query.page_size)
        return paging.field_page(searcher, main, field, query.offset, query.page_size)

    @staticmethod
    def _facet_groups(query: SearchQuery, filters: dict[str, tantivy.Query]) -> list[tuple[str | None, list[str]]]:
        """(filter to leave out, facet names) per aggregation request.

        Facets without an own filter share the full query; they are split over SHARED_REQUESTS
        requests (balanced by cost: multi-valued facets count more) so that they run on several
        cores. Each facet with an active filter gets the query without that filter.
        """
        shared = [name for name in query.facets if name not in filters]
        bins: list[list[str]] = [[] for _ in range(min(SHARED_REQUESTS, len(shared)))]
        loads = [0] * len(bins)
        for name in sorted(shared, key=lambda n: -FACET_COST.get(n, 1)):
            i = loads.index(min(loads))
            bins[i].append(name)
            loads[i] += FACET_COST.get(name, 1)
        groups: list[tuple[str | None, list[str]]] = [(None, names) for names in bins]
        groups += [(name, [name]) for name in query.facets if name in filters]
        return groups

    @staticmethod
    def _facet_key(version: tuple, query: SearchQuery, group: tuple[str | None, list[str]]) -> tuple:
        left_out, names = group
        filters = tuple(
            sorted(
                (name, tuple(sorted(map(str, values)))) for name, values in query.filters.items() if name != left_out
            )
        )
        return (version, query.text, query.match, filters, query.year_from, query.year_to, tuple(names))

    def _facets(
        self,
        searcher: tantivy.Searcher,
        text: tantivy.Query | None,
        filters: dict[str, tantivy.Query],
        group: tuple[str | None, list[str]],
    ) -> dict[str, dict[str, int]]:
        left_out, names = group
        query = self._queries.combine(text, [q for name, q in filters.items() if name != left_out])
        aggs = {name: {"terms": {"field": FACETS[name].field, "size": FACETS[name].size}} for name in names}
        result = searcher.aggregate(query, aggs)
        return {
            name: {str(b["key"]): b["doc_count"] for b in result.get(name, {}).get("buckets", []) if b["doc_count"] > 0}
            for name in names
        }

    def _hits(
        self, searcher: tantivy.Searcher, page: paging.Page, query: SearchQuery, text: TextQuery, ranked: bool
    ) -> list[Hit]:
        highlighter = Highlighter(searcher, self._store.schema, text.highlight, text.terms) if query.highlight else None
        hits = []
        for entry in page.hits:
            doc = json.loads(searcher.doc(entry.address).get_first(DOC))
            source = {k: v for k, v in doc.items() if k != "texts"}
            language, snippets = highlighter.snippet_source(doc, query.language) if highlighter else ("", [])
            hits.append(
                Hit(
                    id=doc["id"],
                    type=doc.get("type", ""),
                    record_id=doc.get("record_id"),
                    url=doc.get("url", ""),
                    title=doc.get("title", ""),
                    score=entry.score if ranked else None,
                    snippets=snippets,
                    snippet_language=language,
                    source=source,
                )
            )
        return hits

    def close(self) -> None:
        if self._pool is not None and self._pool_pid == os.getpid():
            self._pool.shutdown(wait=False)
        self._pool = None
        self._store.close()


__all__ = ["TantivyEngine"]
