"""OpenSearch engine: the Elasticsearch engine's code (search/engines/elasticsearch/: mapping, queries,
cursor, parsing and the index lifecycle) with the `opensearch-py` client adapter."""

from .engine import OpenSearchAdapter, OpenSearchEngine

__all__ = ["OpenSearchAdapter", "OpenSearchEngine"]
