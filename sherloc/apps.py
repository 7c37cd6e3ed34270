from django.apps import AppConfig


class SherlocConfig(AppConfig):
    name = "sherloc"
    verbose_name = "SHERLOC core"

    def ready(self) -> None:
        # Every app's models are loaded before any ready(): the registry sees all families.
        from . import publishable, removal_log, versions

        publishable.connect()
        removal_log.connect()
        versions.connect()
