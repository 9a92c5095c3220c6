"""Hand-written questions: add, edit (same row, same history), delete or retire, reorder,
move to another set."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import authoring
from quizapp.teacher import bp
from quizapp.teacher.access import owned_question, owned_set
from quizapp.teacher.forms import PROMPT_HINTS, ActionForm, MoveForm, QuestionForm
from quizapp.teacher.sets import move_form


def back_to(question) -> str:
    """Where a change to a question returns: the review queue for drafts, else the set."""
    if request.form.get("back") == "review":
        return url_for("teacher.review", set_id=question.set_id)
    return url_for("teacher.set_page", set_id=question.set_id) + f"#q{question.id}"


def switching_kind(form: QuestionForm) -> bool:
    """Without a script, "Show this kind's fields" posts the form to show the chosen kind's
    fields; nothing is saved."""
    return request.method == "POST" and bool(request.form.get("switch"))


def question_page(form: QuestionForm, qset, question):
    return render_template("teacher/question_form.html", form=form, qset=qset,
                           question=question, prompt_hints=PROMPT_HINTS), \
        400 if form.errors else 200


@bp.route("/sets/<int:set_id>/questions/new", methods=["GET", "POST"])
@role_required("teacher")
def new_question(set_id):
    qset = owned_set(set_id)
    form = QuestionForm()
    if switching_kind(form):
        return question_page(form, qset, None)
    if form.validate_on_submit():
        try:
            authoring.add_question(db.session, qset, form.values())
        except authoring.AuthoringError as exc:
            db.session.rollback()
            form.add_problems(exc.problems or [f"prompt: {exc}"])
        else:
            db.session.commit()
            flash("Question added.", "success")
            if request.form.get("another"):
                return redirect(url_for("teacher.new_question", set_id=set_id))
            return redirect(url_for("teacher.set_page", set_id=set_id))
    return question_page(form, qset, None)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@role_required("teacher")
def edit_question(question_id):
    question = owned_question(question_id)
    form = QuestionForm()
    if request.method == "GET":
        form.fill(question)
    if switching_kind(form):
        return question_page(form, question.question_set, question)
    if form.validate_on_submit():
        try:
            changed = authoring.update_question(db.session, question, form.values())
            if request.form.get("approve"):
                authoring.set_status(question, "approved")
        except authoring.AuthoringError as exc:
            db.session.rollback()
            form.add_problems(exc.problems or [f"prompt: {exc}"])
        else:
            db.session.commit()
            flash("Question saved." if changed else "Nothing changed.", "success")
            return redirect(back_to(question))
    return question_page(form, question.question_set, question)


@bp.route("/questions/<int:question_id>/delete", methods=["POST"])
@role_required("teacher")
def delete_question(question_id):
    question = owned_question(question_id)
    set_id = question.set_id
    if ActionForm().validate_on_submit():
        outcome = authoring.delete_question(db.session, question)
        db.session.commit()
        flash("Question deleted." if outcome == "deleted" else
              "Students have studied this question, so it is retired: it leaves the set "
              "and their history stays.", "success")
    return redirect(url_for("teacher.set_page", set_id=set_id))


@bp.route("/questions/<int:question_id>/up", methods=["POST"], defaults={"step": -1})
@bp.route("/questions/<int:question_id>/down", methods=["POST"], endpoint="question_down",
          defaults={"step": 1})
@role_required("teacher")
def question_up(question_id, step):
    question = owned_question(question_id)
    if ActionForm().validate_on_submit():
        authoring.move_within(db.session, question, step)
        db.session.commit()
    return redirect(url_for("teacher.set_page", set_id=question.set_id) + f"#q{question.id}")


@bp.route("/questions/<int:question_id>/move", methods=["POST"])
@role_required("teacher")
def move_question(question_id):
    question = owned_question(question_id)
    source_id = question.set_id
    form: MoveForm = move_form(question.question_set)
    if form.validate_on_submit():
        target = owned_set(form.target.data)
        try:
            authoring.move_to_set(db.session, question, target)
        except authoring.AuthoringError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"Question moved to {target.title}.", "success")
    else:
        flash("Choose another of your sets.", "error")
    return redirect(url_for("teacher.set_page", set_id=source_id))
