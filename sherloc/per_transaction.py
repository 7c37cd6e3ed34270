"""State kept for the current database transaction and acted on once it commits.

Save-side effects (stamping record versions, sending indexing tasks) want "once per record per
transaction": a form that saves a case, its people and its tags should stamp and index the case once,
and a rolled-back transaction should send nothing. Both keep a buffer per connection and transaction;
this module is the one implementation of finding (or starting) it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from django.db import transaction


class Buffer(Protocol):
    def on_commit(self) -> None:
        """Act on what the transaction collected (runs after commit, never on rollback)."""


B = TypeVar("B", bound=Buffer)


def buffer(using: str | None, attr: str, factory: Callable[[], B]) -> tuple[B, bool]:
    """The current transaction's buffer named `attr` on connection `using`, created if needed.

    Returns (buffer, in_transaction). Outside an atomic block (autocommit) the change is committed already:
    the caller gets a fresh buffer and acts on it at once (in_transaction is False).
    """
    conn = transaction.get_connection(using or "default")
    if not conn.in_atomic_block:
        return factory(), False
    current = getattr(conn, attr, None)
    # A buffer is finished once its callback ran (tests' captureOnCommitCallbacks runs callbacks but leaves
    # them listed) or left run_on_commit because its (savepoint) transaction rolled back: Django keeps the
    # function object we registered, so identity tells whether it is still pending.
    if (
        current is None
        or current._per_transaction_done
        or not any(cb is current._per_transaction_callback for _, cb, _ in conn.run_on_commit)
    ):
        current = factory()
        _register(current, using or "default")
        setattr(conn, attr, current)
    return current, True


def _register(state: Buffer, using: str) -> None:
    def callback() -> None:
        state._per_transaction_done = True
        state.on_commit()

    state._per_transaction_done = False
    state._per_transaction_callback = callback
    transaction.on_commit(callback, using=using)
