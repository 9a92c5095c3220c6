"""The teacher's pages: home (classes and sets); authoring arrives with its own modules."""
from flask import Blueprint, render_template
from flask_login import current_user

from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import catalogue

bp = Blueprint("teacher", __name__)


@bp.route("/")
@role_required("teacher")
def home():
    return render_template("teacher/home.html",
                           classes=catalogue.teacher_classes(db.session, current_user),
                           sets=catalogue.teacher_sets(db.session, current_user))
