from django.apps import AppConfig


class SherlocConfig(AppConfig):
    name = "sherloc"
    verbose_name = "SHERLOC core"

    def ready(self) -> None:
        from . import removals, sitemaps

        removals.connect()
        sitemaps.connect()
