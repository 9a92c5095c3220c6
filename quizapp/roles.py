"""Role checks for routes: ``@role_required("teacher")`` on every route that needs a role."""
from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from quizapp.errors import render_error, wants_json

from quizapp.extensions import login_manager
from quizapp.models import User, db


def role_required(*roles: str):
    """Logged in, and one of ``roles`` (admins pass every role check)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles and not current_user.is_admin:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The cookie carries "<id>:<session version>": an old version means a logged-out cookie."""
    ident, _, version = user_id.partition(":")
    if not ident.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(ident))
    if user is None or user.session_version != int(version):
        return None
    return user


login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
login_manager.session_protection = "basic"


@login_manager.unauthorized_handler
def ask_to_log_in():
    """A GET comes back after logging in; a form sent after the session ended cannot be
    replayed, so the student returns to the page it came from, told nothing was saved."""
    if wants_json():
        return render_error(401, "Please log in.")
    if request.method == "GET":
        flash(login_manager.login_message, "info")
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    flash("Your session had ended, so that form was not saved. Please log in and try again.",
          "warning")
    referrer = urlsplit(request.referrer or "")
    back = referrer.path if referrer.netloc in ("", request.host) and referrer.path else None
    return redirect(url_for("auth.login", next=back))
