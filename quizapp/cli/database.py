"""Commands that use the database first check it is migrated, and say how to fix it if not."""
from __future__ import annotations

import functools

import click
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy.exc import OperationalError

from quizapp.extensions import db


def schema_problem() -> str | None:
    """Why the database cannot be used yet, or None when it is at the newest migration."""
    scripts = ScriptDirectory(current_app.extensions["migrate"].directory)
    head = scripts.get_current_head()
    url = db.engine.url.render_as_string(hide_password=True)
    try:  # the command's own session: its transaction goes on into the command
        current = MigrationContext.configure(db.session.connection()).get_current_revision()
    except OperationalError as exc:
        db.session.rollback()
        return f"Cannot reach the database at {url}: {exc.orig}"
    if current == head:
        return None
    state = "is empty" if current is None else f"is at migration {current}, not {head}"
    return (f"The database at {url} {state}. Run `flask --app quizapp db upgrade` first "
            "(`make run` does).")


def needs_database(command):
    """Decorator for a command's function: refuse, clearly, to run on an unmigrated database."""
    @functools.wraps(command)
    def checked(*args, **kwargs):
        problem = schema_problem()
        if problem:
            raise click.ClickException(problem)
        return command(*args, **kwargs)

    return checked


@click.command("create-database")
def create_database_command():
    """Create the PostgreSQL database that DATABASE_URL names, if it is missing (`make serve`)."""
    url = db.engine.url
    if url.get_backend_name() != "postgresql":
        click.echo(f"{url.get_backend_name()}: the database is made by `db upgrade`.")
        return
    server = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            if conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                           {"name": url.database}):
                click.echo(f"Database {url.database} is there.")
                return
            quoted = conn.dialect.identifier_preparer.quote(url.database)
            conn.exec_driver_sql(f"CREATE DATABASE {quoted}")
            click.echo(f"Created database {url.database}.")
    except OperationalError as exc:
        raise click.ClickException(f"Cannot reach PostgreSQL at "
                                   f"{url.render_as_string(hide_password=True)}: {exc.orig}")
    finally:
        server.dispose()
