"""The study session: a card, its answer checked on the server, a rating, the next card.

Nothing about the answer reaches the page before the student has answered: the card page holds
the prompt, the choices (for multiple choice, in an order seeded by a server secret) and a
signed token without the answer.
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user

from quizapp.answers import TYPO
from quizapp.bank.kinds import get_kind
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.scheduling import Rating, propose_rating
from quizapp.services import fitting_jobs, study, study_answers, study_queue
from quizapp.student import bp, tokens
from quizapp.student.forms import AnswerForm, RateForm, TakeBackForm, UndoForm
from quizapp.tasks import queue_fit

MAX_DURATION_MS = 10 * 60 * 1000  # a card left open over lunch is not a 2-hour answer
UNDO_MESSAGES = {study_answers.Undo.DONE: "Your last answer is undone.",
                 study_answers.Undo.ALREADY_UNDONE: "That answer was already undone.",
                 study_answers.Undo.NOTHING: "There is nothing to undo."}
TAKE_BACK_MESSAGES = {study_answers.Undo.DONE: "Your answer is taken back: answer the card again.",
                      study_answers.Undo.ALREADY_UNDONE: "That answer was already taken back."}


def back_to_study(message: str):
    flash(message, "error")
    return redirect(url_for("student.study_page"))


def one_set(set_id) -> dict:
    """A token's or a URL's mention of the one set studied: nothing when all sets are."""
    return {"s": set_id} if set_id else {}


def first_answer(question, request_key: str, form, now):
    """(given, outcome, answer id) of the first answer to this shown card; a second try gets
    the first one back, with a message. ``given`` None: the student showed the answer."""
    given = None if form.flip.data else (form.given.data or "")
    outcome = None if given is None else study.check_answer(db.session, question, given)
    first, repeated = study_answers.keep_first(
        db.session, current_user, question, request_key, given=given,
        correct=None if outcome is None else outcome.correct, now=now)
    if repeated:
        flash("You already answered this card; your first answer stands.", "info")
        given = first.given
        outcome = None if given is None else study.check_answer(db.session, question, given)
    return given, outcome, first.id


def posted_card(kind: str, form, valid: bool, now, *extra):
    """The signed token's data and (question, card, *extra); TokenError or StudyError with a
    message."""
    if not valid:
        raise tokens.TokenError("That answer could not be read; here is the card again.")
    data = tokens.load(kind, current_user.id, form.token.data)
    return data, study.student_card(db.session, current_user, data["q"], now, *extra)


@bp.route("/study")
@role_required("student")
def study_page():
    now, set_id = utcnow(), request.args.get("set", type=int)
    session.setdefault("study_started", tokens.epoch_ms(now))
    queue, upcoming = study_queue.next_card(
        db.session, current_user, now,
        study_queue.build_queue(db.session, current_user, now, set_id))
    undo = UndoForm(review=queue.last_review_id, set_id=set_id)
    if upcoming is None:
        return render_template("student/study_done.html", undo=undo,
                               summary=study.session_summary(
                                   db.session, current_user, now,
                                   tokens.from_epoch_ms(session["study_started"])),
                               learning_later=queue.learning_later,
                               next_due=None if queue.learning_later else study_queue.next_due(
                                   db.session, current_user, now, set_id),
                               undo_prompt=queue.last_review_prompt, held=queue.held,
                               set_id=set_id, queue=queue)
    question = upcoming.question
    token = tokens.dump("card", current_user.id, q=question.id, r=upcoming.request_id,
                        t=tokens.epoch_ms(now), **one_set(set_id))
    order = tokens.choice_order(current_user.id, question.id)
    public = get_kind(question.kind).public(question.to_bank(), order)
    return render_template("student/study_card.html", question=question, public=public,
                           form=AnswerForm(token=token), undo=undo, queue=queue,
                           undo_prompt=queue.last_review_prompt,
                           is_new=upcoming.card is None or upcoming.card.reps == 0)


@bp.route("/study/answer", methods=["POST"])
@role_required("student")
def study_answer():
    form, now = AnswerForm(), utcnow()
    try:
        data, (question, card, *source) = posted_card(
            "card", form, form.validate_on_submit(), now, *study.source_credit())
    except (tokens.TokenError, study.StudyError) as exc:
        return back_to_study(str(exc))
    duration = min(max(0, tokens.epoch_ms(now) - data["t"]), MAX_DURATION_MS)
    given, outcome, answer_id = first_answer(question, data["r"], form, now)
    flipped = outcome is None  # a flashcard: the student grades themself
    proposed = (Rating.GOOD if flipped
                else propose_rating(outcome.correct, duration, question.kind,
                                    misspelt=outcome.reason == TYPO))
    rate_token = tokens.dump("rate", current_user.id, q=question.id, r=data["r"], d=duration,
                             g=given, c=None if flipped else outcome.correct, p=int(proposed),
                             a=answer_id, **one_set(data.get("s")))
    page = render_template("student/study_feedback.html", question=question, outcome=outcome,
                           flipped=flipped, proposed=proposed,
                           source=source if any(source) else None,
                           form=RateForm(formdata=None, token=rate_token),
                           take_back=TakeBackForm(formdata=None, token=tokens.dump(
                               "take-back", current_user.id, a=answer_id, r=data["r"],
                               **one_set(data.get("s")))),
                           previews=study.previews(db.session, current_user, card, question,
                                                   now))
    db.session.commit()  # after rendering: a commit expires what the page reads
    return page


@bp.route("/study/rate", methods=["POST"])
@role_required("student")
def study_rate():
    form, now = RateForm(), utcnow()
    rating = request.form.get("rating", "")
    try:
        if not (rating in ("1", "2", "3", "4") and form.validate_on_submit()):
            raise tokens.TokenError("That answer could not be read; here is the card again.")
        data = tokens.load("rate", current_user.id, form.token.data)
        user_id = current_user.id
        _, created = study.rate_card(
            db.session, current_user, data["q"], rating=Rating(int(rating)), now=now,
            request=data["r"], duration_ms=data["d"], given=data["g"], correct=data["c"],
            proposed=Rating(data["p"]), answer_id=data.get("a"))
    except (tokens.TokenError, study.StudyError) as exc:
        return back_to_study(str(exc))
    fit_due = created and fitting_jobs.count_review(db.session, user_id)
    db.session.commit()
    if fit_due:
        queue_fit(user_id)
    if not created:
        flash("That answer was already recorded.", "info")
    return redirect(url_for("student.study_page", set=data.get("s")))


@bp.route("/study/undo", methods=["POST"])
@role_required("student")
def study_undo():
    form = UndoForm()
    if not form.validate_on_submit():
        flash("Undo could not be read; nothing changed.", "error")
        return redirect(url_for("student.study_page"))
    review_id = int(form.review.data) if form.review.data else None
    result = study_answers.undo(db.session, current_user, review_id, utcnow())
    db.session.commit()
    flash(UNDO_MESSAGES[result], "info")
    return redirect(url_for("student.study_page", set=form.set_id.data or None))


@bp.route("/study/take-back", methods=["POST"])
@role_required("student")
def study_take_back():
    form = TakeBackForm()
    try:
        if not form.validate_on_submit():
            raise tokens.TokenError("That answer could not be read; nothing changed.")
        data = tokens.load("take-back", current_user.id, form.token.data)
    except tokens.TokenError as exc:
        return back_to_study(str(exc))
    result = study_answers.take_back(db.session, current_user, data["a"], data["r"],
                                     utcnow())
    db.session.commit()
    flash(TAKE_BACK_MESSAGES[result], "info")
    return redirect(url_for("student.study_page", set=data.get("s")))
