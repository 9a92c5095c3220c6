"""Taking quizzes: the list, starting (or resuming) an attempt, answering with answers saved
as they go, a summary before submitting, submitting once, and the results the teacher allows.

The server keeps the truth: what the page shows is the attempt's stored questions and choice
ids; answers after the time limit and its grace are refused and the attempt is submitted.
"""
from __future__ import annotations

from datetime import timedelta

from flask import (abort, current_app, flash, jsonify, redirect, render_template, request,
                   url_for)
from flask_login import current_user
from flask_wtf import FlaskForm

from quizapp.clock import utcnow
from quizapp.errors import wants_json
from quizapp.extensions import db
from quizapp.quizzes import results_visible, shows_at_least, window
from quizapp.roles import role_required
from quizapp.services import attempts, quizzes
from quizapp.student import bp
from quizapp.tasks import queue_fit


TIMER_SLACK = timedelta(seconds=2)  # a browser clock a little ahead of the server's


def grace() -> int:
    return current_app.config["QUIZ_GRACE_SECONDS"]


def queue_fits(*submissions) -> None:
    """After the commit: the parameter fits that the quiz's new reviews made due."""
    for done in submissions:
        if done is not None and done.fit_due:
            queue_fit(done.user_id)


def my_quiz(quiz_id: int):
    quiz = quizzes.student_quiz(db.session, current_user, quiz_id)
    if quiz is None:
        abort(404)
    return quiz


def my_attempt(attempt_id: int):
    """The student's own attempt, submitted first if its time ran out; 404 otherwise."""
    attempt = attempts.student_attempt(db.session, current_user, attempt_id)
    if attempt is None:
        abort(404)
    if attempt.submitted_at is None:
        done = attempts.close_if_expired(db.session, attempt, utcnow(), grace())
        if done is not None:
            db.session.commit()
            queue_fits(done)
    return attempt


@bp.route("/quizzes")
@role_required("student")
def quiz_list():
    return render_template("student/quizzes.html",
                           quizzes=quizzes.student_quizzes(db.session, current_user, utcnow()))


@bp.route("/quizzes/<int:quiz_id>")
@role_required("student")
def quiz_page(quiz_id):
    quiz, now = my_quiz(quiz_id), utcnow()
    mine = attempts.attempts_of(db.session, quiz, current_user)
    return render_template("student/quiz.html", quiz=quiz, attempts=mine, form=FlaskForm(),
                           state=window(now, quiz.opens_at, quiz.closes_at),
                           visible=results_visible(now, quiz.shows_when, quiz.closes_at))


