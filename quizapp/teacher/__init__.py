"""The teacher's side: classes, sets, articles and generation, the review queue, authoring,
assignments, and import/export. One module per area; each registers its routes on ``bp``."""
from flask import Blueprint, render_template
from flask_login import current_user

from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import catalogue

bp = Blueprint("teacher", __name__)


@bp.record_once
def _navigation(state) -> None:
    state.app.config.setdefault("TEACHER_NAV", [
        ("teacher.classes", "Classes"), ("teacher.sets", "Sets"),
        ("teacher.quizzes", "Quizzes"),
        ("teacher.new_article", "From an article"), ("teacher.import_file", "Import")])


@bp.route("/")
@role_required("teacher")
def home():
    sets = catalogue.teacher_sets(db.session, current_user)
    return render_template("teacher/home.html",
                           classes=catalogue.teacher_classes(db.session, current_user),
                           sets=sets, counts=catalogue.question_counts(db.session, sets))


from quizapp.teacher import (  # noqa: F401  (each module registers its routes on bp)
    analysis, articles, class_report, classes, questions, quizzes, review, sets, student_report,
    transfer)
