"""Database helpers that Django's constraint API cannot express portably.

"Not in the future" needs the current date. PostgreSQL accepts it in a CHECK constraint; SQLite
refuses non-deterministic functions there, so on SQLite the same rule is enforced by triggers.
One day of slack absorbs time zones: a decision dated today in Tokyo is still tomorrow in UTC.
"""

from django.db import migrations


def _forward(table: str, column: str, name: str):
    def apply(apps, schema_editor):  # noqa: ANN001 - migration callback signature
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" CHECK ("{column}" <= CURRENT_DATE + 1)'
            )
        elif vendor == "sqlite":
            for event in ("INSERT", "UPDATE"):
                schema_editor.execute(
                    f'CREATE TRIGGER "{name}_{event.lower()}" BEFORE {event} ON "{table}" '
                    f"WHEN NEW.\"{column}\" > date('now', '+1 day') "
                    f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {name}'); END"
                )

    return apply


def _backward(table: str, name: str):
    def unapply(apps, schema_editor):  # noqa: ANN001
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{name}"')
        elif vendor == "sqlite":
            for event in ("insert", "update"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}_{event}"')

    return unapply


def date_not_in_future(table: str, column: str, name: str) -> migrations.RunPython:
    """Migration operation enforcing `column <= today (+1 day)` in the database."""
    return migrations.RunPython(_forward(table, column, name), _backward(table, name))


def _refresh_sqlite(table: str, column: str, name: str):
    forward, backward = _forward(table, column, name), _backward(table, name)

    def apply(apps, schema_editor):  # noqa: ANN001
        if schema_editor.connection.vendor == "sqlite":
            backward(apps, schema_editor)
            forward(apps, schema_editor)

    return apply


def refresh_date_not_in_future(table: str, column: str, name: str) -> migrations.RunPython:
    """Re-create the SQLite triggers after a migration that rebuilt `table` (SQLite's ALTER TABLE copies the
    table and drops its triggers). A no-op on PostgreSQL, where the CHECK constraint survives."""
    return migrations.RunPython(_refresh_sqlite(table, column, name), migrations.RunPython.noop)
