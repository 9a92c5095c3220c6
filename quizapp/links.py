"""Links people copy and share (a class's join link): built from the configured ``PUBLIC_URL``,
never from the request's Host header, which anyone can set."""
from __future__ import annotations

from flask import current_app, url_for


def shareable_url(endpoint: str, **values) -> str:
    """The full link when ``PUBLIC_URL`` is set; otherwise the path on this site."""
    path = url_for(endpoint, **values)
    base = current_app.config.get("PUBLIC_URL")
    return f"{base.rstrip('/')}{path}" if base else path
