"""The one place that chooses an HTML page or a JSON body for an error.

The error page must not fail in turn: a request that broke the database session (a refused
flush) has its transaction rolled back before the page, which shows the signed-in person, is
drawn. An upload over the request limit is answered on its own form (see ``TOO_LARGE_FORMS``).
"""
from __future__ import annotations

from collections.abc import Callable

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from quizapp.extensions import db
from quizapp.formats.common import megabytes

MESSAGES = {
    400: "The request could not be understood.",
    403: "You do not have access to that page.",
    404: "There is nothing at this address.",
    413: "That upload is too large.",
    429: "Too many attempts. Please wait a minute and try again.",
    500: "Something went wrong in quizapp (it is logged). Nothing was saved.",
}
# Pages with an upload form, by endpoint: each draws its form again with the upload's real
# size and its limit (``too_large_message``) when a request is over MAX_CONTENT_LENGTH.
TOO_LARGE_FORMS: dict[str, Callable[[], object]] = {}


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return request.is_json or (best == "application/json"
                               and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"])


def render_error(code: int, message: str):
    if wants_json():
        return jsonify({"error": {"code": code, "message": message}}), code
    return render_template("errors/error.html", code=code, message=message), code


def release_broken_session(*, always: bool = False) -> None:
    """Roll back a transaction a failed flush left unusable (or, with ``always``, any)."""
    if always or not db.session.is_active:
        db.session.rollback()


def too_large_message(limit: str) -> str:
    """What an upload over the request limit is told: its real size and the page's limit."""
    size = request.content_length
    sent = f"{megabytes(size)} ({size:,} bytes)" if size else "larger than the request limit"
    return f"The upload was {sent}; the limit is {limit}. Nothing was saved: choose a smaller file."


def register(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return render_error(400, "Your form expired or was sent twice from an old page. "
                                 "Nothing was saved: please reload the page and try again.")

    @app.errorhandler(HTTPException)
    def http_error(exc):
        release_broken_session()
        if exc.code == 413 and request.endpoint in TOO_LARGE_FORMS and not wants_json():
            return TOO_LARGE_FORMS[request.endpoint]()
        return render_error(exc.code or 500, MESSAGES.get(exc.code, exc.description))

    @app.errorhandler(InternalServerError)
    def server_error(exc):
        release_broken_session(always=True)
        return render_error(500, MESSAGES[500])
