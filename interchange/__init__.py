"""Record interchange: the JSON Lines format, its validation, import, export, and the record writer.

`writer.RecordWriter` is the one code path that writes a record with its children and tags from a
format line: the importer, revision approval (submissions) and the API intake all use it. The format
is specified in docs/import-format.md; `jsonl_format` is its single source of truth in code.
Commands: `import_records`, `export_records`.
"""
