from django.apps import AppConfig


class CaselawConfig(AppConfig):
    name = "caselaw"
    verbose_name = "Case law"
