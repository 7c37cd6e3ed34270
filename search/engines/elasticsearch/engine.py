"""The Elasticsearch engine: index lifecycle (alias + timestamped indices), writes, search.

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
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from ...query import ParsedText, SearchQuery
from ...results import EngineResult
from ..base import EngineError, SearchEngine
from .mapping import DEFAULT_REFRESH_INTERVAL, index_body, to_source
from .parsing import empty_result, parse_search
from .queries import PIT_KEEP_ALIVE, build_search, versions_page_body

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


def _body(resp: object) -> dict:
    """The JSON body of a client response (ObjectApiResponse has no .get(); fakes may return dicts)."""
    return resp.body if hasattr(resp, "body") else resp  # type: ignore[return-value]


def parse_text(text: str) -> ParsedText:
    """The user's text through the shared tolerant parser (imported lazily: it is a sibling module
    that the engine must not need just to be imported, e.g. by management commands)."""
    if not text.strip():
        return ParsedText()
    from ...textquery import parse_text as tolerant_parse

    return tolerant_parse(text)


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        prefix: str = "sherloc",
        client: Elasticsearch | None = None,
        *,
        refresh: bool = True,
        refresh_interval: str = DEFAULT_REFRESH_INTERVAL,
        shards: int = 1,
        replicas: int = 1,
        max_result_window: int = 10_000,
        request_timeout: float = 30.0,
    ) -> None:
        self.url = _redact(url or "")
        if client is None:
            if not url:
                raise EngineError("ELASTICSEARCH_URL is not set: the elasticsearch engine needs a cluster URL.")
            client = Elasticsearch(url, request_timeout=request_timeout, retry_on_timeout=True, max_retries=3)
            self._owns_client = True
        else:
            self._owns_client = False
        self.client = client
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
        try:
            yield
        except BulkIndexError as exc:
            self._alias_ready = False
            first = exc.errors[0] if exc.errors else {}
            raise EngineError(f"Elasticsearch {action}: {len(exc.errors)} document(s) refused, first: {first}") from exc
        except ApiError as exc:
            self._alias_ready = False
            raise EngineError(f"Elasticsearch {action} failed: {exc}") from exc
        except TransportError as exc:  # ConnectionError, ConnectionTimeout, SerializationError, TLS
            where = f" at {self.url}" if self.url else ""
            raise EngineError(f"Elasticsearch {action} failed: cluster unreachable{where}: {exc}") from exc
        except ValueError as exc:  # a document outside the schema (mapping.to_source)
            raise EngineError(f"Elasticsearch {action}: {exc}") from exc

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def _is_own_index(self, name: str) -> bool:
        return re.fullmatch(re.escape(self.alias) + r"-\d{20}", name) is not None

    def _alias_indices(self) -> list[str]:
        """Concrete indices behind the alias ([] when it does not exist yet)."""
        try:
            resp = self.client.indices.get_alias(name=self.alias)
        except NotFoundError:
            return []
        return sorted(_body(resp))

    def _ensure_alias(self) -> None:
        """First write on an empty cluster: create an index with the alias on it."""
        if self._alias_ready:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            self.client.indices.create(
                index=self._new_index_name(), aliases={self.alias: {}}, **index_body(**self.index_options)
            )
        self._alias_ready = True

    def _bulk(self, actions: Iterable[dict], **params: object) -> int:
        """Stream actions in chunks; returns how many succeeded. Item errors raise BulkIndexError,
        except statuses in `ignore_status` (404 for deletes), which are simply not counted."""
        done = 0
        for ok, _item in streaming_bulk(
            self.client,
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
            if not self._alias_ready and not self.client.indices.exists_alias(name=self.alias):
                return 0  # nothing was ever indexed: nothing to delete
            self._alias_ready = True
            actions = ({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids)
            return self._bulk(actions, ignore_status=(404,), **self._write_params())

    def rebuild(self, docs: Iterable[dict]) -> int:
        """Load a new index, then swap the alias atomically; searches use the old index until then.

        Writes that arrive during a rebuild go to the old index and are lost with it; the periodic
        reconcile (versions() against the database) repairs them.
        """
        new = self._new_index_name()
        with self._errors("rebuild"):
            # No periodic refresh while loading: one refresh at the end is much cheaper.
            self.client.indices.create(index=new, **index_body(**{**self.index_options, "refresh_interval": "-1"}))
            try:
                count = self._bulk(self._index_actions(docs, new))
                self.client.indices.put_settings(
                    index=new, settings={"index": {"refresh_interval": self.index_options["refresh_interval"]}}
                )
                self.client.indices.refresh(index=new)
                old = self._alias_indices()
                actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
                actions.append({"add": {"index": new, "alias": self.alias}})
                self.client.indices.update_aliases(actions=actions)
            except BaseException:
                with contextlib.suppress(Exception):  # best effort; the original error matters
                    self.client.indices.delete(index=new, ignore_unavailable=True)
                raise
            self._alias_ready = True
            if old:
                try:
                    self.client.indices.delete(index=old, ignore_unavailable=True)
                except (ApiError, TransportError) as exc:  # the new index is live: do not fail the rebuild
                    log.warning("rebuild: could not delete old index(es) %s: %s", old, exc)
        return count

    def clear(self) -> None:
        """Delete every index behind the alias, plus leftovers of interrupted rebuilds."""
        with self._errors("clear"):
            names = set(self._alias_indices())
            # GET <pattern>/_alias lists every matching index, with or without aliases ({} if none).
            matching = _body(self.client.indices.get_alias(index=f"{self.alias}-*"))
            names |= {name for name in matching if self._is_own_index(name)}
            if names:
                self.client.indices.delete(index=sorted(names), ignore_unavailable=True)
        self._alias_ready = False

    # ------------------------------------------------------------------ reads

    def search(self, query: SearchQuery) -> EngineResult:
        plan = build_search(query, parse_text(query.text))  # QueryError passes through untouched
        with self._errors("search"):
            try:
                resp = self.client.search(index=self.alias, body=plan.body)
            except NotFoundError:
                return empty_result(query)  # no alias yet: nothing indexed
        return parse_search(_body(resp), query, plan)

    def versions(self) -> dict[str, str]:
        """{id: version} of every document, scanned under one point in time (a consistent snapshot)."""
        out: dict[str, str] = {}
        with self._errors("versions"):
            try:
                pit = self.client.open_point_in_time(index=self.alias, keep_alive=PIT_KEEP_ALIVE)
                pit_id = _body(pit)["id"]
            except NotFoundError:
                return out
            try:
                after = None
                while True:
                    body = versions_page_body(pit_id, after)
                    resp = _body(self.client.search(body=body))
                    pit_id = resp.get("pit_id", pit_id)  # the id may change between pages
                    hits = resp["hits"]["hits"]
                    for hit in hits:
                        out[hit["_id"]] = (hit.get("_source") or {}).get("version", "")
                    if len(hits) < body["size"]:
                        break
                    after = hits[-1]["sort"]
            finally:
                with contextlib.suppress(Exception):  # it expires after keep_alive anyway
                    self.client.close_point_in_time(id=pit_id)
        return out

    def count(self) -> int:
        with self._errors("count"):
            try:
                return int(_body(self.client.count(index=self.alias))["count"])
            except NotFoundError:
                return 0

    def close(self) -> None:
        if self._owns_client:
            self.client.close()
