"""A small in-process LRU of facet counts, keyed by the index version and the facet request.

Facet counts over many documents are the most expensive part of a search (every match is visited
once per facet group), and the most repeated requests - the landing page with no text, a country
page - ask for the same counts again and again. A commit or a new generation changes the index
version, so stale counts are never served. Each process keeps its own cache.
"""

import threading
from collections import OrderedDict

MAX_ENTRIES = 256


class FacetCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._data: OrderedDict[tuple, dict[str, dict[str, int]]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_entries = max_entries

    def get(self, key: tuple) -> dict[str, dict[str, int]] | None:
        with self._lock:
            value = self._data.get(key)
            if value is None:
                return None
            self._data.move_to_end(key)
        return {name: dict(counts) for name, counts in value.items()}

    def put(self, key: tuple, value: dict[str, dict[str, int]]) -> None:
        with self._lock:
            self._data[key] = {name: dict(counts) for name, counts in value.items()}
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
