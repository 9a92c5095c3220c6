"""The student's pages: home (classes and assigned sets); study arrives with its own module."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.auth.forms import JoinClassForm
from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import accounts, catalogue

bp = Blueprint("student", __name__)


@bp.route("/")
@role_required("student")
def home():
    return render_template("student/home.html", form=JoinClassForm(),
                           classes=catalogue.student_classes(db.session, current_user),
                           sets=catalogue.student_sets(db.session, current_user))


@bp.route("/join", methods=["POST"])
@role_required("student")
def join():
    form = JoinClassForm()
    if not form.validate_on_submit():
        flash("Enter the class code your teacher gave you.", "error")
        return redirect(url_for("student.home"))
    try:
        school_class = accounts.join_class(db.session, current_user, form.class_code.data)
    except accounts.AccountError as exc:
        flash(str(exc), "error")
        return render_template("student/home.html", form=form,
                               classes=catalogue.student_classes(db.session, current_user),
                               sets=catalogue.student_sets(db.session, current_user)), 400
    db.session.commit()
    flash(f"You joined {school_class.name}.", "success")
    return redirect(url_for("student.home"))
