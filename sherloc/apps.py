from django.apps import AppConfig


class SherlocConfig(AppConfig):
    name = "sherloc"
    verbose_name = "SHERLOC core"

    def ready(self) -> None:
        from . import fastpath, removals, sitemaps  # noqa: F401 - fastpath registers its system check

        removals.connect()
        sitemaps.connect()
