"""Distractors for numbers, years, periods and dates: nearby values in the answer's own form,
and never a year the article had not reached."""
from __future__ import annotations

import random
import re

from quizapp.generation.clauses import NUMBER_WORDS


def year_gap(candidate: str, answer: str) -> int:
    """Years between two dates ("February 2000" is far from "January 2006")."""
    a, b = re.findall(r"\d{4}", candidate), re.findall(r"\d{4}", answer)
    return abs(int(a[0]) - int(b[0])) if a and b else 0


def later_than(text: str, year: int) -> bool:
    return any(int(y) > year for y in re.findall(r"\b\d{4}\b", text))


def years_before(answer: int, latest: int, rng: random.Random, n: int) -> list[str]:
    """Years near ``answer`` and none after ``latest`` (the article's own year)."""
    years = [y for y in (answer + s for s in (-4, -3, -2, -1, 1, 2, 3)) if y <= latest]
    return [str(y) for y in rng.sample(years, min(n, len(years)))]


_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"


def date_shape(text: str) -> str | None:
    """"October 2006" → "month year"; None for a date of no plain shape ("fall 2007")."""
    shapes = [(rf"{_MONTH} \d{{1,2}}, \d{{4}}", "month day year"), (rf"{_MONTH} \d{{4}}", "month year"),
              (rf"{_MONTH} \d{{1,2}}", "month day"), (rf"\d{{1,2}} {_MONTH}( \d{{4}})?", "day month"),
              (r"\d{4}", "year"), (_MONTH, "month")]
    return next((name for pattern, name in shapes if re.fullmatch(pattern, text)), None)


def numeric_distractors(answer: str, kind: str, rng: random.Random, n: int) -> list[str]:
    """Nearby numbers or periods, in the answer's own form ("four" → "three", "five", …)."""
    if kind == "period":
        years = [int(y) for y in re.findall(r"\d{4}", answer)]
        if len(years) != 2:
            return []
        first, last = years
        shifts = [(-4, -4), (3, 3), (0, 5), (-6, 0), (2, -2)]
        options = [f"{first + a} to {last + b}" for a, b in shifts if first + a < last + b]
        return rng.sample(options, min(n, len(options)))
    word = answer.lower() in NUMBER_WORDS
    value = NUMBER_WORDS.index(answer.lower()) if word else int(answer) if answer.isdigit() \
        else None
    if value is None:
        return []
    steps = [-2, -1, 1, 2, 3] if kind == "count" else [-3, -1, 1, 2, 4]
    values = [value + s for s in steps if value + s > 0]
    picked = rng.sample(values, min(n, len(values)))
    if word:
        return [NUMBER_WORDS[v] if v < len(NUMBER_WORDS) else str(v) for v in picked]
    return [str(v) for v in picked]
