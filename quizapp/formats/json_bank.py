"""Our own bank JSON as an import and export format: the one format that loses nothing.

An export is a whole bank file (``quizapp.bank.dump_bank``): the article and the questions. A set
with no article is written with an empty article (no text, the set's title and slug), as the bank
format requires one, and without its questions' source sentences, whose offsets point into an
article (questions imported from another set's GIFT file carry them); reading such a bank gives
``article=None``.
"""
from __future__ import annotations

import hashlib
import re

from quizapp.bank.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    BankError,
    dump_bank,
    load_bank,
    parse_json,
    slugify,
    validate_bank,
)
from quizapp.formats.common import FormatError, ImportResult, decode_text

GENERATOR = {"name": "quizapp", "version": str(FORMAT_VERSION)}
_QUESTION_PATH = re.compile(r"^questions\[(\d+)\]\.?(.*)$")


def _empty_article(title: str) -> dict:
    return {"title": title, "slug": slugify(title), "sha256": hashlib.sha256(b"").hexdigest(),
            "text": ""}


def export_json(questions: list[dict], *, title: str, article: dict | None = None) -> bytes:
    """The questions and their article as a bank file."""
    if article is None:
        questions = [{k: v for k, v in q.items() if k != "source"} for q in questions]
    bank = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "generator": GENERATOR,
            "article": article or _empty_article(title), "questions": questions}
    if title != bank["article"]["title"]:
        bank["title"] = title
    problems = validate_bank(bank)
    if problems:
        raise FormatError([_locate(p, questions) for p in problems])
    return dump_bank(bank).encode("utf-8")


def _locate(problem: str, questions: object) -> str:
    """"questions[3].choices: …" → "question 4 (<its id>): choices: …"."""
    place, _, message = problem.partition(": ")
    match = _QUESTION_PATH.match(place)
    if not match:
        return problem
    index = int(match.group(1))
    try:
        name = questions[index].get("id") or "no id"
    except (IndexError, KeyError, TypeError, AttributeError):
        name = "no id"
    field = f"{match.group(2)}: " if match.group(2) else ""
    return f"question {index + 1} ({name}): {field}{message}"


def import_json(data: bytes, *, filename: str) -> ImportResult:
    """Questions, title and article from a bank file, or FormatError with every problem."""
    text = decode_text(data)
    if not text.lstrip().startswith("{"):
        raise FormatError("line 1: a bank file is a JSON object, starting with '{'")
    try:
        bank = load_bank(text)
    except BankError as exc:
        try:
            questions = parse_json(text).get("questions")
        except (BankError, AttributeError):
            questions = None
        raise FormatError([_locate(p, questions) for p in exc.problems]) from None
    article = bank["article"] if bank["article"]["text"] else None
    title = bank.get("title") or bank["article"]["title"]
    return ImportResult(bank["questions"], title, article, "json")
