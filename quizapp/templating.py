"""Template filters: every piece of teacher or article text is escaped before it is marked up."""
from __future__ import annotations

import re
from datetime import datetime

from markupsafe import Markup, escape

from quizapp.scheduling.clock import zone


def highlight(text: str | None, phrase: str | None) -> Markup:
    """``text`` escaped, with each case-insensitive occurrence of ``phrase`` in <mark>."""
    text = text or ""
    if not phrase or phrase in ("true", "false"):
        return escape(text)
    pieces = re.split(f"({re.escape(phrase)})", text, flags=re.IGNORECASE)
    return Markup("").join(Markup("<mark>%s</mark>") % piece if i % 2 else escape(piece)
                           for i, piece in enumerate(pieces))


def display_answer(answer: str, kind: str) -> str:
    if kind == "truefalse":
        return {"true": "True", "false": "False"}.get(answer, answer)
    return answer


def local_time(moment: datetime, user) -> str:
    return moment.astimezone(zone(user.timezone)).strftime("%H:%M")


def register(app) -> None:
    app.add_template_filter(highlight)
    app.add_template_filter(display_answer)
    app.add_template_filter(local_time)
