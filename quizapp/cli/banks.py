"""Bank commands: ``flask --app quizapp bank import|generate|export``.

``import`` recognises every format quizapp reads (bank JSON, Moodle GIFT, Moodle XML, CSV);
``export`` writes a set as bank JSON, GIFT, Moodle XML, an Anki package or CSV.
"""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from quizapp.bank import BankError, load_bank
from quizapp.cli.database import needs_database
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.formats import FORMATS, FormatError, detect_format, import_questions
from quizapp.formats.common import check_size
from quizapp.generation.command import generate_command
from quizapp.services import accounts, authoring, banks

bank_cli = AppGroup("bank", help="Generate, import and export question banks.")
bank_cli.add_command(generate_command, "generate")


def _import_one(path: Path, owner_user, status: str) -> str:
    """Import one file; returns the report line. Raises BankError or FormatError."""
    data = path.read_bytes()
    check_size(data)
    if detect_format(path.name, data) == "json":
        bank = load_bank(path)
        return str(banks.import_bank(db.session, bank, owner=owner_user, status=status))
    result = import_questions(data, filename=path.name)
    qset = authoring.set_for_import(db.session, result.title, owner_user)
    counts = authoring.import_into_set(db.session, qset, result.questions, status=status)
    skipped = "".join(f"\n  {line}" for line in result.skipped)
    return (f"{qset.slug}: {counts['created']} new, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged ({FORMATS[result.format].label}){skipped}")


@bank_cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--owner", metavar="EMAIL", help="The teacher who owns the imported sets.")
@click.option("--draft", is_flag=True, help="New questions wait for review instead of approved.")
@needs_database
def import_command(files, owner, draft):
    """Import question files: bank JSON, GIFT, Moodle XML or CSV (idempotent by stable id)."""
    owner_user = accounts.find_user(db.session, owner) if owner else None
    if owner and owner_user is None:
        raise click.ClickException(f"No account {owner}.")
    failed = 0
    for path in files:
        try:
            line = _import_one(Path(path), owner_user, "draft" if draft else "approved")
        except (BankError, FormatError) as exc:
            db.session.rollback()
            failed += 1
            click.echo(f"{path}: not imported: {exc}", err=True)
            for problem in exc.problems[:50]:
                click.echo(f"  {problem}", err=True)
            continue
        db.session.commit()
        click.echo(f"{path}: {line}")
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} file(s) not imported.")


@bank_cli.command("export")
@click.argument("set_ident", metavar="SET")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              required=True, help="The file to write ('-' for standard output).")
@click.option("--drafts", is_flag=True, help="Export the drafts as well as approved questions.")
@needs_database
def export_command(set_ident, fmt, output, drafts):
    """Export a set (by id or slug) as bank JSON, GIFT, Moodle XML, an Anki package or CSV."""
    qset = authoring.find_set(db.session, set_ident)
    if qset is None:
        raise click.ClickException(f"No set {set_ident!r} (give its id or slug).")
    try:
        data = authoring.export_set(qset, fmt, now=utcnow(), drafts=drafts)
    except FormatError as exc:
        raise click.ClickException("; ".join(exc.problems[:20])) from exc
    with click.open_file(output, "wb") as fh:
        fh.write(data)
    if output != "-":
        click.echo(f"wrote {output}: {len(authoring.exportable(qset, drafts=drafts))} "
                   f"questions of {qset.slug} as {FORMATS[fmt].label}", err=True)
