"""The focal points' record forms: `law`, `case` and `authority`, on the widgets and formset rules of
`common`. The completeness rules they apply live in `submissions.completeness`, shared with the API."""
