"""Reading, validating and writing bank files, and the stable ids that keep review history.

A bank file is UTF-8 JSON, pretty-printed with sorted keys so a regenerated bank diffs cleanly.
Validation reports every problem with its JSON path (``questions[3].choices``).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from quizapp.bank.kinds import get_kind

_FORMATS = jsonschema.FormatChecker(["date"])

FORMAT_NAME = "quizapp-bank"
# A bank is a few levels deep; anything deeper is not a bank (and would exhaust the stack).
MAX_DEPTH = 32
FORMAT_VERSION = 1
KINDS = ("mcq", "cloze", "short", "truefalse")
CATEGORIES = ("who", "what", "where", "when", "operation", "number")


class BankError(ValueError):
    """A bank that cannot be read or is invalid; ``problems`` lists each one with its place."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or [message]


def normalise_answer(text: str) -> str:
    """Case-, accent- and punctuation-folded form of an answer, for ids and comparisons."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


def slugify(text: str, max_length: int = 60) -> str:
    slug = normalise_answer(text).replace(" ", "-").replace("_", "-")
    slug = re.sub(r"-+", "-", slug).strip("-")
    return slug[:max_length].rstrip("-") or "untitled"


def shorten_title(title: str, limit: int) -> str:
    """``title`` (spaces tidied) if it fits in ``limit`` characters, else cut after its last
    whole word that fits, with "…": never "… EADS N.V" for "… EADS N.V. said". A single word
    longer than the limit is all there is to cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    head = title[:limit - 1]
    if title[limit - 1] != " " and " " in head:
        head = head[:head.rindex(" ")]
    return head.rstrip(" ,;:-") + "…"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def fact_id(article_sha256: str, category: str, answer: str, sentence: str) -> str:
    """One fact of one article: questions asking about it are siblings."""
    return "f-" + _digest(article_sha256, category, normalise_answer(answer), sentence.strip())[:12]


def question_id(article_sha256: str, kind: str, category: str, answer: str, sentence: str) -> str:
    """Same article + same fact + same kind → same id, however the prompt's wording changes."""
    return "q-" + _digest(
        article_sha256, kind, category, normalise_answer(answer), sentence.strip()
    )[:16]


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(resources.files("quizapp.bank").joinpath("schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def bank_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema(), format_checker=_FORMATS)


@lru_cache(maxsize=1)
def question_validator() -> jsonschema.Draft202012Validator:
    """The schema of one question (``$defs.question``), for formats that carry no bank."""
    return jsonschema.Draft202012Validator({"$defs": _schema()["$defs"],
                                            "$ref": "#/$defs/question"}, format_checker=_FORMATS)


@lru_cache(maxsize=1)
def article_validator() -> jsonschema.Draft202012Validator:
    """The schema of a bank's ``article`` (title, licence, attribution, source, date...)."""
    return jsonschema.Draft202012Validator(_schema()["properties"]["article"],
                                           format_checker=_FORMATS)


def article_problems(article: dict) -> list[str]:
    """Every problem of an article's fields as "field: message" (a title too long, a date
    that does not exist...); an empty list means the article can be stored."""
    return sorted(f"{_path(e)}: {_message(e)}" for e in article_validator().iter_errors(article))


def _message(error: jsonschema.ValidationError) -> str:
    """The validator's message, with over-long text said in numbers instead of quoted whole."""
    if error.validator == "maxLength" and isinstance(error.instance, str):
        return (f"{len(error.instance):,} characters is too long "
                f"(at most {error.validator_value:,})")
    return error.message


def _path(error: jsonschema.ValidationError) -> str:
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def validate_bank(bank: object) -> list[str]:
    """Every problem in ``bank`` as "place: message"; an empty list means it is valid."""
    problems = [f"{_path(e)}: {_message(e)}" for e in bank_validator().iter_errors(bank)]
    if problems or not isinstance(bank, dict):
        return sorted(problems)

    seen: set[str] = set()
    for i, question in enumerate(bank["questions"]):
        if question["id"] in seen:
            problems.append(f"questions[{i}].id: duplicate id {question['id']!r}")
        seen.add(question["id"])
        problems += [f"questions[{i}].{p}" for p in get_kind(question["kind"]).validate(question)]
        source = question.get("source")
        text = bank["article"].get("text")
        if source and text is not None and not 0 <= source["start"] < source["end"] <= len(text):
            problems.append(f"questions[{i}].source: offsets outside the article text")
    return problems


def load_bank(path_or_text: str | Path) -> dict:
    """Read and validate a bank file (or JSON text); raise BankError listing every problem."""
    if isinstance(path_or_text, Path) or not str(path_or_text).lstrip().startswith("{"):
        try:
            raw = Path(path_or_text).read_bytes()
        except OSError as exc:
            raise BankError(f"cannot read {path_or_text}: {exc.strerror}") from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BankError(f"{path_or_text}: not UTF-8 text (byte {exc.start})") from exc
    else:
        text = str(path_or_text)
    bank = parse_json(text)
    problems = validate_bank(bank)
    if problems:
        raise BankError(f"invalid bank: {len(problems)} problem(s)", problems)
    return bank


class _NotFinite(ValueError):
    """A number JSON does not allow (NaN, Infinity, or one too large for a float)."""


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _NotFinite(literal)
    return value


def _no_constant(literal: str):
    raise _NotFinite(literal)


def _where(text: str, literal: str) -> str:
    """"line L, column C: " of a bare ``literal`` value in JSON text (or "" if not found)."""
    found = re.search(rf"(?<![\w.+-]){re.escape(literal)}(?![\w.])", text)
    if not found:
        return ""
    line_start = text.rfind("\n", 0, found.start()) + 1
    line = text.count("\n", 0, found.start()) + 1
    return f"line {line}, column {found.start() - line_start + 1}: "


def _depth_problem(value: object) -> str | None:
    """The place of the first value nested deeper than MAX_DEPTH, walked without recursion."""
    stack: list[tuple[object, int, str]] = [(value, 1, "")]
    while stack:
        item, depth, place = stack.pop()
        if not isinstance(item, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            return f"{place or '(top level)'}: nested deeper than {MAX_DEPTH} levels"
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        stack.extend((v, depth + 1, f"{place}[{k}]" if isinstance(k, int) else
                      (f"{place}.{k}" if place else str(k))) for k, v in pairs)
    return None


def parse_json(text: str) -> object:
    """JSON text as Python values, or BankError: invalid JSON (with its line and column), a
    number that is not finite (NaN, Infinity, 1e999), or nesting deeper than MAX_DEPTH."""
    try:
        value = json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BankError(f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg}") from exc
    except _NotFinite as exc:
        raise BankError(f"{_where(text, str(exc))}{exc} is not a finite number; JSON numbers "
                        "must be finite") from None
    except RecursionError:
        raise BankError(f"the JSON is nested deeper than {MAX_DEPTH} levels; a bank is not "
                        "nested so deep") from None
    problem = _depth_problem(value)
    if problem:
        raise BankError(problem)
    return value


def dump_bank(bank: dict) -> str:
    """The bank as pretty-printed JSON with sorted keys and a final newline."""
    return json.dumps(bank, indent=2, sort_keys=True, ensure_ascii=False,
                      allow_nan=False) + "\n"
