"""The engine contract. Both engines implement it; tests/search/test_engine_contract.py checks it.

Documents are plain dicts built by search.documents (see that module for the field list). Every
document carries `id` ("<kind>:<pk>") and `version` (the record's updated_at as an ISO string),
which `versions()` returns so that `search_index check` and the reconcile task can compare the
index with the database without loading documents.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence

from sherloc.exceptions import ServiceUnavailable

from ..query import SearchQuery
from ..results import EngineResult, Hit


class EngineError(ServiceUnavailable):
    """The engine failed (unreachable, timed out, refused a write). Indexing tasks retry on it."""


class SearchEngine(ABC):
    name: str = "base"

    @abstractmethod
    def upsert(self, docs: Iterable[dict]) -> int:
        """Insert or replace documents by `id`. Returns how many were written. Idempotent."""

    @abstractmethod
    def delete(self, ids: Iterable[str]) -> int:
        """Delete documents by id; unknown ids are ignored. Idempotent."""

    @abstractmethod
    def search(self, query: SearchQuery) -> EngineResult:
        """Run a query; facet counts follow multi-select semantics (own filter excluded)."""

    @abstractmethod
    def similar(self, doc_id: str, size: int = 5) -> list[Hit]:
        """Up to `size` documents of the same type as `doc_id`, most alike first, never `doc_id` itself:
        shared crime types, sub-types and articles (constants, search.schema.SIMILAR_WEIGHTS) plus the
        BM25 score of its significant words (more like this). [] when `doc_id` is not indexed or nothing
        shares anything with it. Hits carry no snippets."""

    @abstractmethod
    def rebuild(self, docs: Iterable, sample: Sequence[dict] = ()) -> int:
        """Replace the whole index with `docs`; searches keep working on the old data meanwhile.

        `docs` are documents, or what `preparer(sample)` made of them (a parallel rebuild converts
        them in worker processes). `sample`: documents spread over the whole corpus, which an engine
        may use to lay out its sort keys (the same sample as the preparer's)."""

    def preparer(self, sample: Sequence[dict] = ()) -> Callable[[dict], object] | None:
        """A picklable function turning a document into what `rebuild(docs, sample)` writes, for
        worker processes to run; None when the engine has nothing to do ahead of writing."""
        return None

    @abstractmethod
    def versions(self) -> dict[str, str]:
        """{document id: version} for every indexed document."""

    @abstractmethod
    def count(self) -> int:
        """Number of documents in the index."""

    @abstractmethod
    def clear(self) -> None:
        """Drop everything (tests, rebuild from nothing)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release file handles / connections."""
