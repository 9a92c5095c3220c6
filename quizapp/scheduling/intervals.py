"""Whole-day intervals for the four buttons as Anki gives them, fuzz, and button labels.

fsrs gives each outcome a memory state; the interval in days is worked out here with Anki's
rules (``rslib/src/scheduler/states/{review,learning,relearning,fuzz}.rs``):

* fuzz is centred on the unrounded FSRS interval of a review card: 1 day, plus 15 % of the part
  of the interval between 2.5 and 7 days, 10 % of the part between 7 and 20, 5 % beyond;
  intervals under 2.5 days are not fuzzed; the range never passes the maximum interval, and it
  spans at least two days when the interval and the cap allow it;
* on a review card, Hard, Good and Easy are at least the previous interval + 1 when the FSRS
  interval grew past it, at least the previous interval when it grew less than its fuzz range
  (fuzz never takes a card back to or below where it was), and each at least the button
  below + 1: Again < Hard < Good < Easy wherever the maximum interval allows;
* on a learning or relearning card, the intervals leaving for review are the rounded FSRS ones,
  fuzzed, and Easy is at least the fuzzed Good + 1.

One draw in [0, 1) per answer picks every button's day within its range, as Anki's one fuzz
factor per card and review does. A ``pick`` (the load balancer, ``quizapp.scheduling.load``) may
choose the day instead; with fuzz off the unrounded interval is rounded and kept in bounds.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import timedelta

from quizapp.scheduling.state import Rating

FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, math.inf, 0.05))
MIN_FUZZED_INTERVAL = 2.5

# (unrounded interval, minimum, maximum) -> whole days within [minimum, maximum]
Pick = Callable[[float, int, int], int]


def round_half_up(value: float) -> int:
    """Round as Rust's ``f32::round`` does (halves away from zero), not banker's rounding."""
    return math.floor(value + 0.5)


def fuzz_delta(interval: float) -> float:
    """How many days fuzz may move ``interval`` either way (0 below 2.5 days)."""
    if interval < MIN_FUZZED_INTERVAL:
        return 0.0
    return 1.0 + sum(factor * max(min(interval, end) - start, 0.0)
                     for start, end, factor in FUZZ_RANGES)


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The days a fuzzed ``interval`` may become, within [minimum, maximum]."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = fuzz_delta(interval)
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def fuzzed(interval: float, minimum: int, maximum: int, draw: float | None) -> int:
    """``interval`` moved within its fuzz range by ``draw``; None rounds it (fuzz off)."""
    if draw is None:
        return min(max(round_half_up(interval), minimum), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return min(lower + math.floor(draw * (1 + upper - lower)), upper)


def review_minimum(interval: float, previous: int, maximum: int) -> int:
    """The least a review card's next interval may be, given its previous one."""
    if round_half_up(interval) > previous:
        return previous + 1
    if previous <= fuzz_bounds(interval, 1, maximum)[1]:
        return previous  # grew too little to leave the range: fuzz may not take it below
    return 0  # shrank (new parameters or retention): nothing to keep


def plain_pick(draw: float | None) -> Pick:
    """Fuzz by ``draw`` alone (None: fuzz off)."""
    return lambda interval, minimum, maximum: fuzzed(interval, minimum, maximum, draw)


def bounded(pick: Pick, interval: float, minimum: int, maximum: int) -> int:
    """``pick`` with the minimum kept within [1, maximum] (Anki's min_and_max_review_intervals)."""
    return pick(interval, _clamped(minimum, maximum), max(maximum, 1))


def review_card_days(raw: Mapping[Rating, float], previous: int, maximum: int,
                     pick: Pick) -> dict[Rating, int]:
    """Hard, Good and Easy of a card in review; ``raw`` holds their unrounded intervals."""
    days: dict[Rating, int] = {}
    below = 0
    for rating in (Rating.HARD, Rating.GOOD, Rating.EASY):
        low = max(review_minimum(raw[rating], previous, maximum), below + 1)
        days[rating] = below = bounded(pick, raw[rating], low, maximum)
    if Rating.AGAIN in raw:  # no relearning steps: Again stays in review
        days[Rating.AGAIN] = bounded(pick, max(round_half_up(raw[Rating.AGAIN]), 1), 1, maximum)
    return days


