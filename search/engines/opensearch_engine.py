"""Entry point used by search.engines.build_engine; the implementation lives in search/engines/opensearch/
(an adapter over the shared Elasticsearch-family engine in search/engines/elasticsearch/)."""

from .opensearch import OpenSearchEngine

__all__ = ["OpenSearchEngine"]
