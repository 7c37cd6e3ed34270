"""Entry point used by search.engines.build_engine; the implementation lives in the package
search/engines/elasticsearch/ (mapping, queries, cursor, parsing, engine)."""

from .elasticsearch import ElasticsearchEngine

__all__ = ["ElasticsearchEngine"]