def learning_card_days(raw: Mapping[Rating, float], good: float, maximum: int,
                       pick: Pick) -> dict[Rating, int]:
    """The buttons of a (re)learning card that leave for review (``raw``: those only).

    ``good`` is Good's unrounded interval even while Good is still a step: Easy is at least
    that interval, fuzzed, + 1. Each button leaving for review is also at least the one below
    it + 1, where Anki's rules alone could let Easy equal Good (Good fuzzed from its rounded
    interval, Easy's minimum from the unrounded one) or, without learning steps, Hard equal
    Again.
    """
    days: dict[Rating, int] = {}
    below = 0
    for rating in (r for r in Rating if r in raw):
        low = below + 1
        if rating is Rating.EASY:
            low = max(low, bounded(pick, good, 1, maximum) + 1)
        days[rating] = below = bounded(pick, max(round_half_up(raw[rating]), 1), low, maximum)
    return days


def _clamped(minimum: int, maximum: int) -> int:
    return min(max(minimum, 1), max(maximum, 1))


def reachable_days(raw: Mapping[Rating, float], previous: int | None, good: float,
                   maximum: int) -> dict[Rating, tuple[int, int]]:
    """The lowest and highest day any fuzz draw or balancing could give each button of
    ``raw`` (the buttons leaving for review); ``previous`` is None for a (re)learning card.

    The bounds rise with the minimum, so the extremes come from the extremes of the button
    below. Replaying the log keeps a logged day while the card's state could still give it.
    """
    maximum = max(maximum, 1)
    out: dict[Rating, tuple[int, int]] = {}
    whole = {r: max(round_half_up(v), 1) for r, v in raw.items()}
    if previous is None:
        below = (0, 0)
        for rating in (r for r in Rating if r in raw):
            low, high = below[0] + 1, below[1] + 1
            if rating is Rating.EASY:
                good_low, good_high = fuzz_bounds(good, 1, maximum)
                low, high = max(low, good_low + 1), max(high, good_high + 1)
            out[rating] = below = (
                fuzz_bounds(whole[rating], _clamped(low, maximum), maximum)[0],
                fuzz_bounds(whole[rating], _clamped(high, maximum), maximum)[1])
        return out
    below = (0, 0)
    for rating in (Rating.HARD, Rating.GOOD, Rating.EASY):
        base = review_minimum(raw[rating], previous, maximum)
        out[rating] = below = (
            fuzz_bounds(raw[rating], _clamped(max(base, below[0] + 1), maximum), maximum)[0],
            fuzz_bounds(raw[rating], _clamped(max(base, below[1] + 1), maximum), maximum)[1])
    if Rating.AGAIN in raw:
        out[Rating.AGAIN] = fuzz_bounds(whole[Rating.AGAIN], 1, maximum)
    return out


def step_label(step: timedelta) -> str:
    """A learning step as a button shows it: "1m", "10m", "2h"."""
    seconds = step.total_seconds()
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    return f"{round(seconds / 86400)}d"


def days_label(days: int, exact: bool = False) -> str:
    """Whole days as a button shows them: "4d", "1.5mo", "2y" (a month is 30 days).

    ``exact`` keeps days for any length, for buttons whose rounded labels would look alike.
    """
    if days < 30 or exact:
        return f"{days}d"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + "mo"
    return f"{days / 365:.1f}".removesuffix(".0") + "y"


def button_labels(steps: Mapping[Rating, timedelta], days: Mapping[Rating, int]
                  ) -> dict[Rating, str]:
    """Each button's label; when two distinct intervals would read alike ("1.1mo" for 32
    and 33 days), the day intervals are shown in days."""
    labels = {r: step_label(s) for r, s in steps.items()}
    rounded = {r: days_label(d) for r, d in days.items()}
    clash = len(set(rounded.values())) < len(set(days.values()))
    labels |= {r: days_label(d, exact=clash) for r, d in days.items()}
    return labels
