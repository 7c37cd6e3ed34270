"""The focal points' pages: a form page per record type (`law`, `case`, `authority`) on the shared flow of
`editing`, the landing page and "My submissions" (`home`), and the start of an update (`revise`)."""
