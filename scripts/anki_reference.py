"""Record Anki's own FSRS histories, to check ``quizapp.scheduling`` against them.

    python scripts/anki_reference.py [OUT]    # default tests/data/anki_reference.json.gz

A simulated student studies 300 notes for 60 days in Anki's own library (the ``anki`` package
of the test extra) with FSRS on, Anki's default FSRS-6 parameters, desired retention 0.90,
learning steps 1m 10m, relearning step 10m, Anki's load balancing off (it depends on the rest of
the collection, which quizapp's students do not share) and Anki's fuzz on, as Anki ships it.
250 notes sit in a deck with no interval cap, 50 in one capped at 10 days. Everything random
(ratings, study times, skipped days) comes from ``random.Random(SEED)``.

Anki reads the wall clock itself, so the script runs its study sessions under libfaketime
(Debian: ``apt-get install libfaketime``): it re-executes itself with the library preloaded and
moves the clock before each answer by rewriting a timestamp file. Times are UTC and the study
day rolls over at 4 am, Anki's default; a few sessions start just before and just after it.

For every answer the file keeps the time, the rating, the card's phase before it, and each
button's outcome as Anki computed it: the interval in days (or the step in seconds) and the
memory state. For each button leading to review it also keeps Anki's fuzz range: every interval
Anki could have given for that answer over all fuzz factors, worked out from Anki's rules
(``rslib/src/scheduler/states/{review,learning,relearning,fuzz}.rs``) and checked to contain the
interval Anki gave.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEED = 14
NOTES, CAPPED_NOTES, DAYS = 250, 50, 60
START = datetime(2026, 1, 5, tzinfo=timezone.utc)  # a Monday
RETENTION, CAP = 0.90, 10
DECAY = 0.1542  # FSRS-6's default w20, Anki's and fsrs's alike
FAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "tests/data/anki_reference.json.gz"
RATINGS = {"new": (0.20, 0.10, 0.60, 0.10), "learning": (0.20, 0.10, 0.60, 0.10),
           "review": (0.10, 0.15, 0.60, 0.15), "relearning": (0.20, 0.10, 0.60, 0.10)}
FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, float("inf"), 0.05))
FACTORS = [i / 4000 for i in range(4000)]  # fuzz factors swept for the ranges


class Clock:
    """The faked wall clock: a timestamp file libfaketime reads on every call."""

    def __init__(self, path: str) -> None:
        self.path, self.now = path, START

    def set(self, moment: datetime) -> None:
        self.now = moment
        Path(self.path).write_text(moment.strftime("@%Y-%m-%d %H:%M:%S\n"))
        time.sleep(0.002)


def reexec_under_faketime() -> None:
    if os.environ.get("FAKETIME_TIMESTAMP_FILE"):
        return
    if not Path(FAKETIME).exists():
        sys.exit(f"needs libfaketime ({FAKETIME}); Debian: apt-get install libfaketime")
    with tempfile.NamedTemporaryFile("w", suffix=".faketime", delete=False) as stamp:
        stamp.write(START.strftime("@%Y-%m-%d %H:%M:%S\n"))
    env = dict(os.environ, LD_PRELOAD=FAKETIME, FAKETIME_TIMESTAMP_FILE=stamp.name,
               FAKETIME_NO_CACHE="1", TZ="UTC")
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


# ---- Anki's interval rules, for the fuzz ranges ----------------------------------------------

def fuzz_delta(interval: float) -> float:
    if interval < 2.5:
        return 0.0
    return 1.0 + sum(f * max(min(interval, end) - start, 0.0) for start, end, f in FUZZ_RANGES)


def bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = fuzz_delta(interval)
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def round_half_up(x: float) -> int:  # Rust's f32::round
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def fuzzed(factor: float, interval: float, minimum: int, maximum: int) -> int:
    lower, upper = bounds(interval, minimum, maximum)
    return int(lower + factor * (1 + upper - lower))


def review_minimum(interval: float, previous: int, maximum: int) -> int:
    if round_half_up(interval) > previous:
        return previous + 1
    return previous if previous <= bounds(interval, 1, maximum)[1] else 0


def review_sets(raw: dict[str, float], previous: int, maximum: int) -> dict[str, set[int]]:
    """Hard, Good and Easy of a review card, over every fuzz factor (review.rs)."""
    out: dict[str, set[int]] = {"hard": set(), "good": set(), "easy": set()}
    for f in FACTORS:
        below = 0
        for name in ("hard", "good", "easy"):
            low = max(review_minimum(raw[name], previous, maximum), below + 1, 1)
            days = fuzzed(f, raw[name], min(low, maximum), maximum)
            out[name].add(days)
            below = days
    return out


def graduating_sets(raw: dict[str, float], graduating: set[str],
                    maximum: int) -> dict[str, set[int]]:
    """Buttons of a (re)learning card that leave for review (learning.rs, relearning.rs)."""
    out: dict[str, set[int]] = {name: set() for name in graduating}
    for f in FACTORS:
        for name in graduating:
            if name == "easy":
                low = fuzzed(f, raw["good"], 1, maximum) + 1
                out[name].add(fuzzed(f, max(round_half_up(raw["easy"]), 1),
                                     min(low, maximum), maximum))
            else:
                out[name].add(fuzzed(f, max(round_half_up(raw[name]), 1), 1, maximum))
    return out


# ---- driving Anki ----------------------------------------------------------------------------

def unrounded(stability: float, decay: float) -> float:
    factor = 0.9 ** (1 / -decay) - 1
    return stability / factor * (RETENTION ** (1 / -decay) - 1)


def phase_of(state) -> str:
    kind = state.normal.WhichOneof("kind")
    return {"new": "new", "learning": "learning", "review": "review",
            "relearning": "relearning"}[kind]


def outcome(state) -> dict:
    kind = state.normal.WhichOneof("kind")
    inner = getattr(state.normal, kind)
    if kind == "review":
        return {"phase": "review", "days": inner.scheduled_days,
                "stability": inner.memory_state.stability,
                "difficulty": inner.memory_state.difficulty}
    learn = inner if kind == "learning" else inner.learning
    return {"phase": kind, "seconds": learn.scheduled_secs,
            "stability": learn.memory_state.stability,
            "difficulty": learn.memory_state.difficulty}


def add_ranges(entry: dict, previous: int | None, maximum: int, decay: float) -> None:
    buttons = entry["buttons"]
    raw = {n: unrounded(buttons[n]["stability"], decay) for n in ("hard", "good", "easy")}
    if entry["phase"] == "review":
        sets = review_sets(raw, previous, maximum)
    else:
        sets = graduating_sets(raw, {n for n in raw if buttons[n]["phase"] == "review"}, maximum)
    for name, days in sets.items():
        buttons[name]["fuzz_range"] = [min(days), max(days)]
        if buttons[name]["days"] not in days:
            raise AssertionError(f"Anki gave {buttons[name]['days']} outside {sorted(days)} "
                                 f"for {entry}")


def make_collection(folder: str):
    from anki.collection import Collection

    col = Collection(os.path.join(folder, "reference.anki2"))
    col.set_config("fsrs", True)
    col.set_config("loadBalancerEnabled", False)
    basic = col.models.by_name("Basic")
    decks = []
    for name, count, cap in (("Open", NOTES, 36500), ("Capped", CAPPED_NOTES, CAP)):
        deck_id = col.decks.id(f"Reference::{name}")
        conf = col.decks.add_config_returning_id(name)
        config = col.decks.get_config(conf)
        config["new"]["delays"], config["lapse"]["delays"] = [1.0, 10.0], [10.0]
        config["new"]["perDay"] = 20 if cap > CAP else 5
        config["rev"]["perDay"], config["rev"]["maxIvl"] = 9999, cap
        config["desiredRetention"] = RETENTION
        col.decks.update_config(config)
        deck = col.decks.get(deck_id)
        deck["conf"] = conf
        col.decks.save(deck)
        for i in range(count):
            note = col.new_note(basic)
            note["Front"], note["Back"] = f"{name} question {i}", f"answer {i}"
            col.add_note(note, deck_id)
        decks.append((deck_id, cap))
    col.decks.select(col.decks.id("Reference"))
    return col, dict(decks)


def study(col, caps: dict[int, int], clock: Clock, rng: random.Random, log: list) -> None:
    """Answer what Anki queues until nothing is left within half an hour of waiting."""
    from anki.scheduler_pb2 import CardAnswer

    waited = 0
    while True:
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            if waited >= 3:
                return
            clock.set(clock.now + timedelta(minutes=10))
            waited += 1
            continue
        waited = 0
        item = queued.cards[0]
        card = col.get_card(item.card.id)
        card.start_timer()
        states, phase = item.states, phase_of(item.states.current)
        rating = rng.choices((1, 2, 3, 4), RATINGS[phase])[0]
        entry = {"card": str(card.id), "at": clock.now.isoformat(), "rating": rating,
                 "phase": phase, "deck_cap": caps[card.did],
                 "buttons": {n: outcome(getattr(states, n))
                             for n in ("again", "hard", "good", "easy")}}
        previous = None
        if phase == "review":
            previous = states.current.normal.review.scheduled_days
            entry["previous_days"] = previous
        add_ranges(entry, previous, caps[card.did], DECAY)
        answer = col.sched.build_answer(card=card, states=states,
                                        rating=CardAnswer.Rating.Value(
                                            ("AGAIN", "HARD", "GOOD", "EASY")[rating - 1]))
        col.sched.answer_card(answer)
        log.append(entry)
        clock.set(clock.now + timedelta(seconds=rng.randint(4, 25)))


def session_starts(day: int, rng: random.Random) -> list[datetime]:
    base = START + timedelta(days=day)
    if rng.random() < 0.12 and day > 0:
        return []  # a day off: the next reviews come late
    if rng.random() < 0.15:  # just before and just after the 4 am rollover
        return [base + timedelta(hours=3, minutes=55), base + timedelta(hours=4, minutes=5)]
    first = base + timedelta(hours=rng.uniform(6, 20))
    if rng.random() < 0.3:
        return [first, first + timedelta(hours=rng.uniform(1, 3.5))]
    return [first]


def record() -> dict:
    rng = random.Random(SEED)
    clock = Clock(os.environ["FAKETIME_TIMESTAMP_FILE"])
    clock.set(START)
    log: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        col, caps = make_collection(folder)
        for day in range(DAYS):
            for moment in session_starts(day, rng):
                if moment > clock.now:
                    clock.set(moment)
                study(col, caps, clock, rng, log)
        col.close()
    return {"seed": SEED, "start": START.isoformat(), "days": DAYS, "timezone": "UTC",
            "rollover_hour": 4, "desired_retention": RETENTION,
            "learning_steps_s": [60, 600], "relearning_steps_s": [600],
            "cards": NOTES + CAPPED_NOTES, "answers": log}


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    reexec_under_faketime()
    data = record()
    text = json.dumps(data, separators=(",", ":"), sort_keys=True).encode()
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text)  # mtime 0: the same seed gives the same bytes
    print(f"{len(data['answers'])} answers of {data['cards']} cards over {DAYS} days -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
