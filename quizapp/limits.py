"""Rate limits that fit a school, where hundreds of people share one public address.

Logins count failures only, per account (the email typed) and, far more generously, per
address; registration and joining a class count every attempt, per account and per address.
The limits are settings (``quizapp.config.Config``, in Flask-Limiter's notation).
A proxy's ``X-Forwarded-For`` names the address only when ``TRUSTED_PROXIES`` says how many
proxies stand in front (``werkzeug.middleware.proxy_fix.ProxyFix``); otherwise anyone could
forge it. When the shared store (Redis) is down, Flask-Limiter logs it and counts in memory.
"""
from __future__ import annotations

from flask import current_app, request
from flask_login import current_user

from quizapp.extensions import limiter

def setting(name: str):
    return lambda: current_app.config[name]


def typed_account() -> str:
    """The email in the posted form, as accounts are looked up: case and spaces do not count."""
    return "account:" + request.form.get("email", "").strip().lower()


def signed_in_account() -> str:
    return f"user:{current_user.get_id()}"


def failed(response) -> bool:
    return response.status_code == 401


def _limited(prefix: str, account_key, deduct_when=None):
    def decorate(view):
        for name, key in ((f"{prefix}_LIMITS_PER_ACCOUNT", account_key),
                          (f"{prefix}_LIMITS_PER_ADDRESS", None)):
            view = limiter.limit(setting(name), key_func=key, methods=["POST"],
                                 deduct_when=deduct_when)(view)
        return view
    return decorate


login_limits = _limited("LOGIN", typed_account, deduct_when=failed)
register_limits = _limited("REGISTER", typed_account)
join_limits = _limited("JOIN", signed_in_account)

