"""The school administrator's pages: the staff accounts (teachers and admins)."""
from flask import Blueprint

bp = Blueprint("admin", __name__)

from quizapp.admin import routes  # noqa: E402,F401  (registers the routes)
