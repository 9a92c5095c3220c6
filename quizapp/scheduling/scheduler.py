"""FSRS on study days: preview all four outcomes, review a card, replay a log, retrievability.

Study days reach fsrs through study-day-aligned timestamps. fsrs counts elapsed days as
``(review_time - last_review).days``, whole 24-hour periods of raw time, so a review at 23:00
and the next at 07:00 would be "the same day" and predicted recall 1.0. Before calling fsrs we
therefore map both moments onto UTC midnight of their study day (``study_day`` in the student's
zone with the rollover hour): the difference is then exactly the number of study days, for
the stability update and for retrievability alike. fsrs's own arithmetic stays untouched.

What fsrs returns is mapped back to real time: a learning step is due that long after the real
review; a review interval of n days is due at the start of study day today + n (the rollover
hour in the student's zone, correct across DST changes). The whole-day intervals follow Anki's
rules (``intervals``): fuzz from the injected ``rng``, one draw per answer, so the intervals a
preview shows are the ones ``review`` gives when it gets an RNG in the same state (the study
service seeds it with ``fuzz_rng(card_key, state.reps)``, and so does ``replay``). Given the
student's cards due per study day (``due_counts``), the day within the fuzz range is chosen by
the load balancer (``load``) instead.
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any

import fsrs

from quizapp.scheduling.clock import (
    DEFAULT_ROLLOVER_HOUR,
    as_utc,
    days_between,
    study_day,
    study_day_start,
)
from quizapp.scheduling.intervals import (
    button_labels,
    learning_card_days,
    plain_pick,
    reachable_days,
    review_card_days,
)
from quizapp.scheduling.load import balancing_pick, check_easy_days
from quizapp.scheduling.state import (
    CardState,
    Phase,
    Rating,
    from_fsrs_card,
    rating_and_time,
    to_fsrs_card,
)

MIN_RETENTION, MAX_RETENTION = 0.70, 0.99
DEFAULT_LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
DEFAULT_RELEARNING_STEPS = (timedelta(minutes=10),)


@dataclass(frozen=True)
class Settings:
    """One student's scheduling settings; ``parameters`` None means FSRS-6's defaults."""

    desired_retention: float = 0.90
    parameters: tuple[float, ...] | None = None
    maximum_interval: int = 36500
    learning_steps: tuple[timedelta, ...] = DEFAULT_LEARNING_STEPS
    relearning_steps: tuple[timedelta, ...] = DEFAULT_RELEARNING_STEPS
    enable_fuzzing: bool = True
    easy_days: tuple[int, ...] = ()  # weekdays (0 Monday … 6 Sunday) with fewer reviews

    def __post_init__(self) -> None:
        object.__setattr__(self, "easy_days", check_easy_days(self.easy_days))
        if not MIN_RETENTION <= self.desired_retention <= MAX_RETENTION:
            raise ValueError(f"desired retention must be {MIN_RETENTION}–{MAX_RETENTION}, "
                             f"got {self.desired_retention}")
        if not isinstance(self.maximum_interval, int) or self.maximum_interval < 1:
            raise ValueError(f"maximum interval must be at least 1 day, got "
                             f"{self.maximum_interval!r}")
        for name in ("learning_steps", "relearning_steps"):
            steps = tuple(getattr(self, name))
            if any(not timedelta(0) < step < timedelta(days=1) for step in steps):
                raise ValueError(f"{name} must each be longer than 0 and shorter than a day")
            object.__setattr__(self, name, steps)
        if self.parameters is not None:
            object.__setattr__(self, "parameters", tuple(float(p) for p in self.parameters))
        fsrs_scheduler(self)  # fsrs checks the parameters' count and bounds

    def to_dict(self) -> dict[str, Any]:
        return {"desired_retention": self.desired_retention,
                "parameters": list(self.parameters) if self.parameters is not None else None,
                "maximum_interval": self.maximum_interval,
                "learning_steps": [int(s.total_seconds()) for s in self.learning_steps],
                "relearning_steps": [int(s.total_seconds()) for s in self.relearning_steps],
                "enable_fuzzing": self.enable_fuzzing, "easy_days": list(self.easy_days)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        steps = {k: tuple(timedelta(seconds=s) for s in data[k])
                 for k in ("learning_steps", "relearning_steps") if k in data}
        rest = {k: v for k, v in data.items() if k not in steps}
        return cls(**rest, **steps)


@lru_cache(maxsize=256)
def fsrs_scheduler(settings: Settings) -> fsrs.Scheduler:
    """The fsrs scheduler for ``settings``, with fsrs's own fuzz always off (see module doc)."""
    return fsrs.Scheduler(
        parameters=settings.parameters or fsrs.scheduler.DEFAULT_PARAMETERS,
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps, relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval, enable_fuzzing=False)


