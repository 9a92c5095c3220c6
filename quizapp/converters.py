"""URL converters: an id in a URL is an id the database can hold.

A ``<int:…>`` part beyond a 32-bit integer (``/teacher/sets/1099511627776``) matches no route
and is answered 404, instead of reaching PostgreSQL, which refuses to compare it with an
integer column ("integer out of range").
"""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

from quizapp.models.base import MAX_ID


class DatabaseIdConverter(IntegerConverter):
    """``int`` in routes: a non-negative integer no larger than ``MAX_ID``."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def register(app) -> None:
    """Before any blueprint adds its rules."""
    app.url_map.converters["int"] = DatabaseIdConverter
