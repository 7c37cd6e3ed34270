from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "Submissions and review"

    def ready(self) -> None:
        # The admin has discovered every app's admin.py by now (django.contrib.admin is listed first).
        from . import admin_actions

        admin_actions.attach()
