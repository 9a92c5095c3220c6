"""Anki packages (.apkg), written with genanki. Export only: Anki is where the cards go.

Stable ids make a second export update the cards a student already has instead of adding copies:

- the note type ("quizapp question") has one fixed id for every set, ``MODEL_ID``, hashed from
  ``MODEL_NAME`` — change the name when the fields change;
- a set's deck id is hashed from the set's slug (``deck_id(slug)``; the slug of the title when
  none is given), so the same set lands in the same deck;
- a note's guid is genanki's ``guid_for("quizapp", <question id>)``: the question id is stable
  across edits and regenerations, so Anki sees the same note and, on import, updates it (Anki
  updates a note whose incoming modification time is newer; notes carry the export's ``now``).

Every field is HTML-escaped: a ``<script>`` in a prompt is shown in Anki as text. The front shows
the prompt (and the choices of a multiple-choice question); the back adds the answer, the other
accepted answers, the explanation and the article sentence the question came from.
"""
from __future__ import annotations

import hashlib
import io
from datetime import datetime

import genanki

from quizapp.bank.format import slugify
from quizapp.formats.html_text import text_to_html

MODEL_NAME = "quizapp question v1"
FIELDS = ("Prompt", "Choices", "Answer", "Accepted", "Explanation", "Source", "Kind", "Category",
          "QuizappId")
_FRONT = ('<div class="prompt">{{Prompt}}</div>'
          '{{#Choices}}<div class="choices">{{Choices}}</div>{{/Choices}}')
_BACK = ('{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
         '{{#Accepted}}<div class="accepted">Also accepted: {{Accepted}}</div>{{/Accepted}}'
         '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}'
         '{{#Source}}<blockquote class="source">{{Source}}</blockquote>{{/Source}}')
_CSS = (".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
        ".choices ol { padding-left: 1.5em; }\n.accepted, .explanation { font-size: 16px; }\n"
        ".source { font-size: 15px; color: #555; border-left: 3px solid #aaa; "
        "margin-left: 0; padding-left: .8em; }\n")


def _stable_id(text: str) -> int:
    """An id in genanki's recommended range [2**30, 2**31), the same for the same text."""
    digest = int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16)
    return (1 << 30) + digest % (1 << 30)


MODEL_ID = _stable_id(MODEL_NAME)


def deck_id(slug: str) -> int:
    """The deck id of a set, from its slug."""
    return _stable_id("quizapp deck " + slug)


def note_guid(question_id: str) -> str:
    return genanki.guid_for("quizapp", question_id)


def _model() -> genanki.Model:
    return genanki.Model(MODEL_ID, MODEL_NAME, fields=[{"name": f} for f in FIELDS],
                         templates=[{"name": "Card 1", "qfmt": _FRONT, "afmt": _BACK}],
                         css=_CSS, sort_field_index=0)


def _fields(q: dict) -> list[str]:
    choices = ""
    if q["kind"] == "mcq":
        choices = '<ol type="A">' + "".join(f"<li>{text_to_html(c)}</li>" for c in q["choices"]) + "</ol>"
    elif q["kind"] == "truefalse":
        choices = "True or false?"
    answer = q["answer"].capitalize() if q["kind"] == "truefalse" else q["answer"]
    accepted = [a for a in q.get("accepted", []) if a != q["answer"]]
    source = (q.get("source") or {}).get("text") or ""
    return [text_to_html(q["prompt"]), choices, text_to_html(answer), text_to_html(", ".join(accepted)),
            text_to_html(q.get("explanation") or ""), text_to_html(source), q["kind"], q["category"],
            text_to_html(q["id"])]


def _tags(q: dict) -> list[str]:
    # Anki tags cannot hold spaces; "::" makes a tag hierarchy in Anki's browser.
    tags = [f"quizapp::{q['category']}", f"quizapp::{q['kind']}"]
    return tags + ["_".join(t.split()) for t in q.get("tags", [])]


def _description(title: str, article: dict | None) -> str:
    parts = [text_to_html(title)]
    if article:
        credit = [article.get(k) for k in ("title", "attribution", "licence", "source")]
        parts.append("From the article: " + text_to_html(" · ".join(c for c in credit if c)))
    return "<br>".join(parts)


def export_apkg(questions: list[dict], *, title: str, article: dict | None = None,
                slug: str | None = None, now: datetime) -> bytes:
    """The questions as an Anki package: one deck named after the set, one note per question."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    slug = slug or slugify(title)
    deck = genanki.Deck(deck_id(slug), title, description=_description(title, article))
    model = _model()
    for q in questions:
        deck.add_note(genanki.Note(model=model, fields=_fields(q), tags=_tags(q),
                                   guid=note_guid(q["id"])))
    out = io.BytesIO()
    genanki.Package(deck).write_to_file(out, timestamp=now.timestamp())
    return out.getvalue()
