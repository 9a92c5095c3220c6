"""Template filters: every piece of teacher or article text is escaped before it is marked up."""
from __future__ import annotations

import re
from datetime import datetime

from markupsafe import Markup, escape

from quizapp.bank.kinds import BLANK, true_or_false_prompt
from quizapp.clock import utcnow
from quizapp.scheduling.clock import zone


def highlight(text: str | None, phrase: str | None) -> Markup:
    """``text`` escaped, with each case-insensitive occurrence of ``phrase`` in <mark>."""
    text = text or ""
    if not phrase or phrase in ("true", "false"):
        return escape(text)
    pieces = re.split(f"({re.escape(phrase)})", text, flags=re.IGNORECASE)
    return Markup("").join(Markup("<mark>%s</mark>") % piece if i % 2 else escape(piece)
                           for i, piece in enumerate(pieces))


def mark_span(text: str, start: int | None, end: int | None, mark_id: str = "source",
              expected: str | None = None) -> Markup:
    """The article as HTML-safe text with ``text[start:end]`` inside a ``<mark>``.

    Nothing is marked when the offsets fall outside the text or do not hold ``expected`` (a
    question moved from a set about another article points into that article).
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        return escape(text)
    if expected and text[start:end] != expected:
        return escape(text)
    return Markup('{}<mark id="{}">{}</mark>{}').format(
        text[:start], mark_id, text[start:end], text[end:])


def quality_label(score: float | None) -> str:
    if score is None:
        return "no score"
    return "high" if score >= 0.8 else "medium" if score >= 0.5 else "low"


def cloze_blanks(prompt: str) -> Markup:
    """A cloze prompt, escaped, with each blank drawn as a visible gap."""
    gap = Markup('<span class="blank" aria-label="blank">_____</span>')
    return gap.join(escape(part) for part in BLANK.split(prompt))


def display_answer(answer: str, kind: str) -> str:
    if kind == "truefalse":
        return {"true": "True", "false": "False"}.get(answer, answer)
    return answer


def counted(n: int, noun: str) -> str:
    """"1 class", "0 classes", "2 drafts": a count with its noun, plural unless one."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun}{'es' if noun.endswith(('s', 'x', 'ch', 'sh')) else 's'}"


def local_time(moment: datetime, user) -> str:
    return moment.astimezone(zone(user.timezone)).strftime("%H:%M")


def local_when(moment: datetime, user, now: datetime | None = None) -> str:
    """A moment in the student's words and zone: "today at 9:00", "tomorrow at 14:30",
    "on Friday at 9:00" within a week, else "on 12 Jan at 9:00" (with the year if another)."""
    here = zone(user.timezone)
    local, today = moment.astimezone(here), (now or utcnow()).astimezone(here).date()
    clock = f"{local.hour}:{local.minute:02d}"
    days = (local.date() - today).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if 1 < days < 7:
        return f"on {local:%A} at {clock}"
    year = "" if local.year == today.year else f" {local.year}"
    return f"on {local.day} {local:%b}{year} at {clock}"


def local_datetime(moment: datetime | None, user) -> str:
    if moment is None:
        return ""
    return moment.astimezone(zone(user.timezone)).strftime("%d %b %Y %H:%M")


def register(app) -> None:
    app.add_template_filter(highlight)
    app.add_template_filter(display_answer)
    app.add_template_filter(local_time)
    app.add_template_filter(local_datetime)
    app.add_template_filter(local_when)
    app.add_template_filter(cloze_blanks)
    app.add_template_filter(counted)
    app.add_template_filter(true_or_false_prompt)
    app.add_template_global(quality_label)
