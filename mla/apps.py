from django.apps import AppConfig


class MlaConfig(AppConfig):
    name = "mla"
    verbose_name = "MLA request writer"
