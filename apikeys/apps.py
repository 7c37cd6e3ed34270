from django.apps import AppConfig


class ApikeysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apikeys"
    verbose_name = "API tokens"

    def ready(self) -> None:
        from . import schema  # noqa: F401 - registers the OpenAPI security scheme
