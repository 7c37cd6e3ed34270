from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        """Keep the index fresh: model signals enqueue indexing tasks after each commit."""
        from . import signals

        signals.connect()
