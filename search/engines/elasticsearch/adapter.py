"""The client-specific half of the Elasticsearch-family engines: one thin adapter per client library.

Everything that decides *what* the server is asked (mapping, request bodies, response parsing,
cursors, the alias/rebuild protocol) is shared by Elasticsearch and OpenSearch and lives in the
sibling modules and in engine.IndexEngine. An adapter only says *how* one client library asks it:

- call conventions: the `elasticsearch` 9 client takes the request body as keyword arguments
  (`settings=`, `mappings=`, `actions=`) and returns ObjectApiResponse objects; `opensearch-py` takes
  `body=` and returns plain dicts;
- point in time: Elasticsearch `POST /<index>/_pit` -> `id`, `DELETE /_pit {"id"}`; OpenSearch
  `POST /<index>/_search/point_in_time` -> `pit_id`, `DELETE /_search/point_in_time {"pit_id": [..]}`;
- the tie-breaker of the versions scan: Elasticsearch sorts a point in time by `_shard_doc` (index
  order, the cheapest); OpenSearch has no `_shard_doc`, so it sorts by the unique `id` keyword;
- exceptions: which of the client's classes mean "not found", "the server refused", "unreachable"
  and "bulk items refused".

The engine never imports a client library itself; adding a third server of the family is one more
adapter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import BulkIndexError, streaming_bulk


class ClientAdapter:
    """Interface used by engine.IndexEngine. Every method returns plain JSON-like dicts/lists."""

    product: ClassVar[str] = ""  # "Elasticsearch" / "OpenSearch": in error messages
    url_setting: ClassVar[str] = ""  # the Django setting that holds the URL, for error messages
    # Exception classes of the client library, by meaning (tuples; matched in this order):
    bulk_errors: ClassVar[tuple[type[BaseException], ...]] = ()  # bulk items refused (helper)
    unreachable_errors: ClassVar[tuple[type[BaseException], ...]] = ()  # connection, timeout, TLS
    api_errors: ClassVar[tuple[type[BaseException], ...]] = ()  # the server answered with an error
    not_found_errors: ClassVar[tuple[type[BaseException], ...]] = ()  # 404 (a subset of api_errors)
    # Sort of the versions scan under a point in time (unique and cheap).
    versions_sort: ClassVar[list[dict]] = []

    client: Any

    # -- aliases and indices
    def exists_alias(self, name: str) -> bool:
        raise NotImplementedError

    def get_alias(self, *, name: str | None = None, index: str | None = None) -> dict:
        """{index: {"aliases": {...}}}; raises a not_found error when nothing matches `name`."""
        raise NotImplementedError

    def create_index(self, index: str, body: dict, aliases: dict | None = None) -> None:
        """`body`: mapping.index_body() ({"settings", "mappings"})."""
        raise NotImplementedError

    def put_settings(self, index: str, settings: dict) -> None:
        raise NotImplementedError

    def refresh(self, index: str) -> None:
        raise NotImplementedError

    def update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def delete_indices(self, names: str | list[str]) -> None:
        """Deletes the indices, ignoring those that no longer exist."""
        raise NotImplementedError

    # -- documents
    def streaming_bulk(self, actions: Iterable[dict], **options: Any) -> Iterator[tuple[bool, dict]]:
        """The client library's helpers.streaming_bulk (same options in both libraries)."""
        raise NotImplementedError

    def search(self, index: str | None, body: dict) -> dict:
        raise NotImplementedError

    def count(self, index: str) -> int:
        raise NotImplementedError

    # -- point in time
    def open_point_in_time(self, index: str, keep_alive: str) -> str:
        """The id of a new point in time; raises a not_found error when `index` does not exist."""
        raise NotImplementedError

    def close_point_in_time(self, pit_id: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.client.close()


def response_body(resp: object) -> Any:
    """The JSON body of a client response (ObjectApiResponse has no .get(); fakes may return dicts)."""
    return resp.body if hasattr(resp, "body") else resp


class ElasticsearchAdapter(ClientAdapter):
    """The official `elasticsearch` 9 client (keyword-argument bodies, ObjectApiResponse)."""

    product = "Elasticsearch"
    url_setting = "ELASTICSEARCH_URL"
    versions_sort = [{"_shard_doc": "asc"}]
    bulk_errors = (BulkIndexError,)
    # ConnectionError, ConnectionTimeout, SerializationError, TLS: no answer worth showing.
    unreachable_errors = (TransportError,)
    api_errors = (ApiError,)
    not_found_errors = (NotFoundError,)

    def __init__(self, client: Any) -> None:
        self.client = client

    @classmethod
    def connect(cls, url: str, request_timeout: float) -> ElasticsearchAdapter:
        return cls(Elasticsearch(url, request_timeout=request_timeout, retry_on_timeout=True, max_retries=3))

    def exists_alias(self, name: str) -> bool:
        return bool(self.client.indices.exists_alias(name=name))

    def get_alias(self, *, name: str | None = None, index: str | None = None) -> dict:
        kwargs = {k: v for k, v in (("name", name), ("index", index)) if v is not None}
        return response_body(self.client.indices.get_alias(**kwargs))

    def create_index(self, index: str, body: dict, aliases: dict | None = None) -> None:
        extra = {"aliases": aliases} if aliases else {}
        self.client.indices.create(index=index, **extra, **body)

    def put_settings(self, index: str, settings: dict) -> None:
        self.client.indices.put_settings(index=index, settings=settings)

    def refresh(self, index: str) -> None:
        self.client.indices.refresh(index=index)

    def update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(actions=actions)

    def delete_indices(self, names: str | list[str]) -> None:
        self.client.indices.delete(index=names, ignore_unavailable=True)

    def streaming_bulk(self, actions: Iterable[dict], **options: Any) -> Iterator[tuple[bool, dict]]:
        return streaming_bulk(self.client, actions, **options)

    def search(self, index: str | None, body: dict) -> dict:
        if index is None:  # a point-in-time search names no index
            return response_body(self.client.search(body=body))
        return response_body(self.client.search(index=index, body=body))

    def count(self, index: str) -> int:
        return int(response_body(self.client.count(index=index))["count"])

    def open_point_in_time(self, index: str, keep_alive: str) -> str:
        return response_body(self.client.open_point_in_time(index=index, keep_alive=keep_alive))["id"]

    def close_point_in_time(self, pit_id: str) -> None:
        self.client.close_point_in_time(id=pit_id)
