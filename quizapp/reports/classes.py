"""A teacher's class report as plain figures: activity, at-risk flags, the category heat map's
columns, completion and score distributions.

Pure: no Flask, no SQLAlchemy, no models. The class report service fetches rows in bulk and
hands them here; ``today`` is the student's own study day (their time zone, their rollover).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from quizapp.reports.mastery import Mastery
from quizapp.reports.retention import MIN_REVIEWS, RetentionFigure

ACTIVE_DAYS = 14  # "days active in the last 14"
WEEK_DAYS = 7  # "this week": today and the six study days before it
INACTIVE_DAYS = 7
BACKLOG_DAYS_OF_LOAD = 2
RETENTION_GAP = 0.10
RETENTION_MIN_REVIEWS = 30
QUIZ_THRESHOLD = 0.5
MASTERED = 0.8
SHADES = 5  # heat map shades: 0–0.2, 0.2–0.4, … 0.8–1


@dataclass(frozen=True)
class Activity:
    """A student's study over recent study days."""

    days_active: int  # study days with a review among the last ACTIVE_DAYS, today included
    reviews_week: int  # reviews over the last WEEK_DAYS study days
    minutes_week: float
    reviews_fortnight: int  # reviews over the last ACTIVE_DAYS study days

    @property
    def daily_load(self) -> float:
        """Reviews per study day, averaged over the last ACTIVE_DAYS."""
        return self.reviews_fortnight / ACTIVE_DAYS


def activity(days: Iterable[tuple[date, int, int]], today: date) -> Activity:
    """From ``(study day, reviews, milliseconds spent)`` rows of one student."""
    first_fortnight = today - timedelta(days=ACTIVE_DAYS - 1)
    first_week = today - timedelta(days=WEEK_DAYS - 1)
    active, week, week_ms, fortnight = set(), 0, 0, 0
    for day, reviews, spent_ms in days:
        if not first_fortnight <= day <= today or reviews <= 0:
            continue
        active.add(day)
        fortnight += reviews
        if day >= first_week:
            week += reviews
            week_ms += spent_ms or 0
    return Activity(days_active=len(active), reviews_week=week,
                    minutes_week=week_ms / 60000, reviews_fortnight=fortnight)


def mastery_of(sizes: Mapping[Hashable, int],
               sums: Mapping[Hashable, tuple[int, float]]) -> dict[Hashable, Mastery]:
    """Each group's mastery from its number of questions and the (cards seen, ΣR) sums the
    service made of it; a group without sums has nothing seen."""
    result = {}
    for group, questions in sizes.items():
        seen, recall_sum = sums.get(group, (0, 0.0))
        if not 0 <= seen <= questions:
            raise ValueError(f"{group}: {seen} cards seen of {questions} questions")
        result[group] = Mastery(questions=questions, seen=seen, recall_sum=recall_sum)
    return result


def counted_retention(reviews: int, passed: int) -> RetentionFigure:
    """True retention from counts made in SQL (``retention.figure`` takes the reviews
    themselves): no rate under ``MIN_REVIEWS``, no predicted recall."""
    if not 0 <= passed <= reviews:
        raise ValueError(f"passed reviews must be 0–{reviews}, got {passed}")
    return RetentionFigure(reviews=reviews, passed=passed,
                           rate=passed / reviews if reviews >= MIN_REVIEWS else None,
                           predicted=None)


@dataclass(frozen=True)
class RiskInputs:
    """What the at-risk flags read for one student (None: nothing to go on)."""

    days_inactive: int | None  # study days since the last review; None: never studied
    backlog: int
    daily_load: float
    retention: float | None  # 30-day true retention, None under the minimum of reviews
    retention_reviews: int
    desired_retention: float
    latest_quiz: float | None  # share of the points, 0–1


