"""A teacher's drill-down into one student of their class: the student's progress page over
the class's sets and quizzes, printable, each table also as CSV."""
from __future__ import annotations

from flask import Response, abort, render_template, url_for

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.reports.mastery import CATEGORY_WORDS
from quizapp.services import classes
from quizapp.services import progress as service
from quizapp.services.progress_tables import table_csv
from quizapp.student.progress import TABLE_RULE
from quizapp.teacher import bp
from quizapp.teacher.access import owned_class


def class_progress(class_id: int, student_id: int):
    school_class = owned_class(class_id)
    student = classes.class_student(db.session, school_class, student_id)
    if student is None:
        abort(404)
    return school_class, service.progress(db.session, student,
                                          service.Scope.school_class(school_class.id), utcnow())


@bp.route("/classes/<int:class_id>/students/<int:student_id>")
@role_required("teacher")
def student_report(class_id, student_id):
    school_class, p = class_progress(class_id, student_id)
    return render_template(
        "teacher/student_report.html", school_class=school_class, p=p,
        category_words=CATEGORY_WORDS, study_url=None,
        csv_url=lambda table: url_for("teacher.student_report_csv", class_id=class_id,
                                      student_id=student_id, table=table))


@bp.route(f"/classes/<int:class_id>/students/<int:student_id>/{TABLE_RULE}.csv")
@role_required("teacher")
def student_report_csv(class_id, student_id, table):
    school_class, p = class_progress(class_id, student_id)
    return Response(table_csv(p, table), mimetype="text/csv", headers={
        "Content-Disposition":
            f'attachment; filename="student-{p.student.id}-{table}.csv"'})
