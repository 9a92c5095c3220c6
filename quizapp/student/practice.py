"""Practice pages: study ahead, or go through one set, with answers checked and nothing recorded.

The card page carries a signed token (the question and the set being practised, never the
answer); the answer page checks the answer as study does and links to the next card. No
request here writes: the schedule stays exactly as it was.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.bank.kinds import get_kind
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import catalogue, practice, study
from quizapp.student import bp, tokens
from quizapp.student.forms import AnswerForm

AHEAD = "Studying ahead"


def practised_set(set_id: int | None, now):
    """The set being practised (404 if it is not assigned to the student), or None: ahead."""
    if set_id is None:
        return None
    qset = catalogue.assigned_set(db.session, current_user, set_id, now)
    if qset is None:
        abort(404)
    return qset


@bp.route("/practice")
@role_required("student")
def practice_page():
    now = utcnow()
    qset = practised_set(request.args.get("set", type=int), now)
    after = request.args.get("after", type=int)
    question = (practice.next_ahead(db.session, current_user, now, after) if qset is None
                else practice.next_in_set(db.session, current_user, qset.id, now, after))
    heading = AHEAD if qset is None else f"Practising {qset.title}"
    if question is None:
        return render_template("student/practice_done.html", heading=heading,
                               started=after is not None,
                               again_url=url_for("student.practice_page",
                                                 set=qset.id if qset else None))
    token = tokens.dump("practice", current_user.id, q=question.id, s=qset.id if qset else None)
    public = get_kind(question.kind).public(question.to_bank(),
                                            tokens.choice_order(current_user.id, question.id))
    return render_template("student/practice_card.html", question=question, public=public,
                           form=AnswerForm(token=token), heading=heading)


@bp.route("/practice/answer", methods=["POST"])
@role_required("student")
def practice_answer():
    form, now = AnswerForm(), utcnow()
    try:
        if not form.validate_on_submit():
            raise tokens.TokenError("That answer could not be read; here is a card again.")
        data = tokens.load("practice", current_user.id, form.token.data)
        question, _, *source = study.student_card(db.session, current_user, data["q"], now,
                                                  *study.source_credit())
    except (tokens.TokenError, study.StudyError) as exc:
        flash(str(exc), "error")
        return redirect(url_for("student.practice_page"))
    given = None if form.flip.data else (form.given.data or "")
    outcome = None if given is None else study.check_answer(db.session, question, given)
    return render_template("student/practice_feedback.html", question=question, outcome=outcome,
                           flipped=outcome is None, source=source if any(source) else None,
                           next_url=url_for("student.practice_page", set=data["s"],
                                            after=question.id))
