from django.apps import AppConfig


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = "Legislation"

    def ready(self) -> None:
        from . import provision_removals

        provision_removals.connect()
