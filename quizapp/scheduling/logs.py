"""Reading review logs from CSV: the FSRS/Anki layout and quizapp's own log export.

Two layouts are accepted, told apart by the header:

* ``card_id,review_rating,review_time,review_duration`` (py-fsrs / FSRS benchmark logs);
* ``user_id,question_id,rating,reviewed_at,duration_ms`` (quizapp's export; a card is one
  user's question).

Times are ISO 8601 (an offset is honoured; none means UTC) or epoch milliseconds. Any bad line
raises ``LogFormatError`` naming the file and line.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from quizapp.scheduling.clock import as_utc
from quizapp.scheduling.state import Rating

FSRS_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")
QUIZAPP_COLUMNS = ("user_id", "question_id", "rating", "reviewed_at", "duration_ms")


class LogFormatError(ValueError):
    """A review log that cannot be read; the message names the line."""


@dataclass(frozen=True)
class LogEntry:
    card: str  # card_id, or "user_id/question_id" for quizapp's export
    rating: Rating
    reviewed_at: datetime
    duration_ms: int | None


def _time(text: str) -> datetime:
    text = text.strip()
    if text.isdigit():
        return datetime.fromtimestamp(int(text) / 1000, tz=timezone.utc)
    return as_utc(datetime.fromisoformat(text))  # 3.11 reads "Z" too


def _rating(text: str) -> Rating:
    value = int(text)
    if not 1 <= value <= 4:
        raise ValueError(f"rating must be 1–4, got {value}")
    return Rating(value)


def _duration(text: str) -> int | None:
    if not text.strip():
        return None
    value = int(float(text))
    if value < 0:
        raise ValueError(f"duration cannot be negative, got {value}")
    return value


def _entry(row: dict[str, str], ours: bool) -> LogEntry:
    if ours:
        card = f"{row['user_id'].strip()}/{row['question_id'].strip()}"
        return LogEntry(card, _rating(row["rating"]), _time(row["reviewed_at"]),
                        _duration(row["duration_ms"]))
    return LogEntry(row["card_id"].strip(), _rating(row["review_rating"]),
                    _time(row["review_time"]), _duration(row["review_duration"]))


def read_log(path: str | Path) -> list[LogEntry]:
    """Every review in the CSV at ``path``, in file order."""
    path = Path(path)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = tuple(name.strip() for name in (reader.fieldnames or ()))
        if set(FSRS_COLUMNS) <= set(header):
            ours, columns = False, FSRS_COLUMNS
        elif set(QUIZAPP_COLUMNS) <= set(header):
            ours, columns = True, QUIZAPP_COLUMNS
        else:
            raise LogFormatError(f"{path}:1: unknown header {','.join(header) or '(empty)'}; "
                                 f"expected {','.join(FSRS_COLUMNS)} or "
                                 f"{','.join(QUIZAPP_COLUMNS)}")
        reader.fieldnames = list(header)
        entries = []
        for row in reader:
            entries.append(_row(path, reader.line_num, row, ours, columns))
    if not entries:
        raise LogFormatError(f"{path}: no reviews after the header")
    return entries


def _row(path: Path, line: int, row: dict, ours: bool, columns: tuple[str, ...]) -> LogEntry:
    if None in row or any(row.get(name) is None for name in columns):
        width = len(row) - (None in row)  # DictReader keys extras under None
        raise LogFormatError(f"{path}:{line}: wrong number of fields (the header has {width})")
    try:
        return _entry(row, ours)
    except ValueError as error:
        raise LogFormatError(f"{path}:{line}: {error}") from None
