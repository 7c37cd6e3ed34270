"""Engine selection by settings.SEARCH_ENGINE ('tantivy', 'elasticsearch' or 'opensearch')."""

import threading

from django.conf import settings

from .base import EngineError, SearchEngine

_lock = threading.Lock()
_engine: SearchEngine | None = None


def build_engine(name: str | None = None) -> SearchEngine:
    name = name or settings.SEARCH_ENGINE
    if name == "tantivy":
        from .tantivy_engine import TantivyEngine

        return TantivyEngine(settings.SEARCH_INDEX_DIR)
    if name == "elasticsearch":
        from .elasticsearch_engine import ElasticsearchEngine

        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, prefix=settings.SEARCH_INDEX_PREFIX)
    if name == "opensearch":
        from .opensearch_engine import OpenSearchEngine

        return OpenSearchEngine(settings.OPENSEARCH_URL, prefix=settings.SEARCH_INDEX_PREFIX)
    raise EngineError(f"Unknown SEARCH_ENGINE {name!r}: use 'tantivy', 'elasticsearch' or 'opensearch'.")


def get_engine() -> SearchEngine:
    """The process-wide engine (opened lazily, once)."""
    global _engine
    with _lock:
        if _engine is None:
            _engine = build_engine()
        return _engine


def reset_engine() -> None:
    """Forget the cached engine (tests switch index directories)."""
    global _engine
    with _lock:
        if _engine is not None:
            _engine.close()
        _engine = None


__all__ = ["EngineError", "SearchEngine", "build_engine", "get_engine", "reset_engine"]
