"""Logging in and out, registering with a class code, changing the password."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from quizapp.auth import routes  # noqa: E402,F401  (routes attach to bp)
