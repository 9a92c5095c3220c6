"""The student's progress page: today, what falls due, activity, retention, mastery, knowledge,
the cards they keep forgetting and their quizzes; each table also as CSV."""
from __future__ import annotations

from flask import Response, render_template, url_for
from flask_login import current_user

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.reports.mastery import CATEGORY_WORDS
from quizapp.services import progress as service
from quizapp.services.progress_tables import TABLES, table_csv
from quizapp.student import bp

TABLE_RULE = f"<any({', '.join(TABLES)}):table>"


def my_progress():
    now, student = utcnow(), current_user._get_current_object()
    return service.progress(db.session, student, service.Scope.student(student, now), now)


@bp.route("/progress")
@role_required("student")
def progress():
    return render_template("student/progress.html", p=my_progress(),
                           category_words=CATEGORY_WORDS,
                           study_url=url_for("student.study_page"),
                           csv_url=lambda table: url_for("student.progress_csv", table=table))


@bp.route(f"/progress/{TABLE_RULE}.csv")
@role_required("student")
def progress_csv(table):
    return Response(table_csv(my_progress(), table), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="progress-{table}.csv"'})
