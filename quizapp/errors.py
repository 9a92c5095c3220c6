"""The one place that chooses an HTML page or a JSON body for an error."""
from __future__ import annotations

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "The request could not be understood.",
    403: "You do not have access to that page.",
    404: "There is nothing at this address.",
    413: "That upload is too large.",
    429: "Too many attempts. Please wait a minute and try again.",
}


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return request.is_json or (best == "application/json"
                               and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"])


def render_error(code: int, message: str):
    if wants_json():
        return jsonify({"error": {"code": code, "message": message}}), code
    return render_template("errors/error.html", code=code, message=message), code


def register(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return render_error(400, "Your form expired or was sent twice from an old page. "
                                 "Nothing was saved: please reload the page and try again.")

    @app.errorhandler(HTTPException)
    def http_error(exc):
        return render_error(exc.code or 500, MESSAGES.get(exc.code, exc.description))
