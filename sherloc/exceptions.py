"""Error types every layer may raise and the API knows how to answer.

They live in the base layer so the API's error handler (sherloc.api.errors) needs no knowledge of the
packages above it: search's QueryError is an InvalidParameter (400 naming the parameter), its EngineError
a ServiceUnavailable (503 with Retry-After).
"""

from __future__ import annotations


class InvalidParameter(ValueError):
    """A request parameter the caller must fix; `param` names it so the API can answer {param: [message]}."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class ServiceUnavailable(RuntimeError):
    """A backing service failed (unreachable, timed out, refused a write); retrying later may succeed."""
