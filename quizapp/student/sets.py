"""A student's view of one assigned set: what they have studied in it, and studying or
practising just that set. Nothing shown here gives away the answer of a card."""
from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.roles import role_required
from quizapp.services import catalogue
from quizapp.student import bp


@bp.route("/sets/<int:set_id>")
@role_required("student")
def set_page(set_id: int):
    qset = catalogue.assigned_set(db.session, current_user, set_id, utcnow())
    if qset is None:
        abort(404)
    studied, unstudied = catalogue.studied_in_set(db.session, current_user, qset)
    return render_template("student/set.html", qset=qset, studied=studied, unstudied=unstudied)
