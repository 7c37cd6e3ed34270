from django.apps import AppConfig


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = "Legislation"

    def ready(self) -> None:
        from . import signals

        signals.connect()
