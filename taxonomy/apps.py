from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Vocabularies"

    def ready(self) -> None:
        """Vocabulary saves and deletes invalidate the cached registry (taxonomy.registry)."""
        from . import registry

        registry.connect()
