"""Query-parameter hygiene: unknown or repeated parameters are a 400 naming them.

Silently ignoring `?contry=BRA` returns the whole database and the client never learns about the typo
(CourtListener rejects unknown parameters for the same reason).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import QueryDict
from rest_framework.exceptions import ValidationError

UNKNOWN = "Unknown parameter."
REPEATED = "Give this parameter once; separate several values with commas."


def param_errors(params: QueryDict, allowed: Iterable[str], repeatable: Iterable[str] = ()) -> dict[str, list[str]]:
    """{name: [message]} for every unknown and every wrongly repeated parameter."""
    if not isinstance(allowed, set | frozenset):
        allowed = set(allowed)
    if not isinstance(repeatable, set | frozenset):
        repeatable = set(repeatable)
    errors: dict[str, list[str]] = {}
    for name in params:
        if name not in allowed:
            errors[name] = [UNKNOWN]
        elif name not in repeatable and len(params.getlist(name)) > 1:
            errors[name] = [REPEATED]
    return errors


def check_params(params: QueryDict, allowed: Iterable[str], repeatable: Iterable[str] = ()) -> None:
    """Raise one ValidationError listing every unknown and every wrongly repeated parameter."""
    errors = param_errors(params, allowed, repeatable)
    if errors:
        raise ValidationError(errors)
