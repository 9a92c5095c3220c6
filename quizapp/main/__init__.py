"""The front door: sends each person to the home page of their role."""
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

bp = Blueprint("main", __name__)


@bp.route("/")
def home():
    if not current_user.is_authenticated:
        return render_template("main/welcome.html")
    if current_user.is_teacher:
        return redirect(url_for("teacher.home"))
    return redirect(url_for("student.home"))


@bp.route("/healthz")
def healthz():
    return {"status": "ok"}
