"""Load spread: a class of 200 starting the same 100-card set on one day, simulated.

    cd <checkout> && .venv/bin/python -m bench.load_spread [--students 200] [--write]

Pure scheduling and the load balancer, seeded: each student studies once a day at a random
time in the afternoon, answers every due card, takes up to 20 new cards a day (the default
limit) and goes through the learning steps in the same sitting. A review card is recalled with
the probability FSRS predicts; then Hard, Good or Easy 15/70/15 %; a learning card is Again,
Good or Easy 15/80/5 %. The same students (the same seeds) study three times: with fuzz alone
(the load balancer off), with the load balancer, and with the balancer and Saturday and Sunday
as easy days.

Figures, over days 1–30 after the start, counting answers to cards in review:
* class: the busiest day's reviews over the mean day's (the target is 1.3);
* weekly: the busiest day over the mean of the seven days around it (waves within a week);
* student: the median over students of each one's busiest day over their mean day;
* easy days: a weekend day's mean load over a weekday's.

``--write`` merges them into docs/benchmarks.json under ``load_spread``.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizapp.scheduling import (
    CardState, Phase, Rating, Settings, fuzz_rng, retrievability, review, study_day)

TZ, ROLLOVER, CARDS, NEW_PER_DAY, DAYS = "UTC", 4, 100, 20, 30
START = datetime(2026, 1, 5, 15, tzinfo=timezone.utc)  # a Monday
OUT = Path(__file__).resolve().parents[1] / "docs/benchmarks.json"


class Student:
    """One simulated student: their cards, their due counts, their reviews per day."""

    def __init__(self, seed: int, settings: Settings, balance: bool) -> None:
        self.seed, self.settings, self.balance = seed, settings, balance
        self.rng = random.Random(seed)
        self.cards = [CardState.new() for _ in range(CARDS)]
        self.due = Counter()  # study day -> review cards due
        self.reviews = Counter()  # day number -> answers to cards in review

    def rating(self, card: CardState, now: datetime) -> Rating:
        if card.phase is Phase.REVIEW:
            if self.rng.random() > retrievability(card, now, self.settings, TZ, ROLLOVER):
                return Rating.AGAIN
            return self.rng.choices((Rating.HARD, Rating.GOOD, Rating.EASY), (15, 70, 15))[0]
        return self.rng.choices((Rating.AGAIN, Rating.GOOD, Rating.EASY), (15, 80, 5))[0]

    def answer(self, index: int, now: datetime, day: int) -> CardState:
        card = self.cards[index]
        if card.phase is Phase.REVIEW:
            self.reviews[day] += 1
            self.due[study_day(card.due, TZ, ROLLOVER)] -= 1
        counts = dict(self.due) if self.balance else None
        card, _ = review(card, self.rating(card, now), self.settings, now,
                         fuzz_rng(f"{self.seed}/{index}", card.reps), TZ, ROLLOVER,
                         due_counts=counts)
        if card.phase is Phase.REVIEW:
            self.due[study_day(card.due, TZ, ROLLOVER)] += 1
        self.cards[index] = card
        return card

    def study(self, day: int) -> None:
        now = START + timedelta(days=day, minutes=self.rng.randint(0, 240))
        started = sum(1 for c in self.cards if not c.is_new)
        queue = [i for i, c in enumerate(self.cards) if not c.is_new and c.due <= now]
        queue += list(range(started, min(CARDS, started + NEW_PER_DAY)))
        while queue:
            index = queue.pop(0)
            if not self.cards[index].is_new:
                now = max(now, self.cards[index].due)  # a learning step waits for its time
            if self.answer(index, now, day).phase is not Phase.REVIEW:
                queue.append(index)  # a learning step: again later in the sitting
            now += timedelta(seconds=15)


def simulate(students: int, balance: bool, easy_days: tuple[int, ...] = ()) -> list[Student]:
    settings = Settings(easy_days=easy_days)
    class_ = [Student(seed, settings, balance) for seed in range(students)]
    for day in range(DAYS + 1):
        for student in class_:
            student.study(day)
    return class_


def busiest_over_mean(loads: list[int]) -> float:
    return max(loads) / statistics.fmean(loads)


def figures(class_: list[Student]) -> dict:
    total = Counter()
    for student in class_:
        total.update(student.reviews)
    loads = [total[d] for d in range(1, DAYS + 1)]
    weekly = max(loads[i] / statistics.fmean(loads[max(0, i - 3):i + 4])
                 for i in range(len(loads)))
    weekend = [loads[d - 1] for d in range(1, DAYS + 1) if (START.weekday() + d) % 7 >= 5]
    weekday = [loads[d - 1] for d in range(1, DAYS + 1) if (START.weekday() + d) % 7 < 5]
    per_student = [busiest_over_mean([s.reviews[d] for d in range(1, DAYS + 1)])
                   for s in class_ if sum(s.reviews.values())]
    return {"class_busiest_over_mean": round(busiest_over_mean(loads), 3),
            "weekly_busiest_over_mean": round(weekly, 3),
            "student_busiest_over_mean_median": round(statistics.median(per_student), 3),
            "weekend_over_weekday": round(statistics.fmean(weekend) / statistics.fmean(weekday),
                                          3),
            "reviews_per_day": loads}


def write(results: dict) -> None:
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    data["load_spread"] = results
    OUT.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    runs = {"fuzz_only": simulate(args.students, balance=False),
            "balanced": simulate(args.students, balance=True),
            "balanced_easy_weekend": simulate(args.students, balance=True, easy_days=(5, 6))}
    results = {"students": args.students, "cards": CARDS, "new_per_day": NEW_PER_DAY,
               "days": DAYS, "target_class_busiest_over_mean": 1.3}
    print("| run | class busiest / mean | weekly busiest / mean | student median | "
          "weekend / weekday |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, class_ in runs.items():
        results[name] = found = figures(class_)
        print(f"| {name} | {found['class_busiest_over_mean']} | "
              f"{found['weekly_busiest_over_mean']} | "
              f"{found['student_busiest_over_mean_median']} | "
              f"{found['weekend_over_weekday']} |")
    for name, class_ in runs.items():
        print(f"{name}: reviews per day {results[name]['reviews_per_day']}")
    if args.write:
        write(results)


if __name__ == "__main__":
    main()
