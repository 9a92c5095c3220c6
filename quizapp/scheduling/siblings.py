"""Burying siblings: questions drawn from one fact are not all shown on the same study day.

Questions that share a ``fact`` key (see ``quizapp.bank.fact_id``) test the same piece of
knowledge; once one of them has been reviewed on a study day, seeing a sibling the same day
would only test short-term memory and inflate the schedule. The rule for the study service:
after a question with fact F is reviewed on study day D, every *other* question with fact F is
left out of D's queue. The reviewed question itself is not buried (a learning step brings it
back the same day). Questions without a fact key have no siblings.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import datetime
from typing import TypeVar

from quizapp.scheduling.clock import DEFAULT_ROLLOVER_HOUR, study_day

K = TypeVar("K", bound=Hashable)


def reviewed_today(reviews: Iterable[tuple[K, str | None, datetime]], now: datetime, tz: str,
                   rollover: int = DEFAULT_ROLLOVER_HOUR) -> list[tuple[K, str | None]]:
    """The ``(question, fact)`` pairs of ``reviews`` made on ``now``'s study day."""
    today = study_day(now, tz, rollover)
    return [(question, fact) for question, fact, at in reviews
            if study_day(at, tz, rollover) == today]


def bury_siblings(candidates: Iterable[tuple[K, str | None]],
                  reviewed: Iterable[tuple[K, str | None]]) -> set[K]:
    """The candidate questions to hide today: siblings of a question reviewed today.

    ``candidates`` and ``reviewed`` are ``(question, fact)`` pairs; the result holds the
    questions of ``candidates`` whose fact was reviewed today through another question.
    """
    seen: dict[str, set[K]] = {}
    for question, fact in reviewed:
        if fact:
            seen.setdefault(fact, set()).add(question)
    return {question for question, fact in candidates
            if fact and fact in seen and question not in seen[fact]}
