"""The OpenSearch engine: IndexEngine (search/engines/elasticsearch/engine.py) with the `opensearch-py`
client. Same mapping, request bodies, response parsing, cursors and alias/rebuild protocol as the
Elasticsearch engine; what differs between the servers or the clients is in OpenSearchAdapter and
listed in docs/search.md ("Elasticsearch and OpenSearch").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as OSConnectionError
from opensearchpy.exceptions import NotFoundError, SerializationError, TransportError
from opensearchpy.helpers import BulkIndexError, streaming_bulk

from ..elasticsearch.adapter import ClientAdapter
from ..elasticsearch.engine import IndexEngine

POOL_MAXSIZE = 10  # kept-open connections to the node, per process


class OpenSearchAdapter(ClientAdapter):
    """`opensearch-py` 3: request bodies go in `body=`, responses are plain dicts."""

    product = "OpenSearch"
    url_setting = "OPENSEARCH_URL"
    # OpenSearch has no `_shard_doc` sort (it forked before Elasticsearch added it): the versions
    # scan sorts its point in time by the unique `id` keyword (doc values) instead.
    versions_sort = [{"id": "asc"}]
    bulk_errors = (BulkIndexError,)
    # In opensearch-py every error is a TransportError; ConnectionError (and its ConnectionTimeout,
    # SSLError) means no answer, any other TransportError carries the server's status and reason.
    unreachable_errors = (OSConnectionError, SerializationError)
    api_errors = (TransportError,)
    not_found_errors = (NotFoundError,)

    def __init__(self, client: Any) -> None:
        self.client = client

    @classmethod
    def connect(cls, url: str, request_timeout: float) -> OpenSearchAdapter:
        # urllib3 keeps one connection per host unless told otherwise: threads searching at once would
        # open and drop a connection per request ("Connection pool is full, discarding connection").
        # POOL_MAXSIZE matches the Elasticsearch client's default (connections_per_node=10).
        return cls(
            OpenSearch(
                hosts=[url],
                timeout=request_timeout,
                retry_on_timeout=True,
                max_retries=3,
                pool_maxsize=POOL_MAXSIZE,
            )
        )

    def exists_alias(self, name: str) -> bool:
        return bool(self.client.indices.exists_alias(name=name))

    def get_alias(self, *, name: str | None = None, index: str | None = None) -> dict:
        kwargs = {k: v for k, v in (("name", name), ("index", index)) if v is not None}
        return self.client.indices.get_alias(**kwargs)

    def create_index(self, index: str, body: dict, aliases: dict | None = None) -> None:
        self.client.indices.create(index=index, body={**body, **({"aliases": aliases} if aliases else {})})

    def put_settings(self, index: str, settings: dict) -> None:
        self.client.indices.put_settings(index=index, body=settings)

    def refresh(self, index: str) -> None:
        self.client.indices.refresh(index=index)

    def update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(body={"actions": actions})

    def delete_indices(self, names: str | list[str]) -> None:
        index = names if isinstance(names, str) else ",".join(names)
        self.client.indices.delete(index=index, params={"ignore_unavailable": "true"})

    def streaming_bulk(self, actions: Iterable[dict], **options: Any) -> Iterator[tuple[bool, dict]]:
        # opensearch-py would send refresh=None literally: leave the parameter out instead.
        options = {key: value for key, value in options.items() if value is not None}
        return streaming_bulk(self.client, actions, **options)

    def search(self, index: str | None, body: dict) -> dict:
        if index is None:  # a point-in-time search names no index
            return self.client.search(body=body)
        return self.client.search(index=index, body=body)

    def count(self, index: str) -> int:
        return int(self.client.count(index=index)["count"])

    def open_point_in_time(self, index: str, keep_alive: str) -> str:
        return self.client.create_pit(index=index, params={"keep_alive": keep_alive})["pit_id"]

    def close_point_in_time(self, pit_id: str) -> None:
        self.client.delete_pit(body={"pit_id": [pit_id]})


class OpenSearchEngine(IndexEngine):
    """The `opensearch-py` client."""

    name = "opensearch"
    adapter_class = OpenSearchAdapter
