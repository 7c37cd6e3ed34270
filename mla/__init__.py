"""The mutual legal assistance request writer: a practitioner's private drafts (docs/mla.md)."""
