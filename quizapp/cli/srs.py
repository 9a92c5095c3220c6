"""Spaced-repetition commands: ``flask --app quizapp srs rebuild|fit|evaluate``."""
from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import User
from quizapp.scheduling import NotEnoughReviews
from quizapp.scheduling.command import evaluate_command
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
def rebuild_command(email):
    """Recompute every card's state by replaying the review log."""
    total = 0
    for user in chosen_users(email):
        total += study.rebuild_user(db.session, user)
        db.session.commit()
    click.echo(f"Rebuilt {total} card(s) from the review log.")


@srs_cli.command("fit")
@click.option("--user", "email", metavar="EMAIL", help="Only this student (default: everyone).")
def fit_command(email):
    """Fit each student's own memory parameters and reschedule their cards."""
    for user in chosen_users(email):
        try:
            fitting_jobs.fit_user(db.session, user)
        except NotEnoughReviews as exc:
            db.session.rollback()
            click.echo(f"{user.email}: not fitted: {exc}")
            continue
        user.reviews_at_fit = fitting_jobs.review_count(db.session, user.id)
        db.session.commit()
        click.echo(f"{user.email}: fitted and rescheduled.")
