"""The Elasticsearch-family engines: index lifecycle (alias + timestamped indices), writes, search.

IndexEngine holds all of it and talks to the server only through a ClientAdapter (adapter.py):
ElasticsearchEngine and search/engines/opensearch/ OpenSearchEngine are the same engine with another
adapter, so both send the same request bodies and read responses with the same code.

Index layout: searches and writes go through the alias `<prefix>-documents`, which points at exactly
one concrete index `<prefix>-documents-<UTC timestamp>`. A rebuild loads a fresh index and then moves
the alias in one atomic `update_aliases` call, so searches never see a half-built index.

Freshness: with `refresh=True` (the default) upserts and deletes use `refresh="wait_for"`: the call
returns once the change is searchable, without forcing a refresh per request. That costs write latency
(up to one refresh_interval per bulk request) but lets a record saved in the admin show up in the next
search and keeps the engine contract ("written means findable"). Bulk loaders that do not need it can
pass `refresh=False`; a rebuild never waits per bulk request and refreshes once at the end.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from ...query import ParsedText, SearchQuery
from ...results import EngineResult, Hit
from ..base import EngineError, SearchEngine
from .adapter import ClientAdapter, ElasticsearchAdapter
from .mapping import DEFAULT_REFRESH_INTERVAL, index_body, to_source
from .parsing import empty_result, parse_hit, parse_search
from .queries import PIT_KEEP_ALIVE, build_search, similar_body, similar_source_body, versions_page_body

log = logging.getLogger(__name__)

CHUNK_SIZE = 500  # documents per bulk request
MAX_CHUNK_BYTES = 20 * 1024 * 1024  # far below http.max_content_length (100 MB) even with long case texts
BULK_RETRIES = 3  # per chunk, for 429 (node busy) item rejections


def _redact(url: str) -> str:
    """The URL without user:password, for error messages."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def parse_text(text: str) -> ParsedText:
    """The user's text through the shared tolerant parser (imported lazily: it is a sibling module
    that the engine must not need just to be imported, e.g. by management commands)."""
    if not text.strip():
        return ParsedText()
    from ...textquery import parse_text as tolerant_parse

    return tolerant_parse(text)


