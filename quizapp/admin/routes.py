"""Staff accounts: the administrator lists teachers and admins and creates their accounts
(students make their own with a class code)."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from sqlalchemy import select

from quizapp.admin import bp
from quizapp.admin.forms import StaffForm
from quizapp.extensions import db
from quizapp.models import User
from quizapp.roles import role_required
from quizapp.services import accounts


@bp.route("/staff", methods=["GET", "POST"])
@role_required("admin")
def staff():
    form = StaffForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_user(db.session, form.email.data, form.password.data,
                                        role=form.role.data, name=form.name.data)
        except accounts.AccountError as exc:
            form.email.errors.append(str(exc))
        else:
            db.session.commit()
            flash(f"Account created for {user.name} ({user.email}), {user.role}.", "success")
            return redirect(url_for("admin.staff"))
    people = db.session.scalars(select(User).where(User.role.in_(("teacher", "admin")))
                                .order_by(User.name, User.id)).all()
    return render_template("admin/staff.html", form=form, people=people), \
        400 if form.errors else 200
