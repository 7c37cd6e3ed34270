"""Create the development superuser that `make run` advertises (admin / admin).

Refused when SHERLOC_ENV=production: a deployment creates its accounts with `createsuperuser`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create (or keep) the development superuser 'admin' with password 'admin'."

    def handle(self, *args, **options) -> None:
        if settings.SHERLOC_ENV == "production":
            raise CommandError("create_demo_admin is for development only; use createsuperuser.")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost", "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password("admin")
            user.save()
            self.stdout.write(self.style.SUCCESS("Created development superuser admin / admin."))
        else:
            self.stdout.write("Development superuser 'admin' already exists.")
