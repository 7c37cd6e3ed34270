"""SHERLOC portal: the shared base layer (abstract record models, uploads, rich text, cache, access rules)."""