def risk_flags(inputs: RiskInputs, *, quiz_threshold: float = QUIZ_THRESHOLD) -> list[str]:
    """Each reason the student may need help, in words a teacher can act on."""
    flags = []
    if inputs.days_inactive is None:
        flags.append("has not studied yet")
    elif inputs.days_inactive >= INACTIVE_DAYS:
        flags.append(f"inactive for {inputs.days_inactive} days")
    if inputs.backlog and inputs.backlog > BACKLOG_DAYS_OF_LOAD * inputs.daily_load:
        cards = "card" if inputs.backlog == 1 else "cards"
        flags.append(f"backlog of {inputs.backlog} {cards} is more than "
                     f"{BACKLOG_DAYS_OF_LOAD} days of their load "
                     f"({inputs.daily_load:.1f} reviews a day over {ACTIVE_DAYS} days)")
    if (inputs.retention is not None and inputs.retention_reviews >= RETENTION_MIN_REVIEWS
            and inputs.retention <= inputs.desired_retention - RETENTION_GAP + 1e-9):
        flags.append(f"retention {inputs.retention:.0%} over {inputs.retention_reviews} "
                     f"reviews is {(inputs.desired_retention - inputs.retention) * 100:.0f} "
                     f"points under their target of {inputs.desired_retention:.0%}")
    if inputs.latest_quiz is not None and inputs.latest_quiz < quiz_threshold:
        flags.append(f"latest quiz {inputs.latest_quiz:.0%}, under {quiz_threshold:.0%}")
    return flags


def combined(groups: Iterable[Mastery]) -> Mastery:
    """Several groups' figures as one (each question counted in one group only)."""
    groups = list(groups)
    return Mastery(questions=sum(g.questions for g in groups), seen=sum(g.seen for g in groups),
                   recall_sum=sum(g.recall_sum for g in groups))


@dataclass(frozen=True)
class Column:
    """One category of the heat map over the class: mean mastery, share at ``MASTERED``."""

    students: int
    mean: float | None
    mastered: float | None


def column(values: Iterable[float | None]) -> Column:
    """A heat map column from each student's mastery (None where the category is empty)."""
    present = [v for v in values if v is not None]
    if not present:
        return Column(0, None, None)
    return Column(len(present), sum(present) / len(present),
                  sum(v >= MASTERED for v in present) / len(present))


def heat_columns(table: Mapping[Hashable, Mapping[str, Mastery]],
                 categories: Iterable[str]) -> dict[str, Column]:
    """Per category, the class mean and the share of students at mastery ≥ 0.8."""
    return {c: column(row[c].mastery if c in row else None for row in table.values())
            for c in categories}


def shade(value: float | None) -> int | None:
    """The heat map shade (0 lightest … SHADES - 1) of a value in 0–1; None for no value."""
    if value is None:
        return None
    return min(SHADES - 1, max(0, int(value * SHADES)))


@dataclass(frozen=True)
class Completion:
    done: int
    in_progress: int
    not_started: int

    @property
    def students(self) -> int:
        return self.done + self.in_progress + self.not_started


def completion(states: Iterable[str]) -> Completion:
    """Count ``"done"``, ``"in progress"`` and ``"not started"``; anything else is an error."""
    counts = {"done": 0, "in progress": 0, "not started": 0}
    for state in states:
        if state not in counts:
            raise ValueError(f"unknown completion state {state!r}")
        counts[state] += 1
    return Completion(counts["done"], counts["in progress"], counts["not started"])


def set_state(seen: int, questions: int) -> str:
    """A student's progress through an assigned set: every question studied is done."""
    if questions and seen >= questions:
        return "done"
    return "in progress" if seen else "not started"


def score_bins(shares: Iterable[float], bins: int = 10) -> list[int]:
    """How many scores fall in each tenth of the points (0–10 %, … 90–100 %, 100 % in the
    last bin)."""
    counts = [0] * bins
    for share in shares:
        if not 0 <= share <= 1:
            raise ValueError(f"a score share must be within 0–1, got {share}")
        counts[min(bins - 1, int(share * bins + 1e-9))] += 1
    return counts
