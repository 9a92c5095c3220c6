"""Commands under ``flask --app quizapp …``: users, the demo classroom, banks."""
from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from quizapp.bank import BankError, load_bank
from quizapp.extensions import db
from quizapp.services import accounts, banks, demo

user_cli = AppGroup("user", help="Manage accounts.")
bank_cli = AppGroup("bank", help="Generate, import and export question banks.")


@user_cli.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(["student", "teacher", "admin"]), default="student")
@click.option("--name", help="Display name (default: the part of the email before @).")
@click.option("--password-file", type=click.File("r"),
              help="Read the password from this file's first line ('-' for standard input).")
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
def demo_command():
    """Create (once) the demo teacher, class and students, and assign the imported sets."""
    logins_file = Path(current_app.instance_path) / "demo_logins.txt"
    school_class, logins = demo.ensure_demo(db.session, logins_file)
    db.session.commit()
    click.echo(f"Demo class: {school_class.name} (join code {school_class.join_code})")
    for email, password in logins.items():
        click.echo(f"  {email:32} password: {password}")
    click.echo(f"(Logins kept in {logins_file}; a password changed since is not shown.)")


@bank_cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--owner", metavar="EMAIL", help="The teacher who owns the imported sets.")
@click.option("--draft", is_flag=True, help="New questions wait for review instead of approved.")
def import_command(files, owner, draft):
    """Import bank files (idempotent: re-importing updates by stable question id)."""
    owner_user = accounts.find_user(db.session, owner) if owner else None
    if owner and owner_user is None:
        raise click.ClickException(f"No account {owner}.")
    failed = 0
    for path in files:
        try:
            bank = load_bank(Path(path))
        except BankError as exc:
            failed += 1
            click.echo(f"{path}: not imported: {exc}", err=True)
            for problem in exc.problems[:50]:
                click.echo(f"  {problem}", err=True)
            continue
        report = banks.import_bank(db.session, bank, owner=owner_user,
                                   status="draft" if draft else "approved")
        db.session.commit()
        click.echo(f"{path}: {report}")
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} file(s) not imported.")


def register(app: Flask) -> None:
    app.cli.add_command(user_cli)
    app.cli.add_command(bank_cli)
    app.cli.add_command(demo_command)
