from django.db import migrations

from sherloc.db import date_not_in_future


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0001_initial")]

    operations = [date_not_in_future("caselaw_case", "decision_date", "case_decision_not_future")]
