"""Anki's own histories replayed through quizapp.scheduling (data: scripts/anki_reference.py).

300 cards over 60 days in Anki with FSRS on. Each answer is replayed at the same moment with
the same rating; before an answer on a card in review the card's due date is set to the one
Anki gave it, so the previous interval the rules look at is Anki's (Anki fuzzes, and our replay
does not). Checked: every button's memory state, the phase each button leads to, the share of
review-phase intervals within Anki's fuzz range, and that the four buttons are strictly ordered
and their labels distinct wherever the maximum interval allows.
"""
from __future__ import annotations

import gzip
import json
import random
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.scheduling import (
    CardState,
    Phase,
    Rating,
    Settings,
    fuzz_rng,
    preview,
    study_day,
    study_day_start,
)

pytestmark = pytest.mark.slow  # replays 2,547 answers three times: about ten seconds

DATA = Path(__file__).resolve().parents[2] / "data/anki_reference.json.gz"
NAMES = {Rating.AGAIN: "again", Rating.HARD: "hard", Rating.GOOD: "good", Rating.EASY: "easy"}
PHASES = {"learning": Phase.LEARNING, "review": Phase.REVIEW, "relearning": Phase.RELEARNING}


@pytest.fixture(scope="module")
def history() -> dict:
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def by_card(history: dict) -> dict[str, list[dict]]:
    cards = defaultdict(list)
    for answer in history["answers"]:
        cards[answer["card"]].append(answer)
    return cards


def settings_for(history: dict, cap: int, fuzz: bool) -> Settings:
    return Settings(desired_retention=history["desired_retention"], maximum_interval=cap,
                    learning_steps=tuple(timedelta(seconds=s)
                                         for s in history["learning_steps_s"]),
                    relearning_steps=tuple(timedelta(seconds=s)
                                           for s in history["relearning_steps_s"]),
                    enable_fuzzing=fuzz)


def with_ankis_due(state: CardState, answer: dict, tz: str, rollover: int) -> CardState:
    if "previous_days" not in answer or state.phase is not Phase.REVIEW:
        return state
    day = study_day(state.last_review, tz, rollover) + timedelta(days=answer["previous_days"])
    return replace(state, due=study_day_start(day, tz, rollover))


def replayed(history: dict, fuzz: bool = False, due_counts=None):
    """Yield (Anki's answer, quizapp's four previews) for every answer, card by card."""
    tz, rollover = history["timezone"], history["rollover_hour"]
    for card, answers in by_card(history).items():
        state = CardState.new()
        for answer in answers:
            settings = settings_for(history, answer["deck_cap"], fuzz)
            state = with_ankis_due(state, answer, tz, rollover)
            now = datetime.fromisoformat(answer["at"])
            counts = due_counts(now) if due_counts else None
            shown = preview(state, settings, now, fuzz_rng(card, state.reps), tz, rollover,
                            due_counts=counts)
            yield answer, shown
            state = shown[Rating(answer["rating"])].state


@pytest.fixture(scope="module")
def plain(history) -> list:
    return list(replayed(history))


def relative(ours: float, anki: float) -> float:
    """The relative difference, with 1e-4 (about 9 seconds of stability) forgiven: Anki works
    in 32-bit floats, and over a run of same-day lapses its rounding reaches 0.6 % on
    stabilities of a few minutes (0.012 days), where it moves nothing a student sees."""
    return max(abs(ours - anki) - 1e-4, 0.0) / abs(anki)


def test_the_history_is_big_enough(history):
    cards = by_card(history)
    assert len(cards) >= 300 and history["days"] >= 60
    reviews = sum(1 for a in history["answers"] if a["phase"] == "review")
    assert reviews >= 1000


def test_memory_states_and_phases_are_ankis(plain):
    worst = 0.0
    for answer, shown in plain:
        for rating, name in NAMES.items():
            anki, ours = answer["buttons"][name], shown[rating].state
            assert ours.phase is PHASES[anki["phase"]], (answer, rating)
            worst = max(worst, relative(ours.stability, anki["stability"]),
                        relative(ours.difficulty, anki["difficulty"]))
            if anki["phase"] != "review":
                assert shown[rating].step == timedelta(seconds=anki["seconds"]), (answer, rating)
    assert worst <= 0.005


def test_review_intervals_fall_within_ankis_fuzz_range(plain):
    inside = total = every_inside = every_total = 0
    for answer, shown in plain:
        if answer["phase"] != "review":
            continue
        for rating, name in NAMES.items():
            anki = answer["buttons"][name]
            if "fuzz_range" not in anki:
                continue
            low, high = anki["fuzz_range"]
            hit = low <= shown[rating].interval_days <= high
            every_inside, every_total = every_inside + hit, every_total + 1
            if rating == answer["rating"]:
                inside, total = inside + hit, total + 1
    assert total >= 1000
    assert inside / total >= 0.97, f"{inside}/{total} answered intervals in range"
    assert every_inside / every_total >= 0.97, f"{every_inside}/{every_total} button intervals"


def ordered_where_the_cap_allows(shown, cap: int) -> bool:
    """Again < Hard < Good < Easy as the buttons read: any step before any day interval (a
    10-minute step answered at 03:56 comes due after a 1-day interval's 4 am), steps by length,
    days by number; two buttons may share a day only at the maximum interval."""
    keys = [(0, p.step.total_seconds()) if p.interval_days is None else (1, p.interval_days)
            for p in (shown[r] for r in Rating)]
    return all(keys[i] < keys[i + 1] or keys[i] == keys[i + 1] == (1, cap) for i in range(3))


def distinct_labels(shown) -> bool:
    labels = {}
    for p in shown.values():
        labels.setdefault(p.label, set()).add((p.interval_days, p.step))
    return all(len(intervals) == 1 for intervals in labels.values())


@pytest.mark.parametrize("fuzz", [False, True], ids=["fuzz off", "fuzz on"])
def test_buttons_strictly_ordered_and_labelled_apart(history, plain, fuzz):
    answers = 0
    for answer, shown in (replayed(history, fuzz=True) if fuzz else plain):
        cap = answer["deck_cap"]
        assert ordered_where_the_cap_allows(shown, cap), (answer, shown)
        assert distinct_labels(shown), (answer, [p.label for p in shown.values()])
        assert all(p.interval_days is None or 1 <= p.interval_days <= cap
                   for p in shown.values())
        answers += 1
    assert answers == len(history["answers"])


def test_balanced_answers_keep_order_and_cap(history):
    rng = random.Random(5)

    def counts(now: datetime) -> dict[date, int]:
        today = study_day(now, "UTC", 4)
        return {today + timedelta(days=d): rng.randint(0, 30) for d in range(1, 100)}

    for answer, shown in replayed(history, fuzz=True, due_counts=counts):
        assert ordered_where_the_cap_allows(shown, answer["deck_cap"]), (answer, shown)
        assert distinct_labels(shown)
