"""Filters for the account pages."""

import datetime as dt
import math

from django import template

register = template.Library()


@register.filter
def minutes(value: dt.timedelta | None) -> int:
    """A duration in whole minutes, rounded up (the lockout page says how long to wait)."""
    if not isinstance(value, dt.timedelta):
        return 0
    return max(1, math.ceil(value.total_seconds() / 60))
