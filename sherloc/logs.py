"""Logging helpers referenced from settings.LOGGING."""

from __future__ import annotations

import logging

EXPECTED_REFUSALS = frozenset({401, 403, 404, 405})


class ExpectedRefusalFilter(logging.Filter):
    """A refused request (403 from PermissionDenied, 404 from Http404...) is an ordinary answer, not a
    fault: Django logs it with the exception attached, which prints a full traceback for every 403. Keep
    the one-line message ("Forbidden (Permission denied): /path") and drop the traceback. 5xx keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in EXPECTED_REFUSALS and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True
