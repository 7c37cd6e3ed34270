"""Elasticsearch engine package: mapping (schema -> index), queries (query -> request body), cursor,
parsing (response -> EngineResult) and engine (client calls, index lifecycle)."""

from .engine import ElasticsearchEngine

__all__ = ["ElasticsearchEngine"]
