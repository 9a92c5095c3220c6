"""Account pages: each parses a form, calls the accounts service, then redirects or renders."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from quizapp.auth import bp
from quizapp.auth.forms import ChangePasswordForm, LoginForm, RegisterForm
from quizapp.extensions import db
from quizapp.limits import login_limits, register_limits
from quizapp.services import accounts


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: no scheme, no host, no protocol-relative or backslash tricks."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(c in target for c in "\\\r\n\t"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@login_limits
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = accounts.authenticate(db.session, form.email.data, form.password.data)
        if user is None:
            flash("That email and password do not match an account.", "error")
            return render_template("auth/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        return redirect(safe_next(form.next.data) or url_for("main.home"))
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.route("/register", methods=["GET", "POST"])
@register_limits
def register():
    form = RegisterForm(class_code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            user = accounts.register_student(
                db.session, email=form.email.data, name=form.name.data,
                password=form.password.data, class_code=form.class_code.data,
                timezone=form.timezone.data)
        except accounts.AccountError as exc:
            db.session.rollback()
            flash(str(exc), "error")
            return render_template("auth/register.html", form=form), 400
        db.session.commit()
        login_user(user)
        flash("Welcome! You have joined your class.", "success")
        return redirect(url_for("main.home"))
    return render_template("auth/register.html", form=form), 400 if form.errors else 200


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    accounts.end_sessions(current_user)
    db.session.commit()
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current.data, form.new.data)
        except accounts.AccountError as exc:
            flash(str(exc), "error")
            return render_template("auth/password.html", form=form), 400
        db.session.commit()
        login_user(current_user._get_current_object())  # a fresh cookie for this device, with the new version
        flash("Your password is changed. Other devices are logged out.", "success")
        return redirect(url_for("main.home"))
    return render_template("auth/password.html", form=form), 400 if form.errors else 200