@bp.route("/quizzes/<int:quiz_id>/start", methods=["POST"])
@role_required("student")
def start_quiz(quiz_id):
    quiz = my_quiz(quiz_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        started = attempts.start_attempt(db.session, current_user, quiz, utcnow(), grace())
    except attempts.AttemptError as exc:
        if exc.submission is None:
            db.session.rollback()
        else:  # an attempt whose time ran out was submitted on the way: that stands
            db.session.commit()
            queue_fits(exc.submission)
        flash(str(exc), "error")
        return redirect(url_for("student.quiz_page", quiz_id=quiz.id))
    db.session.commit()
    queue_fits(started.closed)
    if not started.created:
        flash("Welcome back: your attempt continues where you left it.", "info")
    return redirect(url_for("student.attempt_page", attempt_id=started.attempt_id))


def page_of(attempt, wanted: int | None) -> int | None:
    """The question page shown (one question a page), or None for all on one page."""
    if not attempt.quiz.one_per_page:
        return None
    last = len(attempt.answers) - 1
    return min(max(wanted or 0, 0), last)


@bp.route("/attempts/<int:attempt_id>")
@role_required("student")
def attempt_page(attempt_id):
    attempt = my_attempt(attempt_id)
    if attempt.submitted_at is not None:
        return redirect(url_for("student.attempt_result", attempt_id=attempt.id))
    page = page_of(attempt, request.args.get("page", type=int))
    shown = attempt.answers if page is None else [attempt.answers[page]]
    return render_template("student/attempt.html", attempt=attempt, shown=shown, page=page,
                           form=FlaskForm(), now=utcnow())


def refused(attempt, message: str, status: int):
    if wants_json():
        return jsonify({"error": {"code": status, "message": message}}), status
    flash(message, "error")
    if attempt.submitted_at is not None:
        return render_result(attempt, status)
    page = page_of(attempt, request.form.get("page", type=int))
    shown = attempt.answers if page is None else [attempt.answers[page]]
    return render_template("student/attempt.html", attempt=attempt, shown=shown, page=page,
                           form=FlaskForm(), now=utcnow()), status


def after_save(attempt, go: str, page: int | None):
    if go == "summary":
        return redirect(url_for("student.attempt_summary", attempt_id=attempt.id))
    step = {"next": 1, "previous": -1}.get(go, 0)
    target = None if page is None else page + step
    return redirect(url_for("student.attempt_page", attempt_id=attempt.id, page=target))


@bp.route("/attempts/<int:attempt_id>", methods=["POST"])
@role_required("student")
def save_attempt(attempt_id):
    now = utcnow()
    attempt = attempts.own_attempt_locked(db.session, current_user, attempt_id)
    if attempt is None:
        abort(404)
    if not FlaskForm().validate_on_submit():
        return refused(attempt, "Your answers could not be read; reload the page.", 400)
    go = request.form.get("go", "save")
    try:
        unanswered = attempts.save_answers(db.session, attempt, request.form.to_dict(), now,
                                           grace())
    except attempts.AttemptError as exc:
        db.session.commit()  # a late attempt was submitted with what was saved in time
        queue_fits(exc.submission)
        return refused(attempt, str(exc), 409 if attempt.submitted_at else 400)
    if go == "timeup":  # the countdown's own submission; a click before the end is the student's
        ended = attempt.deadline_at is not None and now >= attempt.deadline_at - TIMER_SLACK
        return finish(attempt, by="time" if ended else "student")
    db.session.commit()
    if wants_json():
        return jsonify({"saved": True, "unanswered": unanswered})
    return after_save(attempt, go, page_of(attempt, request.form.get("page", type=int)))


@bp.route("/attempts/<int:attempt_id>/summary")
@role_required("student")
def attempt_summary(attempt_id):
    attempt = my_attempt(attempt_id)
    if attempt.submitted_at is not None:
        return redirect(url_for("student.attempt_result", attempt_id=attempt.id))
    return render_template("student/attempt_summary.html", attempt=attempt, form=FlaskForm(),
                           unanswered=attempts.unanswered(attempt), now=utcnow())


def finish(attempt, by: str):
    done = attempts.submit(db.session, attempt, utcnow(), grace(), by=by)
    db.session.commit()
    queue_fits(done)
    if done.graded:
        flash("Your quiz is submitted.", "success")
    else:
        flash("This attempt was already submitted; it was graded once.", "info")
    return redirect(url_for("student.attempt_result", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>/submit", methods=["POST"])
@role_required("student")
def submit_attempt(attempt_id):
    attempt = my_attempt(attempt_id)
    if not FlaskForm().validate_on_submit():
        return refused(attempt, "The submission could not be read; reload the page.", 400)
    return finish(attempt, by="student")


def render_result(attempt, status: int = 200):
    quiz, now = attempt.quiz, utcnow()
    return render_template("student/attempt_result.html", attempt=attempt, quiz=quiz,
                           visible=results_visible(now, quiz.shows_when, quiz.closes_at),
                           shows=lambda level: shows_at_least(quiz.shows, level)), status


@bp.route("/attempts/<int:attempt_id>/result")
@role_required("student")
def attempt_result(attempt_id):
    attempt = my_attempt(attempt_id)
    if attempt.submitted_at is None:
        return redirect(url_for("student.attempt_page", attempt_id=attempt.id))
    return render_result(attempt)
