from django.apps import AppConfig
from django.db.models.signals import post_save


class StrategiesConfig(AppConfig):
    name = "strategies"
    verbose_name = "Strategies, policies and explanatory materials"

    def ready(self) -> None:
        from legislation.models import Law

        from .models import follow_law_country

        post_save.connect(follow_law_country, sender=Law, dispatch_uid="strategies.follow_law_country")
