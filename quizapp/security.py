"""Response headers that keep pages inert (scripts and styles only from our own files) and keep
signed-in pages out of the browser's cache.

No template carries an inline script, style or event handler, so the policy can forbid them;
teacher and article text that slipped past escaping still could not run.
"""
from __future__ import annotations

from flask import g

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    # A signed-in page stays out of the browser's cache: on a shared school computer, the
    # back button after logout must not show the last student's pages. Only a user this
    # request already loaded counts, so a failing database cannot break this hook.
    user = g.get("_login_user")
    if user is not None and user.is_authenticated:
        response.headers["Cache-Control"] = "no-store"
    return response


def register(app) -> None:
    app.after_request(add_headers)
