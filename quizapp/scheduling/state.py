"""A card's scheduling state as our own frozen value, and the rating a student gives.

The database keeps ``CardState.to_dict()`` in plain columns (ints, floats, UTC datetimes) and
never a library object; ``to_fsrs_card`` / ``from_fsrs_card`` convert at the edge of fsrs.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

import fsrs

from quizapp.scheduling.clock import as_utc


class Rating(IntEnum):
    """How well the student recalled the card; the values are FSRS's (1 Again … 4 Easy)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Phase(IntEnum):
    """Where a card is in its life; 1–3 share fsrs's ``State`` values, NEW is ours."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class CardState:
    """One student's memory of one card.

    ``step`` is the (re)learning step index or None in review; ``stability`` (days) and
    ``difficulty`` (1–10) are FSRS's memory state, None for a new card; ``due`` and
    ``last_review`` are UTC; ``reps`` counts reviews and ``lapses`` Again on a review card.
    """

    phase: Phase = Phase.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "phase", Phase(self.phase))
        for name in ("due", "last_review"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, as_utc(value))
        if self.phase is not Phase.NEW and (self.stability is None or self.difficulty is None
                                            or self.last_review is None):
            raise ValueError(f"a {self.phase.name.lower()} card needs stability, difficulty "
                             "and last_review")

    @classmethod
    def new(cls) -> CardState:
        return cls()

    @property
    def is_new(self) -> bool:
        return self.phase is Phase.NEW

    def to_dict(self) -> dict[str, Any]:
        """Plain values for DB columns: the phase as int, datetimes as aware UTC values."""
        return {"phase": int(self.phase), "step": self.step, "stability": self.stability,
                "difficulty": self.difficulty, "due": self.due,
                "last_review": self.last_review, "reps": self.reps, "lapses": self.lapses}

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> CardState:
        """The inverse of ``to_dict``; naive datetimes (from SQLite) are read as UTC."""
        return cls(phase=Phase(int(row["phase"])), step=row.get("step"),
                   stability=_float_or_none(row.get("stability")),
                   difficulty=_float_or_none(row.get("difficulty")),
                   due=row.get("due"), last_review=row.get("last_review"),
                   reps=int(row.get("reps") or 0), lapses=int(row.get("lapses") or 0))


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def to_fsrs_card(state: CardState, card_id: int, *, due: datetime | None = None,
                 last_review: datetime | None = None) -> fsrs.Card:
    """An ``fsrs.Card`` for ``state``; ``due``/``last_review`` override the stored ones.

    The id is always given: fsrs otherwise derives one from the wall clock and sleeps 1 ms.
    A new card is fsrs's fresh Learning card at step 0. fsrs would read the wall clock for a
    missing due date, so one is required (a new card has none of its own: pass ``due``).
    """
    due = due if due is not None else state.due
    if due is None:
        raise ValueError("to_fsrs_card needs a due date for a card that has none")
    due = as_utc(due)
    if state.is_new:
        return fsrs.Card(card_id=card_id, state=fsrs.State.Learning, step=0, due=due)
    last = last_review if last_review is not None else state.last_review
    return fsrs.Card(card_id=card_id, state=fsrs.State(int(state.phase)), step=state.step,
                     stability=state.stability, difficulty=state.difficulty, due=due,
                     last_review=as_utc(last))


def from_fsrs_card(card: fsrs.Card, *, reps: int, lapses: int, due: datetime | None = None,
                   last_review: datetime | None = None) -> CardState:
    """Our state from an ``fsrs.Card``; ``due``/``last_review`` override the card's."""
    return CardState(phase=Phase(int(card.state)), step=card.step, stability=card.stability,
                     difficulty=card.difficulty,
                     due=due if due is not None else card.due,
                     last_review=last_review if last_review is not None else card.last_review,
                     reps=reps, lapses=lapses)


def rating_and_time(entry: Any) -> tuple[Rating, datetime]:
    """A log entry's rating and UTC time: a ``(rating, reviewed_at)`` pair, or an object with
    ``rating`` and ``reviewed_at`` (a ``ReviewRecord``, a log row)."""
    if isinstance(entry, tuple):
        rating, moment = entry[0], entry[1]
    else:
        rating, moment = entry.rating, entry.reviewed_at
    return Rating(int(rating)), as_utc(moment)
