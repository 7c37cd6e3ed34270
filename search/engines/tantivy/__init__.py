"""The embedded tantivy engine. See engine.py for how a search runs, store.py for the on-disk layout."""

from .engine import TantivyEngine

__all__ = ["TantivyEngine"]
