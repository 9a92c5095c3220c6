"""Item analysis of a quiz: the page, and its two tables as CSV (questions, choices)."""
from __future__ import annotations

from flask import Response, render_template, request

from quizapp.errors import render_error
from quizapp.extensions import db
from quizapp.reports import MIN_REVIEWS
from quizapp.roles import role_required
from quizapp.services import item_analysis
from quizapp.teacher import bp
from quizapp.teacher.quizzes import owned_quiz


def attempts_asked() -> str | None:
    """Which attempts the teacher asked for (``?attempts=``), first by default; None if unknown."""
    which = request.args.get("attempts", "first")
    return which if which in item_analysis.ATTEMPT_SETS else None


def refused():
    return render_error(400, "Choose which attempts to count: attempts=first, last or all. "
                             "Nothing else is understood.")


@bp.route("/quizzes/<int:quiz_id>/analysis")
@role_required("teacher")
def quiz_analysis(quiz_id):
    quiz, which = owned_quiz(quiz_id), attempts_asked()
    if which is None:
        return refused()
    return render_template("teacher/quiz_analysis.html", quiz=quiz,
                           analysis=item_analysis.analyse(db.session, quiz, which),
                           attempt_sets=item_analysis.ATTEMPT_SETS, min_reviews=MIN_REVIEWS)


def csv_response(quiz_id: int, table, name: str):
    quiz, which = owned_quiz(quiz_id), attempts_asked()
    if which is None:
        return refused()
    data = table(item_analysis.analyse(db.session, quiz, which))
    return Response(data, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="quiz-{quiz.id}-{name}-{which}.csv"'})


@bp.route("/quizzes/<int:quiz_id>/analysis/items.csv")
@role_required("teacher")
def quiz_analysis_csv(quiz_id):
    return csv_response(quiz_id, item_analysis.items_csv, "items")


@bp.route("/quizzes/<int:quiz_id>/analysis/choices.csv")
@role_required("teacher")
def quiz_choices_csv(quiz_id):
    return csv_response(quiz_id, item_analysis.distractors_csv, "choices")