@dataclass(frozen=True)
class Preview:
    """One button's outcome: the next state, when it is due, and the label it shows."""

    rating: Rating
    state: CardState
    due: datetime
    interval_days: int | None  # whole study days, for an outcome in review
    step: timedelta | None  # the (re)learning step otherwise
    label: str


@dataclass(frozen=True)
class ReviewRecord:
    """The review log entry for one answer (the log is the source of truth)."""

    rating: Rating
    reviewed_at: datetime
    duration_ms: int | None
    phase_before: Phase
    elapsed_days: int | None  # study days since the previous review; None for the first
    interval_days: int | None
    due: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"rating": int(self.rating), "reviewed_at": self.reviewed_at,
                "duration_ms": self.duration_ms, "phase_before": int(self.phase_before),
                "elapsed_days": self.elapsed_days, "interval_days": self.interval_days,
                "due": self.due}


def fuzz_rng(card_key: object, reps: int) -> random.Random:
    """The RNG for a card's next review: the same for its preview and its review."""
    return random.Random(f"quizapp-fuzz:{card_key}:{reps}")


def _aligned(day: date) -> datetime:
    """The timestamp fsrs sees for study day ``day``: UTC midnight of that date."""
    return datetime.combine(day, time(), tzinfo=timezone.utc)


def _fsrs_card(state: CardState, today: date, tz: str, rollover: int) -> fsrs.Card:
    if state.is_new:
        return to_fsrs_card(state, 0, due=_aligned(today))
    last_day = study_day(state.last_review, tz, rollover)
    return to_fsrs_card(state, 0, due=_aligned(today), last_review=_aligned(last_day))


def preview(state: CardState, settings: Settings, now: datetime, rng: random.Random,
            tz: str, rollover: int = DEFAULT_ROLLOVER_HOUR, *,
            due_counts: Mapping[date, int] | None = None,
            logged: tuple[Rating, int] | None = None) -> dict[Rating, Preview]:
    """All four next states at once, for the buttons ("Again 10m · Hard 2d · Good 4d …").

    ``due_counts`` (the student's review cards due on each coming study day) turns on load
    balancing; without it the day within the fuzz range is the draw's alone. ``logged`` (a
    rating and the days its answer was given, from the review log) keeps those days for that
    rating while the state could still give them, so a replay reproduces balanced answers.
    """
    now = as_utc(now)
    if state.last_review is not None and now < state.last_review:
        raise ValueError(f"review at {now} is before the card's last review {state.last_review}")
    today = study_day(now, tz, rollover)
    base = _aligned(today)
    card, sched = _fsrs_card(state, today, tz, rollover), fsrs_scheduler(settings)
    outcomes = {r: sched.review_card(card, fsrs.Rating(int(r)), base)[0] for r in Rating}
    days = _interval_days(state, outcomes, settings, rng, today, tz, rollover, due_counts)
    if logged is not None and logged[0] in days:
        days[logged[0]] = _kept(state, outcomes, settings, tz, rollover, logged, days)
    steps = {r: c.due - base for r, c in outcomes.items() if r not in days}
    labels = button_labels(steps, days)
    return {r: _preview(state, r, c, days.get(r), steps.get(r), labels[r], now, today, tz,
                        rollover) for r, c in outcomes.items()}


def unrounded_interval(settings: Settings, stability: float) -> float:
    """FSRS's interval for ``stability`` at the desired retention, before any rounding."""
    sched = fsrs_scheduler(settings)
    return stability / sched._FACTOR * (settings.desired_retention ** (1 / sched._DECAY) - 1)


def _interval_days(state: CardState, outcomes: dict[Rating, fsrs.Card], settings: Settings,
                   rng: random.Random, today: date, tz: str, rollover: int,
                   due_counts: Mapping[date, int] | None) -> dict[Rating, int]:
    raw = {r: unrounded_interval(settings, c.stability) for r, c in outcomes.items()
           if c.state == fsrs.State.Review}
    draw = rng.random() if settings.enable_fuzzing else None  # one draw per answer, as Anki
    if draw is not None and due_counts is not None:
        pick = balancing_pick(today, due_counts, settings.easy_days, draw)
    else:
        pick = plain_pick(draw)
    if state.phase is Phase.REVIEW:
        previous = days_between(state.last_review, state.due, tz, rollover)
        return review_card_days(raw, previous, settings.maximum_interval, pick)
    good = unrounded_interval(settings, outcomes[Rating.GOOD].stability)
    return learning_card_days(raw, good, settings.maximum_interval, pick)