class IndexEngine(SearchEngine):
    """One alias over timestamped indices on an Elasticsearch-family server, through the server's client
    adapter (`adapter_class`). A `client` may be given, e.g. bound to a fake node; else one is made for
    `url` and closed with the engine."""

    name = ""
    adapter_class: ClassVar[type[ClientAdapter]]

    def __init__(
        self,
        url: str,
        prefix: str = "sherloc",
        client: Any = None,
        *,
        request_timeout: float = 30.0,
        refresh: bool = True,
        refresh_interval: str = DEFAULT_REFRESH_INTERVAL,
        shards: int = 1,
        replicas: int = 1,
        max_result_window: int = 10_000,
    ) -> None:
        if client is not None:
            adapter = self.adapter_class(client)
        elif url:
            adapter = self.adapter_class.connect(url, request_timeout)
        else:
            setting = self.adapter_class.url_setting
            raise EngineError(f"{setting} is not set: the {self.name} engine needs a cluster URL.")
        self.url = _redact(url or "")
        self.adapter = adapter
        self.client = adapter.client
        self._owns_client = client is None
        self.alias = f"{prefix.lower()}-documents"  # index and alias names must be lower case
        self.refresh = refresh
        self.index_options = {
            "shards": shards,
            "replicas": replicas,
            "refresh_interval": refresh_interval,
            "max_result_window": max_result_window,
        }
        self._alias_ready = False  # set once the alias is known to exist (saves a HEAD per write)

    # ------------------------------------------------------------------ plumbing

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Every client failure leaves as EngineError (the indexing tasks retry on it)."""
        product = self.adapter.product
        try:
            yield
        except self.adapter.bulk_errors as exc:
            self._alias_ready = False
            errors = getattr(exc, "errors", None) or []
            first = errors[0] if errors else {}
            raise EngineError(f"{product} {action}: {len(errors)} document(s) refused, first: {first}") from exc
        except self.adapter.unreachable_errors as exc:
            where = f" at {self.url}" if self.url else ""
            raise EngineError(f"{product} {action} failed: cluster unreachable{where}: {exc}") from exc
        except self.adapter.api_errors as exc:
            self._alias_ready = False
            raise EngineError(f"{product} {action} failed: {exc}") from exc
        except ValueError as exc:  # a document outside the schema (mapping.to_source)
            raise EngineError(f"{product} {action}: {exc}") from exc

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def _is_own_index(self, name: str) -> bool:
        return re.fullmatch(re.escape(self.alias) + r"-\d{20}", name) is not None

    def _alias_indices(self) -> list[str]:
        """Concrete indices behind the alias ([] when it does not exist yet)."""
        try:
            return sorted(self.adapter.get_alias(name=self.alias))
        except self.adapter.not_found_errors:
            return []

    def _ensure_alias(self) -> None:
        """First write on an empty cluster: create an index with the alias on it."""
        if self._alias_ready:
            return
        if not self.adapter.exists_alias(self.alias):
            self.adapter.create_index(
                self._new_index_name(), index_body(**self.index_options), aliases={self.alias: {}}
            )
        self._alias_ready = True

    def _bulk(self, actions: Iterable[dict], **params: Any) -> int:
        """Stream actions in chunks; returns how many succeeded. Item errors raise the bulk error,
        except statuses in `ignore_status` (404 for deletes), which are simply not counted."""
        done = 0
        for ok, _item in self.adapter.streaming_bulk(
            actions,
            chunk_size=CHUNK_SIZE,
            max_chunk_bytes=MAX_CHUNK_BYTES,
            max_retries=BULK_RETRIES,
            initial_backoff=1,
            **params,
        ):
            done += ok
        return done

    def _write_params(self) -> dict:
        # require_alias: if the alias vanished (clear() elsewhere), fail instead of auto-creating a
        # concrete index called like the alias with a guessed mapping.
        return {"refresh": "wait_for" if self.refresh else None, "require_alias": True}

    @staticmethod
    def _index_actions(docs: Iterable[dict], index: str) -> Iterator[dict]:
        for doc in docs:
            yield {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": to_source(doc)}

    # ------------------------------------------------------------------ writes

    def upsert(self, docs: Iterable[dict]) -> int:
        docs = iter(docs)
        first = next(docs, None)
        if first is None:
            return 0
        with self._errors("upsert"):
            self._ensure_alias()
            return self._bulk(self._index_actions(itertools.chain([first], docs), self.alias), **self._write_params())

    def delete(self, ids: Iterable[str]) -> int:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return 0
        with self._errors("delete"):
            if not self._alias_ready and not self.adapter.exists_alias(self.alias):
                return 0  # nothing was ever indexed: nothing to delete
            self._alias_ready = True
            actions = ({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids)
            return self._bulk(actions, ignore_status=(404,), **self._write_params())

    def rebuild(self, docs: Iterable[dict], sample: Sequence[dict] = ()) -> int:
        """Load a new index, then swap the alias atomically; searches use the old index until then.
        (`sample` is not needed: sorts use the keyword columns.)

        Writes that arrive during a rebuild go to the old index and are lost with it; the periodic
        reconcile (versions() against the database) repairs them.
        """
        new = self._new_index_name()
        with self._errors("rebuild"):
            # No periodic refresh while loading: one refresh at the end is much cheaper.
            self.adapter.create_index(new, index_body(**{**self.index_options, "refresh_interval": "-1"}))
            try:
                count = self._bulk(self._index_actions(docs, new))
                self.adapter.put_settings(new, {"index": {"refresh_interval": self.index_options["refresh_interval"]}})
                self.adapter.refresh(new)
                old = self._alias_indices()
                actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
                actions.append({"add": {"index": new, "alias": self.alias}})
                self.adapter.update_aliases(actions)
            except BaseException:
                with contextlib.suppress(Exception):  # best effort; the original error matters
                    self.adapter.delete_indices(new)
                raise
            self._alias_ready = True
            if old:
                try:
                    self.adapter.delete_indices(old)
                except (*self.adapter.api_errors, *self.adapter.unreachable_errors) as exc:
                    # the new index is live: do not fail the rebuild
                    log.warning("rebuild: could not delete old index(es) %s: %s", old, exc)
        return count

    def clear(self) -> None:
        """Delete every index behind the alias, plus leftovers of interrupted rebuilds."""
        with self._errors("clear"):
            names = set(self._alias_indices())
            # GET <pattern>/_alias lists every matching index, with or without aliases ({} if none).
            matching = self.adapter.get_alias(index=f"{self.alias}-*")
            names |= {name for name in matching if self._is_own_index(name)}
            if names:
                self.adapter.delete_indices(sorted(names))
        self._alias_ready = False

    # ------------------------------------------------------------------ reads

    def search(self, query: SearchQuery) -> EngineResult:
        plan = build_search(query, parse_text(query.text))  # QueryError passes through untouched
        with self._errors("search"):
            try:
                resp = self.adapter.search(self.alias, plan.body)
            except self.adapter.not_found_errors:
                return empty_result(query)  # no alias yet: nothing indexed
        return parse_search(resp, query, plan)

    def similar(self, doc_id: str, size: int = 5) -> list[Hit]:
        """Two requests: the record's type and tags, then the records like it (queries.similar_body)."""
        with self._errors("similar"):
            try:
                found = self.adapter.search(self.alias, similar_source_body(doc_id))["hits"]["hits"]
                if not found:
                    return []
                resp = self.adapter.search(self.alias, similar_body(doc_id, found[0].get("_source") or {}, size))
            except self.adapter.not_found_errors:
                return []  # no alias yet: nothing indexed
        return [parse_hit(hit) for hit in resp["hits"]["hits"]]

    def versions(self) -> dict[str, str]:
        """{id: version} of every document, scanned under one point in time (a consistent snapshot)."""
        out: dict[str, str] = {}
        with self._errors("versions"):
            try:
                pit_id = self.adapter.open_point_in_time(self.alias, PIT_KEEP_ALIVE)
            except self.adapter.not_found_errors:
                return out
            try:
                after = None
                while True:
                    body = versions_page_body(pit_id, after)
                    body["sort"] = list(self.adapter.versions_sort)
                    resp = self.adapter.search(None, body)
                    pit_id = resp.get("pit_id", pit_id)  # the id may change between pages
                    hits = resp["hits"]["hits"]
                    for hit in hits:
                        out[hit["_id"]] = (hit.get("_source") or {}).get("version", "")
                    if len(hits) < body["size"]:
                        break
                    after = hits[-1]["sort"]
            finally:
                with contextlib.suppress(Exception):  # it expires after keep_alive anyway
                    self.adapter.close_point_in_time(pit_id)
        return out

    def count(self) -> int:
        with self._errors("count"):
            try:
                return self.adapter.count(self.alias)
            except self.adapter.not_found_errors:
                return 0

    def close(self) -> None:
        if self._owns_client:
            self.adapter.close()


class ElasticsearchEngine(IndexEngine):
    """The official `elasticsearch` 9 client."""

    name = "elasticsearch"
    adapter_class = ElasticsearchAdapter
