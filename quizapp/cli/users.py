"""Account commands: ``flask --app quizapp user add``, and the demo classroom."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from quizapp.cli.database import needs_database
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.services import accounts, demo
from quizapp.tasks import queue_fit

user_cli = AppGroup("user", help="Manage accounts.")


@user_cli.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(["student", "teacher", "admin"]), default="student")
@click.option("--name", help="Display name (default: the part of the email before @).")
@click.option("--password-file", type=click.File("r"),
              help="Read the password from this file's first line ('-' for standard input).")
@needs_database
def add_user(email, role, name, password_file):
    """Create an account; the password comes from a prompt or --password-file."""
    if password_file:
        password = password_file.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(db.session, email, password, role=role, name=name)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {user.role} {user.email}.")


@click.command("demo")
@needs_database
def demo_command():
    """Create (once) the demo teacher, class and students with weeks of study and a finished
    quiz, and assign the imported sets."""
    logins_file = Path(current_app.instance_path) / "demo_logins.txt"
    school_class, logins, studied = demo.ensure_demo(db.session, logins_file, utcnow())
    db.session.commit()
    for student_id in studied:
        queue_fit(student_id)  # the worker fits their memory parameters, as after real study
    click.echo(f"Demo class: {school_class.name} (join code {school_class.join_code})")
    for email, password in logins.items():
        click.echo(f"  {email:32} password: {password}")
    click.echo(f"(Logins kept in {logins_file}; a password changed since is not shown.)")
    if studied:
        click.echo(f"Four weeks of past study written for {len(studied)} student(s), with the "
                   f"quiz {demo.DEMO_QUIZ!r}.")
