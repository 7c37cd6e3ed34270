"""REST API v1 plumbing shared by the apps' API views.

The apps own their serializers, filters and viewsets (`<app>/api.py`); this package holds what they
share: error shape (errors.py), parameter checks (params.py), language negotiation (language.py),
pagination, throttles, conditional GET, permissions, reusable filters and the base viewsets, plus the
router that mounts everything under /api/v1/ (urls.py).
"""