def _kept(state: CardState, outcomes: dict[Rating, fsrs.Card], settings: Settings, tz: str,
          rollover: int, logged: tuple[Rating, int], days: dict[Rating, int]) -> int:
    """The logged days of ``logged``'s rating if the state could still give them."""
    rating, logged_days = logged
    raw = {r: unrounded_interval(settings, c.stability) for r, c in outcomes.items()
           if c.state == fsrs.State.Review}
    previous = (days_between(state.last_review, state.due, tz, rollover)
                if state.phase is Phase.REVIEW else None)
    good = unrounded_interval(settings, outcomes[Rating.GOOD].stability)
    low, high = reachable_days(raw, previous, good, settings.maximum_interval)[rating]
    return logged_days if low <= logged_days <= high else days[rating]


def _preview(state: CardState, rating: Rating, card: fsrs.Card, interval_days: int | None,
             step: timedelta | None, label: str, now: datetime, today: date, tz: str,
             rollover: int) -> Preview:
    if interval_days is not None:
        due = study_day_start(today + timedelta(days=interval_days), tz, rollover)
    else:
        due = now + step
    lapsed = state.phase is Phase.REVIEW and rating is Rating.AGAIN
    new_state = from_fsrs_card(card, reps=state.reps + 1, lapses=state.lapses + lapsed,
                               due=due, last_review=now)
    return Preview(rating, new_state, due, interval_days, step, label)


def review(state: CardState, rating: Rating, settings: Settings, now: datetime,
           rng: random.Random, tz: str, rollover: int = DEFAULT_ROLLOVER_HOUR, *,
           duration_ms: int | None = None, due_counts: Mapping[date, int] | None = None,
           logged_days: int | None = None) -> tuple[CardState, ReviewRecord]:
    """Review ``state`` with ``rating`` at ``now``: the new state and its log entry."""
    rating = Rating(rating)
    now = as_utc(now)
    logged = None if logged_days is None else (rating, logged_days)
    chosen = preview(state, settings, now, rng, tz, rollover, due_counts=due_counts,
                     logged=logged)[rating]
    elapsed = None if state.last_review is None else days_between(state.last_review, now, tz,
                                                                  rollover)
    record = ReviewRecord(rating, now, duration_ms, state.phase, elapsed,
                          chosen.interval_days, chosen.due)
    return chosen.state, record


def replay(reviews: Iterable[Any], settings: Settings, tz: str,
           rollover: int = DEFAULT_ROLLOVER_HOUR, *, card_key: object = "") -> CardState:
    """A card's state rebuilt from its review log, oldest first.

    ``reviews`` holds ``(rating, reviewed_at)`` or ``(rating, reviewed_at, interval_days)``
    tuples, or objects with ``rating``, ``reviewed_at`` and optionally ``interval_days`` (a
    ``ReviewRecord``, a log row). Fuzz uses ``fuzz_rng(card_key, reps)``, as the study service
    does, and a logged interval is kept while the state could still give it (the load balancer
    chose it from counts a replay cannot see), so the result equals the state cached review by
    review; after new parameters or settings, intervals they no longer allow are worked out anew.
    """
    state = CardState.new()
    entries = sorted((rating_and_time(e) + (_logged_days(e),) for e in reviews),
                     key=lambda e: e[1])
    for rating, moment, days in entries:
        state, _ = review(state, rating, settings, moment, fuzz_rng(card_key, state.reps),
                          tz, rollover, logged_days=days)
    return state


def _logged_days(entry: Any) -> int | None:
    if isinstance(entry, tuple):
        return entry[2] if len(entry) > 2 else None
    return getattr(entry, "interval_days", None)


def retrievability(state: CardState, now: datetime, settings: Settings, tz: str,
                   rollover: int = DEFAULT_ROLLOVER_HOUR) -> float:
    """Predicted recall at ``now`` (0 for a new card), elapsed time counted in study days."""
    if state.is_new:
        return 0.0
    today = study_day(as_utc(now), tz, rollover)
    card = _fsrs_card(state, today, tz, rollover)
    return float(fsrs_scheduler(settings).get_card_retrievability(card, _aligned(today)))
