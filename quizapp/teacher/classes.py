"""Classes: create, share the join code, roster, remove a student, rename, archive."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.links import shareable_url
from quizapp.roles import role_required
from quizapp.services import catalogue, quizzes
from quizapp.services import classes as service
from quizapp.teacher import bp
from quizapp.teacher.access import owned_class
from quizapp.teacher.forms import ActionForm, ClassForm


@bp.route("/classes", methods=["GET", "POST"])
@role_required("teacher")
def classes():
    form = ClassForm()
    if form.validate_on_submit():
        school_class, created = service.create_class_once(db.session, current_user,
                                                          form.name.data)
        db.session.commit()
        flash(f"Class {school_class.name} created." if created else
              f"You already have a class called {school_class.name}.",
              "success" if created else "info")
        return redirect(url_for("teacher.class_page", class_id=school_class.id))
    return render_template("teacher/classes.html", form=form,
                           classes=catalogue.teacher_classes(db.session, current_user)), \
        400 if form.errors else 200


@bp.route("/classes/<int:class_id>", methods=["GET", "POST"])
@role_required("teacher")
def class_page(class_id):
    school_class = owned_class(class_id)
    form = ClassForm(obj=school_class)
    if form.validate_on_submit():
        try:
            service.rename_class(db.session, school_class, form.name.data)
        except service.ClassError as exc:
            db.session.rollback()
            form.name.errors.append(str(exc))
        else:
            db.session.commit()
            flash("Class renamed.", "success")
            return redirect(url_for("teacher.class_page", class_id=class_id))
    return render_template("teacher/class.html", school_class=school_class, form=form,
                           action=ActionForm(), roster=service.roster(db.session, school_class),
                           quizzes=quizzes.class_quizzes(db.session, school_class, utcnow()),
                           join_url=shareable_url("auth.register", code=school_class.join_code)
                           ), 400 if form.errors else 200


@bp.route("/classes/<int:class_id>/students/<int:student_id>/remove", methods=["POST"])
@role_required("teacher")
def remove_student(class_id, student_id):
    school_class = owned_class(class_id)
    if ActionForm().validate_on_submit():
        try:
            student = service.remove_student(db.session, school_class, student_id)
        except service.ClassError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"{student.name} is no longer in {school_class.name}.", "success")
    return redirect(url_for("teacher.class_page", class_id=class_id))


@bp.route("/classes/<int:class_id>/archive", methods=["POST"])
@bp.route("/classes/<int:class_id>/unarchive", methods=["POST"], endpoint="unarchive_class",
          defaults={"archived": False})
@role_required("teacher")
def archive_class(class_id, archived=True):
    school_class = owned_class(class_id)
    if ActionForm().validate_on_submit():
        try:
            service.set_archived(db.session, school_class, archived, utcnow())
        except service.ClassError as exc:
            db.session.rollback()
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"{school_class.name} is {'archived' if archived else 'open again'}.",
                  "success")
    return redirect(url_for("teacher.class_page", class_id=class_id))
