"""Bank commands: ``flask --app quizapp bank import|generate|export``."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from quizapp.bank import BankError, load_bank
from quizapp.extensions import db
from quizapp.services import accounts, banks

bank_cli = AppGroup("bank", help="Generate, import and export question banks.")


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
