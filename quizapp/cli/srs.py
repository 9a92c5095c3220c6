"""Spaced-repetition commands: ``flask --app quizapp srs rebuild|fit|export|evaluate``."""
from __future__ import annotations

import csv

import click
from flask.cli import AppGroup
from sqlalchemy import select

from quizapp.cli.database import needs_database
from quizapp.extensions import db
from quizapp.models import Review, User
from quizapp.scheduling import NotEnoughReviews
from quizapp.scheduling.command import evaluate_command
from quizapp.scheduling.logs import QUIZAPP_COLUMNS
from quizapp.services import accounts, fitting_jobs, study

srs_cli = AppGroup("srs", help="Spaced repetition: rebuild card states, fit, evaluate.")
srs_cli.add_command(evaluate_command, "evaluate")


def chosen_users(email: str | None) -> list[User]:
    if email is None:
        return list(db.session.scalars(select(User).order_by(User.id)))
    user = accounts.find_user(db.session, email)
    if user is None:
        raise click.ClickException(f"No account {email}.")
    return [user]


@srs_cli.command("rebuild")
@click.option("--user", "email", metavar="EMAIL", help="Only this student (default: everyone).")
@needs_database
def rebuild_command(email):
    """Recompute every card's state by replaying the review log."""
    total = 0
    for user in chosen_users(email):
        total += study.rebuild_user(db.session, user)
        db.session.commit()
    click.echo(f"Rebuilt {total} card(s) from the review log.")


@srs_cli.command("fit")
@click.option("--user", "email", metavar="EMAIL", help="Only this student (default: everyone).")
@needs_database
def fit_command(email):
    """Fit each student's own memory parameters and reschedule their cards."""
    for user in chosen_users(email):
        try:
            fitting_jobs.fit_user(db.session, user)
        except NotEnoughReviews as exc:
            db.session.rollback()
            click.echo(f"{user.email}: not fitted: {exc}")
            continue
        db.session.commit()
        click.echo(f"{user.email}: fitted and rescheduled.")


@srs_cli.command("export")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the CSV (default: standard output).")
@click.option("--user", "email", metavar="EMAIL", help="Only this student (default: everyone).")
@needs_database
def export_command(output, email):
    """Write the review log as CSV (user_id,question_id,rating,reviewed_at,duration_ms);
    ``srs evaluate`` reads it back."""
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(QUIZAPP_COLUMNS)
    query = select(Review).where(Review.undone_at.is_(None)).order_by(Review.reviewed_at,
                                                                      Review.id)
    if email:
        query = query.where(Review.user_id.in_([u.id for u in chosen_users(email)]))
    for review in db.session.scalars(query.execution_options(yield_per=1000)):
        writer.writerow([review.user_id, review.question_id, review.rating,
                         review.reviewed_at.isoformat(), review.duration_ms or ""])
