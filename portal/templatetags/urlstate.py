"""The search page keeps its whole state in the query string; these helpers edit that state.

Why a list of pairs instead of a dict: facets are multi-select, so one key repeats
(`country=BRA&country=FRA`) and the order of the pairs is what the user built. Every helper
returns a new list and never mutates its input, so one parsed state can yield many links
(chip removal, tabs, pagination) in a single render.
"""

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

Params = list[tuple[str, str]]

# Keys that describe where the user is in a result list rather than what they asked for: any
# change of filters or text must drop them, or the user lands on page 7 of a smaller result set.
POSITION_KEYS = ("page", "cursor")


def params_from(query: Mapping | Iterable[tuple[str, str]]) -> Params:
    """Non-empty (key, value) pairs from a QueryDict, a dict of lists or a list of pairs, in order."""
    if hasattr(query, "lists"):
        pairs: Iterable[tuple[str, str]] = ((k, v) for k, values in query.lists() for v in values)
    elif isinstance(query, Mapping):
        pairs = (
            (k, v) for k, values in query.items() for v in (values if isinstance(values, list | tuple) else [values])
        )
    else:
        pairs = query
    seen: set[tuple[str, str]] = set()
    out: Params = []
    for key, value in pairs:
        value = "" if value is None else str(value).strip()
        if value and (key, value) not in seen:
            seen.add((key, value))
            out.append((key, value))
    return out


def encode(params: Params) -> str:
    """'?a=1&b=2', or '' when there is nothing to encode (a clean URL for the empty state)."""
    return f"?{urlencode(params)}" if params else ""


def drop(params: Params, *keys: str) -> Params:
    """Remove every value of `keys`."""
    return [(k, v) for k, v in params if k not in keys]


def remove_value(params: Params, key: str, value: str) -> Params:
    """Remove one value of a multi-valued key and reset the position."""
    return [(k, v) for k, v in drop(params, *POSITION_KEYS) if not (k == key and v == value)]


def replace(params: Params, key: str, value: str | None) -> Params:
    """Set `key` to a single value (or remove it when None/empty)."""
    kept = [(k, v) for k, v in params if k != key]
    return [*kept, (key, str(value))] if value not in (None, "") else kept


def values_of(params: Params, key: str) -> list[str]:
    return [v for k, v in params if k == key]
