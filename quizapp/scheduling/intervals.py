"""Interval fuzz from an injected RNG, the Hard ≤ Good ≤ Easy guarantee, and button labels.

fsrs fuzzes with the global ``random`` module, which a test cannot seed per card and which two
requests would share, so we run fsrs with fuzzing off and fuzz the whole-day interval here with
fsrs's own ranges (``fsrs.scheduler.FUZZ_RANGES``). One deliberate difference: fsrs rounds
``draw * (max - min + 1) + min``, which can land one day past ``max``; we floor, so every day in
[min, max] is equally likely and none outside it.
"""
from __future__ import annotations

import math
from datetime import timedelta

from fsrs.scheduler import FUZZ_RANGES

from quizapp.scheduling.state import Rating

MIN_FUZZED_INTERVAL = 2.5  # fsrs leaves intervals of one or two days as they are


def fuzz_range(interval_days: int, maximum_interval: int) -> tuple[int, int]:
    """The days a fuzzed ``interval_days`` may become (fsrs's ranges: ±5–15 %)."""
    delta = 1.0
    for part in FUZZ_RANGES:
        delta += part["factor"] * max(min(float(interval_days), part["end"]) - part["start"], 0.0)
    low = max(2, round(interval_days - delta))
    high = min(round(interval_days + delta), maximum_interval)
    return min(low, high), high


def fuzz_days(interval_days: int, draw: float, maximum_interval: int) -> int:
    """``interval_days`` moved within its fuzz range by ``draw`` (a number in [0, 1))."""
    if interval_days < MIN_FUZZED_INTERVAL:
        return interval_days
    low, high = fuzz_range(interval_days, maximum_interval)
    return min(low + math.floor(draw * (high - low + 1)), high)


def keep_order(days: dict[Rating, int]) -> dict[Rating, int]:
    """Raise Good to at least Hard and Easy to at least Good, where they are whole days.

    Unfuzzed FSRS intervals already rise with the rating; fuzz can swap neighbours, which
    would show a student a shorter interval on a better button.
    """
    ordered = dict(days)
    for lower, upper in ((Rating.HARD, Rating.GOOD), (Rating.GOOD, Rating.EASY)):
        if lower in ordered and upper in ordered and ordered[upper] < ordered[lower]:
            ordered[upper] = ordered[lower]
    return ordered


def step_label(step: timedelta) -> str:
    """A learning step as a button shows it: "1m", "10m", "2h"."""
    seconds = step.total_seconds()
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    return f"{round(seconds / 86400)}d"


def days_label(days: int) -> str:
    """Whole days as a button shows them: "4d", "1.5mo", "2y" (a month is 30 days)."""
    if days < 30:
        return f"{days}d"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + "mo"
    return f"{days / 365:.1f}".removesuffix(".0") + "y"
