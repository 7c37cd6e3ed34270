from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide features: public pages, the search page and API endpoint, the API router, sitemaps, downloads."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self) -> None:
        from . import sitemaps

        sitemaps.connect()
