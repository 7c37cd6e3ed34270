"""Bulk record interchange: the JSON Lines format, its validation, import, export and the demo data set.

Not a Django app (no models): plain modules used by the management commands in `sherloc/` and by tests.
The format is specified in docs/import-format.md; `jsonl_format` is its single source of truth in code.
"""
