"""The student's pages: home (classes and assigned sets), study, practice, and study settings."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.auth.forms import JoinClassForm
from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.limits import join_limits
from quizapp.roles import role_required
from quizapp.services import accounts, catalogue, study, study_queue
from quizapp.services import quizzes as quiz_service
from quizapp.student.forms import SettingsForm
from quizapp.templating import counted

bp = Blueprint("student", __name__)


@bp.record_once
def add_navigation(state):
    state.app.config.setdefault("STUDENT_NAV", [("student.study_page", "Study"),
                                                ("student.quiz_list", "Quizzes"),
                                                ("student.progress", "Progress"),
                                                ("student.settings", "Settings")])


def render_home(form, status=200):
    now = utcnow()
    queue = study_queue.build_queue(db.session, current_user, now)
    return render_template("student/home.html", form=form, queue=queue,
                           next_due=None if len(queue) else study_queue.next_due(
                               db.session, current_user, now),
                           classes=catalogue.student_classes(db.session, current_user),
                           sets=catalogue.student_sets(db.session, current_user),
                           due=catalogue.student_due_dates(db.session, current_user),
                           quizzes=quiz_service.student_quizzes(db.session, current_user,
                                                                utcnow())), status


@bp.route("/")
@role_required("student")
def home():
    return render_home(JoinClassForm())


@bp.route("/join", methods=["POST"])
@role_required("student")
@join_limits
def join():
    form = JoinClassForm()
    if not form.validate_on_submit():
        flash("Enter the class code your teacher gave you.", "error")
        return redirect(url_for("student.home"))
    try:
        school_class = accounts.join_class(db.session, current_user, form.class_code.data)
    except accounts.AccountError as exc:
        flash(str(exc), "error")
        return render_home(form, 400)
    db.session.commit()
    flash(f"You joined {school_class.name}.", "success")
    return redirect(url_for("student.home"))


@bp.route("/settings", methods=["GET", "POST"])
@role_required("student")
def settings():
    form = SettingsForm(obj=current_user)
    if form.validate_on_submit():
        form.populate_obj(current_user)
        current_user.desired_retention = float(form.desired_retention.data)
        count = study.rebuild_user(db.session, current_user)
        db.session.commit()
        flash(f"Saved. {counted(count, 'card')} rescheduled with your new settings.", "success")
        return redirect(url_for("student.settings"))
    return render_template("student/settings.html", form=form), 400 if form.errors else 200


from quizapp.student import practice as _practice_routes  # noqa: E402,F401  (routes attach to bp)
from quizapp.student import progress as _progress_routes  # noqa: E402,F401  (routes attach to bp)
from quizapp.student import quizzes as _quiz_routes  # noqa: E402,F401  (routes attach to bp)
from quizapp.student import sets as _set_routes  # noqa: E402,F401  (routes attach to bp)
from quizapp.student import studying as _studying_routes  # noqa: E402,F401  (routes attach to bp)
