"""Entry point used by search.engines.build_engine; the implementation lives in search/engines/tantivy/."""

from .tantivy import TantivyEngine

__all__ = ["TantivyEngine"]
