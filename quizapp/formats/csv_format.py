"""CSV: bank questions as a spreadsheet, and questions typed into one.

We write the header ``id,kind,category,prompt,answer,accepted,choices,explanation,tags``; list
cells (accepted, choices, tags) join their items with `` | `` (a ``|`` or ``\\`` inside an item is
written ``\\|`` or ``\\\\``). The file starts with a byte-order mark so Excel reads it as UTF-8.

Reading also takes the short header teachers write by hand: ``question,answer`` with optional
``alternatives`` and ``choices`` (and any of our other columns), separated by commas, semicolons
or tabs. Without a ``kind`` column the kind is inferred: choices make a multiple-choice question,
a blank (``___``) a cloze, an answer of true or false a true/false question, anything else a
short answer. Without a ``category`` column questions are filed under "what".

A cell starting with ``= + - @`` is written with a leading ``'`` so a spreadsheet shows it rather
than running it as a formula; reading removes that ``'`` again.
"""
from __future__ import annotations

import csv
import io

from quizapp.bank.format import KINDS
from quizapp.bank.kinds import BLANK
from quizapp.formats.common import (
    DEFAULT_CATEGORY,
    Draft,
    FormatError,
    ImportResult,
    decode_text,
    finish,
    title_from_filename,
)

COLUMNS = ("id", "kind", "category", "prompt", "answer", "accepted", "choices", "explanation",
           "tags")
_ALIASES = {"question": "prompt", "alternatives": "accepted"}
_LISTS = ("accepted", "choices", "tags")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def _join(items: list[str]) -> str:
    return " | ".join(i.replace("\\", "\\\\").replace("|", "\\|") for i in items)


def _split(cell: str) -> list[str]:
    items, current, chars = [], "", iter(cell)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current += following if following in ("|", "\\") else char + following
        elif char == "|":
            items.append(current)
            current = ""
        else:
            current += char
    return [i.strip() for i in items + [current] if i.strip()]


def export_csv(questions: list[dict], *, title: str, article: dict | None = None) -> bytes:
    """The questions as CSV with our full header, one question a row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for q in questions:
        row = [_join(q.get(c) or []) if c in _LISTS else (q.get(c) or "") for c in COLUMNS]
        writer.writerow([_guard(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def _header(row: list[str]) -> tuple[list[str], list[str]]:
    names = [_ALIASES.get(c.strip().casefold(), c.strip().casefold()) for c in row]
    problems = []
    for name in names:
        if name not in COLUMNS:
            problems.append(f"line 1: unknown column {name!r}; known columns are "
                            + ", ".join(("question", "alternatives") + COLUMNS))
        elif names.count(name) > 1:
            problems.append(f"line 1: the column {name!r} appears twice")
    if "prompt" not in names:
        problems.append("line 1: no 'question' (or 'prompt') column")
    if "answer" not in names:
        problems.append("line 1: no 'answer' column")
    return names, sorted(set(problems), key=problems.index)


def _infer_kind(q: dict) -> str:
    if q.get("choices"):
        return "mcq"
    if BLANK.search(q.get("prompt", "")):
        return "cloze"
    return "truefalse" if q.get("answer", "").casefold() in ("true", "false") else "short"


def _draft(names: list[str], row: list[str], line: int, number: int) -> Draft:
    problems = []
    if len(row) > len(names):
        problems.append(f"{len(row)} cells but the header has {len(names)} columns")
    cells = {name: _unguard(cell.strip()) for name, cell in zip(names, row)}
    q: dict = {name: _split(cell) if name in _LISTS else cell for name, cell in cells.items()}
    q["category"] = (q.get("category") or DEFAULT_CATEGORY).casefold()
    kind = (q.get("kind") or "").casefold() or _infer_kind(q)
    if kind not in KINDS:
        problems.append(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    q["kind"] = kind
    if kind == "truefalse":
        q["answer"] = q.get("answer", "").casefold()
    label = q.get("id") or " ".join(q.get("prompt", "").split())[:40] or "no text"
    return Draft(q, f"line {line}: question {number} ({label})", problems)


def import_csv(data: bytes, *, filename: str) -> ImportResult:
    """Questions from a CSV file, or FormatError listing every problem with its line."""
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        names, problems = _header(next(reader))
        drafts, line = [], reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                drafts.append(_draft(names, row, line, len(drafts) + 1))
            line = reader.line_num + 1  # a quoted cell may run over several lines
    except csv.Error as exc:
        raise FormatError(f"line {reader.line_num}: not readable as CSV: {exc}") from None
    if problems:
        raise FormatError(problems)
    return ImportResult(finish(drafts), title_from_filename(filename), None, "csv")
