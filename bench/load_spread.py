"""Load spread: a class of 200 starting the same 100-card set on one day, simulated.

    cd <checkout> && .venv/bin/python -m bench.load_spread [--students 200] [--write]

Pure scheduling and the load balancer, seeded: each student studies once a day at a random
time in the afternoon, answers every due card, takes up to 20 new cards a day (the default
limit) and goes through the learning steps in the same sitting. A review card is recalled with
the probability FSRS predicts; then Hard, Good or Easy 15/70/15 %; a learning card is Again,
Good or Easy 15/80/5 %. The same students (the same seeds) study four times: with fuzz alone
(the load balancer off), with the load balancer, with the balancer and Saturday and Sunday as
easy days, and paced: with the balancer and the app's default study pace, each new card
offered only when ``quizapp.scheduling.pace`` (what the study queue calls) offers one on the
student's own counts (``--aim`` for another aim).

Figures, over days 1–30 after the start, counting answers to cards in review:
* class: the busiest day's reviews over the mean day's (the target is 1.3);
* weekly: the busiest day over the mean of the seven days around it (waves within a week);
* student: the median over students of each one's busiest day over their mean day;
* easy days: a weekend day's mean load over a weekday's;
* days to start the set: the median student's day on which the last new card came.

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
from quizapp.scheduling.pace import (
    DEFAULT_DAILY_REVIEWS, LOOKAHEAD_DAYS, new_cards_now, room_for_new)

TZ, ROLLOVER, CARDS, NEW_PER_DAY, DAYS = "UTC", 4, 100, 20, 30
START = datetime(2026, 1, 5, 15, tzinfo=timezone.utc)  # a Monday
OUT = Path(__file__).resolve().parents[1] / "docs/benchmarks.json"


class Student:
    """One simulated student: their cards, their due counts, their reviews per day."""

    def __init__(self, seed: int, settings: Settings, balance: bool,
                 aim: int | None = None) -> None:
        self.seed, self.settings, self.balance, self.aim = seed, settings, balance, aim
        self.rng = random.Random(seed)
        self.cards = [CardState.new() for _ in range(CARDS)]
        self.due = Counter()  # study day -> review cards due
        self.reviews = Counter()  # day number -> answers to cards in review
        self.all_started = None  # the day the last of the set's cards was started

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

    def may_start(self, today, started: int, started_today: int) -> bool:
        """Whether the study queue's pace rule offers a new card now (always without an
        aim): the same functions the app calls, on this student's counts."""
        if started >= CARDS or started_today >= NEW_PER_DAY:
            return False
        if self.aim is None:
            return True
        coming = [self.due[today + timedelta(days=d)] for d in range(1, LOOKAHEAD_DAYS + 1)]
        learning = sum(1 for c in self.cards if c.phase in (Phase.LEARNING, Phase.RELEARNING))
        return new_cards_now(CARDS - started, NEW_PER_DAY - started_today,
                             room_for_new(coming, learning, self.aim)) > 0

    def study(self, day: int) -> None:
        now = START + timedelta(days=day, minutes=self.rng.randint(0, 240))
        today = study_day(now, TZ, ROLLOVER)
        started = sum(1 for c in self.cards if not c.is_new)
        queue = [i for i, c in enumerate(self.cards) if not c.is_new and c.due <= now]
        if self.aim is None:
            queue += list(range(started, min(CARDS, started + NEW_PER_DAY)))
        started_today = 0
        while True:
            waiting = not queue or (not self.cards[queue[0]].is_new
                                    and self.cards[queue[0]].due > now)
            if self.aim is not None and waiting and self.may_start(today, started,
                                                                     started_today):
                queue.insert(0, started)  # new cards come while learning steps wait
                started, started_today = started + 1, started_today + 1
            if not queue:
                break
            index = queue.pop(0)
            if index == CARDS - 1 and self.cards[index].is_new:
                self.all_started = day
            if not self.cards[index].is_new:
                now = max(now, self.cards[index].due)  # a learning step waits for its time
            if self.answer(index, now, day).phase is not Phase.REVIEW:
                queue.append(index)  # a learning step: again later in the sitting
            now += timedelta(seconds=15)


def simulate(students: int, balance: bool, easy_days: tuple[int, ...] = (),
             aim: int | None = None) -> list[Student]:
    settings = Settings(easy_days=easy_days)
    class_ = [Student(seed, settings, balance, aim) for seed in range(students)]
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
    started = sorted(s.all_started if s.all_started is not None else DAYS + 1 for s in class_)
    per_student = [busiest_over_mean([s.reviews[d] for d in range(1, DAYS + 1)])
                   for s in class_ if sum(s.reviews.values())]
    return {"class_busiest_over_mean": round(busiest_over_mean(loads), 3),
            "weekly_busiest_over_mean": round(weekly, 3),
            "student_busiest_over_mean_median": round(statistics.median(per_student), 3),
            "weekend_over_weekday": round(statistics.fmean(weekend) / statistics.fmean(weekday),
                                          3),
            "days_to_start_the_set_median": statistics.median(started),
            "students_with_the_set_started_by_day_30": sum(d <= DAYS for d in started),
            "reviews_per_day": loads}


def write(results: dict) -> None:
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    data["load_spread"] = results
    OUT.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--aim", type=int, default=DEFAULT_DAILY_REVIEWS,
                        help="the paced run's daily workload (default: the app's)")
    parser.add_argument("--only-paced", action="store_true", help="just the paced run")
    args = parser.parse_args()
    runs = {} if args.only_paced else {"fuzz_only": simulate(args.students, balance=False),
            "balanced": simulate(args.students, balance=True),
            "balanced_easy_weekend": simulate(args.students, balance=True, easy_days=(5, 6))}
    runs["paced"] = simulate(args.students, balance=True, aim=args.aim)
    results = {"students": args.students, "cards": CARDS, "new_per_day": NEW_PER_DAY,
               "daily_reviews": args.aim,
               "days": DAYS, "target_class_busiest_over_mean": 1.3}
    print("| run | class busiest / mean | weekly busiest / mean | student median | "
          "weekend / weekday | days to start the set (median) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, class_ in runs.items():
        results[name] = found = figures(class_)
        print(f"| {name} | {found['class_busiest_over_mean']} | "
              f"{found['weekly_busiest_over_mean']} | "
              f"{found['student_busiest_over_mean_median']} | "
              f"{found['weekend_over_weekday']} | "
              f"{found['days_to_start_the_set_median']} |")
    for name, class_ in runs.items():
        print(f"{name}: reviews per day {results[name]['reviews_per_day']}")
    if args.write:
        write(results)


if __name__ == "__main__":
    main()
