"""The review queue: each draft with its quality score and its source sentence marked in the
article; approve, edit or reject with a reason, one at a time or in bulk. Only approved
questions reach students."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import authoring
from quizapp.teacher import bp
from quizapp.teacher.access import owned_question, owned_set
from quizapp.teacher.forms import ActionForm, BulkForm, RejectForm, ThresholdForm
from quizapp.templating import mark_span


def drafts_of(qset):
    return sorted((q for q in qset.questions if q.status == "draft"),
                  key=lambda q: (-(q.quality or 0), q.position))


@bp.route("/sets/<int:set_id>/review")
@role_required("teacher")
def review(set_id):
    qset = owned_set(set_id)
    show = request.args.get("show", "draft")
    shown = drafts_of(qset) if show == "draft" else [q for q in qset.questions
                                                     if q.status == "rejected"]
    return render_template("teacher/review.html", qset=qset, questions=shown, show=show,
                           bulk=BulkForm(), threshold=ThresholdForm(), reject=RejectForm(),
                           drafts=len(drafts_of(qset)))


@bp.route("/sets/<int:set_id>/review/above", methods=["POST"])
@role_required("teacher")
def approve_above(set_id):
    qset = owned_set(set_id)
    form = ThresholdForm()
    if form.validate_on_submit():
        count = authoring.approve_above(db.session, qset, float(form.threshold.data))
        db.session.commit()
        flash(f"{count} question{'s' if count != 1 else ''} approved.", "success")
    else:
        flash("Give a score between 0 and 1.", "error")
    return redirect(url_for("teacher.review", set_id=set_id))


@bp.route("/sets/<int:set_id>/review/bulk", methods=["POST"])
@role_required("teacher")
def review_bulk(set_id):
    qset = owned_set(set_id)
    form = BulkForm()
    action = {"approve": "approved", "reject": "rejected", "draft": "draft"}.get(form.action.data)
    if not form.validate_on_submit() or action is None or not form.ids.data:
        flash("Tick the questions first, then choose what to do with them.", "error")
        return redirect(url_for("teacher.review", set_id=set_id))
    try:
        count = authoring.bulk_status(db.session, qset, form.ids.data, action, form.reason.data)
    except authoring.AuthoringError as exc:
        db.session.rollback()
        flash(f"{exc} Nothing was changed.", "error")
    else:
        db.session.commit()
        flash(f"{count} question{'s' if count != 1 else ''} {action}.", "success")
    return redirect(url_for("teacher.review", set_id=set_id))


def next_draft(question):
    later = [q for q in drafts_of(question.question_set) if q.id != question.id]
    return later[0] if later else None


@bp.route("/questions/<int:question_id>/review")
@role_required("teacher")
def review_one(question_id):
    question = owned_question(question_id)
    article = question.question_set.article
    text = mark_span(article.text, question.source_start, question.source_end,
                     expected=question.source_text) if article else None
    return render_template("teacher/review_one.html", q=question, article=article, text=text,
                           reject=RejectForm(), action=ActionForm(), upcoming=next_draft(question))


@bp.route("/questions/<int:question_id>/approve", methods=["POST"], defaults={"verdict": "approved"})
@bp.route("/questions/<int:question_id>/reject", methods=["POST"], endpoint="reject_question",
          defaults={"verdict": "rejected"})
@role_required("teacher")
def approve_question(question_id, verdict):
    """One verdict, then on to the next draft: in the queue (``back=queue``) or on its own page."""
    question = owned_question(question_id)
    form = RejectForm() if verdict == "rejected" else ActionForm()
    back = request.form.get("back")
    if not form.validate_on_submit():
        flash("Say why the question is rejected." if verdict == "rejected" else
              "Please try again.", "error")
        if back == "queue":
            return redirect(url_for("teacher.review", set_id=question.set_id,
                                    _anchor=f"q{question_id}"))
        return redirect(url_for("teacher.review_one", question_id=question_id))
    reason = form.verdict_reason() if verdict == "rejected" else None
    authoring.set_status(question, verdict, reason)
    db.session.commit()
    flash(f"Question {verdict}.", "success")
    return redirect(after_verdict(question, back))


def after_verdict(question, back: str | None) -> str:
    upcoming = next_draft(question)
    if back == "set":
        return url_for("teacher.set_page", set_id=question.set_id)
    if back == "queue":
        return url_for("teacher.review", set_id=question.set_id,
                       _anchor=f"q{upcoming.id}" if upcoming else None)
    if upcoming is not None:
        return url_for("teacher.review_one", question_id=upcoming.id)
    return url_for("teacher.review", set_id=question.set_id)
