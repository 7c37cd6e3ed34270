from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class TreatiesConfig(AppConfig):
    name = "treaties"
    verbose_name = "Treaty status"

    def ready(self) -> None:
        from .models import Declaration, Notification, touch_status

        # A status's updated_at (the API's sync and ETag) moves when one of its declarations or notifications does.
        for model in (Declaration, Notification):
            post_save.connect(touch_status, sender=model, dispatch_uid=f"treaties.touch.{model.__name__}.save")
            post_delete.connect(touch_status, sender=model, dispatch_uid=f"treaties.touch.{model.__name__}.delete")
