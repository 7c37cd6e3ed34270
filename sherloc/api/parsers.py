"""Request body parsing for the API's write endpoints.

DRF's JSONParser turns a ValueError into a 400 but lets a RecursionError through (a body such as
`[[[[...` nested some thousands deep), which would be a 500. A record is never nested more than a few
levels, so such a body is simply malformed.
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class SafeJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the body is nested too deeply.") from exc
