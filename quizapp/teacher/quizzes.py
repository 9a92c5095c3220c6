"""Quizzes: create one from approved sets for classes, see every attempt, one attempt question
by question, regrade a question, and a class's gradebook as CSV."""
from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Question, Quiz, QuizAttempt
from quizapp.roles import role_required
from quizapp.services import attempts, catalogue, gradebook
from quizapp.services import quizzes as service
from quizapp.teacher import bp
from quizapp.teacher.access import mine, owned_class
from quizapp.teacher.forms import options
from quizapp.student.quizzes import queue_fits
from quizapp.teacher.quiz_forms import QuizForm, RegradeForm
from quizapp.templating import counted


def owned_quiz(quiz_id: int) -> Quiz:
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not mine(quiz.owner_id):
        abort(404)
    return quiz


def quiz_form() -> QuizForm:
    form = QuizForm()
    sets = catalogue.teacher_sets(db.session, current_user)
    form.set_ids.choices = options((s.id, s.title) for s in sets)
    form.class_ids.choices = options((c.id, c.name) for c in
                                     catalogue.teacher_classes(db.session, current_user)
                                     if c.archived_at is None)
    pool = service.pool(db.session, [s.id for s in sets])
    prompts = dict(db.session.execute(db.select(Question.id, Question.prompt).where(
        Question.id.in_([q.id for q in pool]))).all())
    form.fixed_question_ids.choices = options(
        (q.id, f"{q.order[0]}: {prompts[q.id][:120]}") for q in sorted(pool, key=lambda q: q.order))
    return form


@bp.route("/quizzes")
@role_required("teacher")
def quizzes():
    return render_template("teacher/quizzes.html", now=utcnow(),
                           quizzes=service.teacher_quizzes(db.session, current_user))


@bp.route("/quizzes/new", methods=["GET", "POST"])
@role_required("teacher")
def new_quiz():
    form = quiz_form()
    if form.validate_on_submit():
        sets = [s for s in catalogue.teacher_sets(db.session, current_user)
                if s.id in form.set_ids.data]
        classes = [c for c in catalogue.teacher_classes(db.session, current_user)
                   if c.id in form.class_ids.data]
        try:
            quiz = service.create_quiz(db.session, current_user,
                                       form.values(current_user.timezone), sets, classes)
        except service.QuizError as exc:
            db.session.rollback()
            form.add_problems(str(exc))
        else:
            db.session.commit()
            flash(f"Quiz {quiz.title} is set.", "success")
            return redirect(url_for("teacher.quiz_page", quiz_id=quiz.id))
    return render_template("teacher/quiz_new.html", form=form), 400 if form.errors else 200


def render_quiz(quiz: Quiz, status: int = 200):
    now = utcnow()
    closed = attempts.close_expired(db.session, quiz, now, current_app.config["QUIZ_GRACE_SECONDS"])
    if closed:
        db.session.commit()
        queue_fits(*closed)
    return render_template("teacher/quiz.html", quiz=quiz, now=now,
                           attempts=attempts.attempts_of(db.session, quiz),
                           questions=gradebook.quiz_questions(db.session, quiz),
                           regrade=RegradeForm(formdata=None),
                           time_taken=attempts.time_taken), status


@bp.route("/quizzes/<int:quiz_id>")
@role_required("teacher")
def quiz_page(quiz_id):
    return render_quiz(owned_quiz(quiz_id))


@bp.route("/quizzes/<int:quiz_id>/attempts/<int:attempt_id>")
@role_required("teacher")
def quiz_attempt(quiz_id, attempt_id):
    quiz = owned_quiz(quiz_id)
    attempt = db.session.get(QuizAttempt, attempt_id)
    if attempt is None or attempt.quiz_id != quiz.id:
        abort(404)
    return render_template("teacher/quiz_attempt.html", quiz=quiz, attempt=attempt, now=utcnow(),
                           time_taken=attempts.time_taken)


@bp.route("/quizzes/<int:quiz_id>/regrade", methods=["POST"])
@role_required("teacher")
def regrade(quiz_id):
    quiz, form = owned_quiz(quiz_id), RegradeForm()
    asked = {q.id for q, *_ in gradebook.quiz_questions(db.session, quiz)}
    if not form.validate_on_submit() or form.question_id.data not in asked:
        flash("That regrade could not be read: choose a question of this quiz.", "error")
        return render_quiz(quiz, 400)
    accepted = [form.accept.data.strip()] if (form.accept.data or "").strip() else []
    if not accepted and not form.everyone.data:
        flash("Type an answer to accept, or give everyone the point.", "error")
        return render_quiz(quiz, 400)
    count = attempts.regrade(db.session, quiz, form.question_id.data, accepted=accepted,
                             everyone=form.everyone.data)
    db.session.commit()
    flash(f"Regraded: {counted(count, 'submitted attempt')} rescored.", "success")
    return redirect(url_for("teacher.quiz_page", quiz_id=quiz.id))


@bp.route("/classes/<int:class_id>/gradebook.csv")
@role_required("teacher")
def class_gradebook(class_id):
    school_class = owned_class(class_id)
    data = gradebook.class_csv(db.session, school_class)
    return Response(data, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="gradebook-{school_class.id}.csv"'})
