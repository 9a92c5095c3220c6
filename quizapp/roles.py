"""Role checks for routes: ``@role_required("teacher")`` on every route that needs a role."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

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
