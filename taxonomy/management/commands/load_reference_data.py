from django.core.management.base import BaseCommand

from taxonomy.reference import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh the vocabularies (instruments, articles, crime types, issues, countries, roles)."

    def handle(self, *args, **options) -> None:
        report = load_reference_data()
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded: {report}"))
