from django.apps import AppConfig


class SherlocConfig(AppConfig):
    name = "sherloc"
    verbose_name = "SHERLOC core"
