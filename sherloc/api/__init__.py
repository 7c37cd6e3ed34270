"""REST API v1 plumbing shared by the apps' API views (pagination, errors, throttles, router)."""
