"""Showing article text safely: escape everything first, then mark the source sentence."""
from __future__ import annotations

import re

from markupsafe import Markup, escape


def highlight(text: str, start: int | None, end: int | None, mark_id: str = "source",
              expected: str | None = None) -> Markup:
    """The article as HTML-safe text with ``text[start:end]`` inside a ``<mark>``.

    Nothing is marked when the offsets fall outside the text or do not hold ``expected`` (a
    question moved from a set about another article points into that article).
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        return escape(text)
    if expected and text[start:end] != expected:
        return escape(text)
    return Markup("{}<mark id=\"{}\">{}</mark>{}").format(
        text[:start], mark_id, text[start:end], text[end:])


def quality_label(score: float | None) -> str:
    if score is None:
        return "no score"
    return "high" if score >= 0.8 else "medium" if score >= 0.5 else "low"


BLANK = re.compile(r"_{3,}")


def cloze_blanks(prompt: str) -> Markup:
    """A cloze prompt, escaped, with each blank drawn as a visible gap."""
    parts = [escape(part) for part in BLANK.split(prompt)]
    gap = Markup('<span class="blank" aria-label="blank">_____</span>')
    return gap.join(parts)
