"""The PostgreSQL full-text peer of bench/run.py: what a good Django team would build without a search engine.

Same records, same 50 queries, same answer shape (total, a page of hits with highlights, every facet
counted with multi-select semantics), built the way PostgreSQL's documentation and Django's
`django.contrib.postgres.search` recommend:

- one row per searchable unit (the documents the index gets, `search.documents.iter_documents`), its
  texts by language in a `jsonb` column;
- a **stored generated `tsvector` column** holding, for every language of the corpus, that language's
  title (weight A) and body (weight B) through its own text search configuration (english, french,
  spanish, portuguese, russian, arabic; `simple` for the others): `SearchVector(..., config=...)` per
  language, as Django's `GeneratedField` would declare it;
- **GIN indexes** on it and on every facet column (`text[]`, filtered with `&&`: OR within a facet,
  AND between facets);
- text through **`websearch_to_tsquery`** in each configuration (OR of the languages), ranked by
  `ts_rank_cd`, hits highlighted by **`ts_headline`** (only the page's 20 rows);
- facet counts with multi-select semantics (each facet with every filter except its own): with text,
  one statement that matches the text once (a materialised CTE of the matching rows' facet columns)
  and counts every facet over it; without text, one `unnest` + `GROUP BY` query per facet, which can
  use the GIN indexes of the other facets' filters.

It lives in bench/ only: its own table `bench_peer_<N>` in the PostgreSQL named by `--peer-url`,
`PEER_DATABASE_URL` or `DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test, what
`scripts/services.sh` starts); loaded once, reused while its row count matches. Without PostgreSQL it
says why and is skipped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from types import ModuleType

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test"
CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
    "de": "german",
    "it": "italian",
    "nl": "dutch",
}
FACET_COLUMNS = (
    "type",
    "country",
    "region",
    "instrument",
    "article",
    "crime_type",
    "crime_subtype",
    "issue",
    "year",
    "language",
    "court_level",
    "legal_status",
    "role",
)
BATCH = 2000


def connect(url: str | None):  # noqa: ANN201
    """A psycopg2 connection, or the reason there is none."""
    try:
        import psycopg2
    except ImportError:
        return None, "psycopg2 is not installed"
    url = url or os.environ.get("PEER_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        return None, f"{url.split(':', 1)[0]} is not PostgreSQL (set PEER_DATABASE_URL)"
    try:
        conn = psycopg2.connect(url, connect_timeout=3)
    except psycopg2.OperationalError as error:
        first = str(error).strip().splitlines()[0]
        return None, f"no PostgreSQL at {url.split('@')[-1]} ({first}); start one with `bash scripts/services.sh`"
    conn.autocommit = True
    return conn, ""


def _values(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


def _rows(docs: Iterator[dict]) -> Iterator[tuple]:
    from psycopg2.extras import Json

    for n, doc in enumerate(docs, 1):
        lang = doc.get("language") or "en"
        texts = {code: {"title": t.get("title") or "", "body": t.get("body") or ""} for code, t in doc["texts"].items()}
        yield (
            n,
            doc["id"],
            doc["title"],
            lang,
            CONFIGS.get(lang, "simple"),
            Json(texts),
            *(_values(doc.get(c)) for c in FACET_COLUMNS),
        )


def load(conn, table: str, languages: list[str]) -> dict:  # noqa: ANN001
    """(Re)create the table from the documents the index gets: rows, generated tsvector, GIN indexes."""
    from psycopg2.extras import execute_values

    from search.documents import iter_documents

    def vector(code: str) -> str:
        config = CONFIGS.get(code, "simple")
        return (
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(texts #>> '{{{code},title}}', '')), 'A') || "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(texts #>> '{{{code},body}}', '')), 'B')"
        )

    facets = ", ".join(f"{c} text[] NOT NULL" for c in FACET_COLUMNS)
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute(
            f"CREATE TABLE {table} (n integer PRIMARY KEY, doc_id text NOT NULL, title text NOT NULL, "
            f"lang text NOT NULL, config regconfig NOT NULL, texts jsonb NOT NULL, {facets}, "
            f"sv tsvector GENERATED ALWAYS AS ({' || '.join(vector(c) for c in languages)}) STORED)"
        )
        started = time.perf_counter()
        columns = f"n, doc_id, title, lang, config, texts, {', '.join(FACET_COLUMNS)}"
        batch: list[tuple] = []
        count = 0
        for row in _rows(iter_documents()):
            batch.append(row)
            if len(batch) >= BATCH:
                execute_values(cur, f"INSERT INTO {table} ({columns}) VALUES %s", batch, page_size=BATCH)
                count += len(batch)
                batch = []
        if batch:
            execute_values(cur, f"INSERT INTO {table} ({columns}) VALUES %s", batch, page_size=BATCH)
            count += len(batch)
        loaded = time.perf_counter()
        cur.execute(f"CREATE INDEX ON {table} USING gin (sv)")
        for column in FACET_COLUMNS:
            cur.execute(f"CREATE INDEX ON {table} USING gin ({column})")
        cur.execute(f"ANALYZE {table}")
        indexed = time.perf_counter()
    return {"rows": count, "load_s": round(loaded - started, 1), "index_s": round(indexed - loaded, 1)}


class Peer:
    """Answers a SearchQuery with SQL: total, a page of 20 hits with ts_headline snippets, facets."""

    def __init__(self, conn, table: str, languages: list[str]) -> None:  # noqa: ANN001
        self.conn, self.table = conn, table
        configs = sorted({CONFIGS.get(c, "simple") for c in languages})
        self.configs = configs
        self.tsquery = " || ".join(f"websearch_to_tsquery('{c}'::regconfig, %(q)s)" for c in configs)

    def _where(self, query: object, skip: str | None = None) -> tuple[str, dict]:
        parts, params = [], {"q": query.text}
        if query.text:
            parts.append(f"sv @@ ({self.tsquery})")
        for name, values in query.filters.items():
            if name == skip:
                continue
            parts.append(f"{name} && %({name})s::text[]")
            params[name] = list(values)
        return (" AND ".join(parts) or "TRUE"), params

    def search(self, query: object) -> dict:
        where, params = self._where(query)
        page_size = query.page_size
        params.update(limit=page_size, offset=(query.page - 1) * page_size)
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT count(*) FROM {self.table} WHERE {where}", params)
            total = cur.fetchone()[0]
            if query.text:
                order = f"ts_rank_cd(sv, ({self.tsquery})) DESC, n"
                snippet = (
                    "ts_headline(config, coalesce(texts #>> ARRAY[lang, 'body'], ''), "
                    "websearch_to_tsquery(config, %(q)s), 'MaxFragments=1, MaxWords=30, MinWords=10')"
                )
            else:
                order, snippet = "n", "''"
            cur.execute(
                f"SELECT doc_id, title, {snippet} FROM (SELECT * FROM {self.table} WHERE {where} "
                f"ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s) page",
                params,
            )
            hits = cur.fetchall()
            facets: dict[str, dict[str, int]] = {name: {} for name in query.facets}
            if query.text:
                # The text match once (a materialised CTE of the matching rows' facet columns), then
                # every facet over it with the other facets' filters: one statement, one GIN scan.
                columns = ", ".join(FACET_COLUMNS)
                parts, params_f = [], {"q": query.text}
                for name in query.facets:
                    filters = [f"{other} && %({other})s::text[]" for other in query.filters if other != name]
                    params_f.update({other: list(values) for other, values in query.filters.items()})
                    parts.append(
                        f"(SELECT '{name}' AS facet, v, count(*) AS n FROM matched, unnest({name}) v "
                        f"WHERE {' AND '.join(filters) or 'TRUE'} GROUP BY v ORDER BY count(*) DESC, v LIMIT 300)"
                    )
                cur.execute(
                    f"WITH matched AS MATERIALIZED (SELECT {columns} FROM {self.table} "
                    f"WHERE sv @@ ({self.tsquery})) {' UNION ALL '.join(parts)}",
                    params_f,
                )
                for name, value, n in cur.fetchall():
                    facets[name][value] = n
            else:
                # Without text every facet query can use the GIN indexes of the other facets' filters.
                for name in query.facets:
                    where_f, params_f = self._where(query, skip=name)
                    cur.execute(
                        f"SELECT v, count(*) FROM {self.table}, unnest({name}) v WHERE {where_f} "
                        "GROUP BY v ORDER BY count(*) DESC, v LIMIT 300",
                        params_f,
                    )
                    facets[name] = dict(cur.fetchall())
        return {"total": total, "hits": hits, "facets": facets}


def run(mix: list, url: str | None, repeat: int, service: dict, bench_search: ModuleType, records: int) -> dict:
    """Load (once), time the mix, compare totals with the service. Returns the figures or {'skipped'}."""
    conn, reason = connect(url)
    if conn is None:
        print(f"PostgreSQL peer skipped: {reason}")
        return {"skipped": reason}
    from search.documents import expected_count
    from search.service import search

    table = f"bench_peer_{records}"
    expected = expected_count()
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", (table,))
        present = cur.fetchone()[0]
        if present:
            cur.execute(f"SELECT count(*) FROM {table}")
            present = cur.fetchone()[0] == expected
        cur.execute("SHOW server_version")
        version = cur.fetchone()[0]
    languages = _languages()
    loaded = {"reused": True}
    if not present:
        print(f"loading {expected:,} rows into PostgreSQL {version} ({table}) ...", flush=True)
        loaded = load(conn, table, languages)
    peer = Peer(conn, table, languages)
    samples = bench_search.run_mix(peer.search, mix, repeat)
    latency = bench_search.summarise(samples)
    ratio = {c: round(latency[c]["p95_ms"] / service[c]["p95_ms"], 1) for c in latency if c in service}

    same, same_equal, text, text_equal, differences = 0, 0, 0, 0, []
    for category, query in mix:
        mine, theirs = search(query), peer.search(query)
        equal = mine.total == theirs["total"]
        if not query.text:
            facets_equal = all(
                {str(v.value): v.count for v in mine.facets.get(name, [])}
                == {str(k): n for k, n in theirs["facets"][name].items()}
                for name in query.facets
            )
            same += 1
            same_equal += equal and facets_equal
            if not (equal and facets_equal):
                differences.append(f"{category} {dict(query.filters)}: {mine.total} vs {theirs['total']}")
        else:
            text += 1
            text_equal += equal
            if not equal:
                note = " (service relaxed to most words)" if mine.relaxed else ""
                differences.append(f"{query.text!r}: {mine.total} vs {theirs['total']}{note}")
    return {
        "postgresql": version,
        "table": table,
        "configs": peer.configs,
        "load": loaded,
        "latency": latency,
        "ratio_p95": ratio,
        "agreement": {
            "same_meaning": same,
            "same_meaning_equal": same_equal,
            "text": text,
            "text_equal": text_equal,
            "differences": differences,
        },
    }


def _languages() -> list[str]:
    """Every language some document has a text in (the tsvector gets one part per language)."""
    from search.documents import iter_documents

    seen: set[str] = set()
    for n, doc in enumerate(iter_documents()):
        seen.update(doc["texts"])
        if n > 20_000:  # the demo corpus uses every language early; enough to see them all
            break
    return sorted(seen)
