"""The scheduler with frozen clocks: study days, DST, fsrs agreement, fuzz, order, replay."""
import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import fsrs
import pytest

from quizapp.scheduling.scheduler import (
    Settings,
    fuzz_rng,
    preview,
    replay,
    retrievability,
    review,
)
from quizapp.scheduling.state import CardState, Phase, Rating

A, H, G, E = Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY
NO_FUZZ = Settings(enable_fuzzing=False)


def local(text: str, tz: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=timezone.utc)


# (local wall time, rating, the study day it belongs to, the phase after it): new → learning →
# review → lapse → relearning → review, across the spring DST change in Berlin and the autumn
# one in New York, with reviews late at night and early the next morning.
WALKS = {
    "Europe/Berlin": [
        ("2024-03-29 21:00", G, date(2024, 3, 29), Phase.LEARNING),
        ("2024-03-29 21:10", G, date(2024, 3, 29), Phase.REVIEW),
        ("2024-03-30 23:30", G, date(2024, 3, 30), Phase.REVIEW),
        ("2024-03-31 07:00", A, date(2024, 3, 31), Phase.RELEARNING),  # 6.5 h later, DST night
        ("2024-03-31 07:10", G, date(2024, 3, 31), Phase.REVIEW),
        ("2024-04-01 03:30", H, date(2024, 3, 31), Phase.REVIEW),  # before rollover: same day
        ("2024-04-09 18:00", E, date(2024, 4, 9), Phase.REVIEW),
    ],
    "America/New_York": [
        ("2024-10-30 22:00", A, date(2024, 10, 30), Phase.LEARNING),
        ("2024-10-30 22:01", G, date(2024, 10, 30), Phase.LEARNING),
        ("2024-10-30 22:11", G, date(2024, 10, 30), Phase.REVIEW),
        ("2024-11-02 23:50", G, date(2024, 11, 2), Phase.REVIEW),
        ("2024-11-03 06:00", A, date(2024, 11, 3), Phase.RELEARNING),  # fall-back night
        ("2024-11-03 06:10", A, date(2024, 11, 3), Phase.RELEARNING),
        ("2024-11-03 06:20", G, date(2024, 11, 3), Phase.REVIEW),
        ("2024-11-20 12:00", G, date(2024, 11, 20), Phase.REVIEW),
    ],
}


@pytest.mark.parametrize("tz", sorted(WALKS))
def test_walk_matches_fsrs_on_study_days(tz):
    sched = fsrs.Scheduler(enable_fuzzing=False)
    expected = fsrs.Card(card_id=1, due=midnight(WALKS[tz][0][2]))
    state, lapses = CardState.new(), 0
    for reps, (wall, rating, day, phase) in enumerate(WALKS[tz], start=1):
        now = local(wall, tz)
        expected, _ = sched.review_card(expected, fsrs.Rating(int(rating)), midnight(day))
        lapses += state.phase is Phase.REVIEW and rating is A
        state, record = review(state, rating, NO_FUZZ, now, random.Random(0), tz)
        assert state.phase is phase == Phase(int(expected.state))
        assert state.step == expected.step
        assert state.stability == pytest.approx(expected.stability, rel=1e-12)
        assert state.difficulty == pytest.approx(expected.difficulty, rel=1e-12)
        assert (state.reps, state.lapses, state.last_review) == (reps, lapses, now)
        interval = expected.due - midnight(day)
        if phase is Phase.REVIEW:
            assert record.interval_days == interval.days
            due_local = state.due.astimezone(ZoneInfo(tz))
            assert (due_local.date(), due_local.hour) == (day + interval, 4)
        else:
            assert record.interval_days is None
            assert state.due == now + interval


def test_walk_counts_reps_lapses_and_elapsed_days():
    tz, state, elapsed = "Europe/Berlin", CardState.new(), []
    for wall, rating, _, _ in WALKS[tz]:
        state, record = review(state, rating, NO_FUZZ, local(wall, tz), random.Random(0), tz)
        elapsed.append(record.elapsed_days)
    assert elapsed == [None, 0, 1, 1, 0, 0, 9]
    assert (state.reps, state.lapses) == (7, 1)


def test_next_morning_is_a_day_later_and_not_recall_one():
    tz = "Europe/Berlin"
    state, _ = review(CardState.new(), G, NO_FUZZ, local("2024-05-06 22:50", tz),
                      random.Random(0), tz)
    state, _ = review(state, G, NO_FUZZ, local("2024-05-06 23:00", tz), random.Random(0), tz)
    morning = local("2024-05-07 07:00", tz)
    assert (morning - state.last_review) < timedelta(hours=24)
    r_morning = retrievability(state, morning, NO_FUZZ, tz)
    assert r_morning < 1.0
    # fsrs fed the raw times would see zero elapsed days and predict certain recall
    raw = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=state.stability,
                    difficulty=state.difficulty, due=morning, last_review=state.last_review)
    assert fsrs.Scheduler().get_card_retrievability(raw, morning) == 1.0
    night = local("2024-05-07 03:00", tz)  # before rollover: still the same study day
    assert retrievability(state, night, NO_FUZZ, tz) == 1.0
    _, record = review(state, G, NO_FUZZ, morning, random.Random(0), tz)
    assert record.elapsed_days == 1


def test_retrievability_falls_with_study_days_and_is_zero_when_new():
    tz, now = "UTC", datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    assert retrievability(CardState.new(), now, NO_FUZZ, tz) == 0.0
    state, _ = review(CardState.new(), E, NO_FUZZ, now, random.Random(0), tz)
    values = [retrievability(state, now + timedelta(days=d), NO_FUZZ, tz) for d in range(5)]
    assert values[0] == 1.0 and values == sorted(values, reverse=True) and values[4] < values[1]


def test_preview_labels_and_review_agree():
    tz, now = "UTC", datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    state = CardState(Phase.REVIEW, None, 3.0, 5.0, now, now - timedelta(days=3), 4, 0)
    shown = preview(state, Settings(), now, fuzz_rng("q1", state.reps), tz)
    assert shown[A].label == "10m" and shown[A].step == timedelta(minutes=10)
    assert all(shown[r].label == f"{shown[r].interval_days}d" for r in (H, G, E))
    for rating in Rating:
        new, record = review(state, rating, Settings(), now, fuzz_rng("q1", state.reps), tz)
        assert new == shown[rating].state and record.due == shown[rating].due


def test_fuzz_comes_from_the_injected_rng_only():
    tz, now = "UTC", datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    state = CardState(Phase.REVIEW, None, 60.0, 5.0, now, now - timedelta(days=50), 6, 0)
    plain = preview(state, NO_FUZZ, now, random.Random(0), tz)[G].interval_days
    seen = set()
    for seed in range(40):
        random.seed(seed * 7)  # the global RNG must make no difference
        first = preview(state, Settings(), now, random.Random(seed), tz)[G].interval_days
        random.seed(seed * 11)
        assert preview(state, Settings(), now, random.Random(seed), tz)[G].interval_days == first
        seen.add(first)
    assert len(seen) > 3 and min(seen) < plain < max(seen)
    assert all(abs(days - plain) <= 0.15 * plain + 2 for days in seen)


def _random_state(rng: random.Random, now: datetime) -> CardState:
    phase = rng.choice([Phase.LEARNING, Phase.REVIEW, Phase.RELEARNING])
    step = None if phase is Phase.REVIEW else rng.choice([0, 1, 2])
    last = now - timedelta(days=rng.choice([0, 1, 2, rng.randint(3, 400)]),
                           minutes=rng.randint(0, 600))
    return CardState(phase, step, rng.choice([0.01, 0.5, 3.0, 10 ** rng.uniform(-1, 3.5)]),
                     rng.uniform(1, 10), now, last, rng.randint(1, 30), rng.randint(0, 5))


def test_hard_good_easy_never_out_of_order():
    rng = random.Random(2024)
    now = datetime(2024, 6, 1, 15, tzinfo=timezone.utc)
    for _ in range(1500):
        state = _random_state(rng, now)
        settings = Settings(desired_retention=rng.choice([0.7, 0.8, 0.9, 0.95, 0.99]),
                            maximum_interval=rng.choice([3, 30, 365, 36500]),
                            learning_steps=rng.choice([(), (timedelta(minutes=10),),
                                                       (timedelta(minutes=1),
                                                        timedelta(minutes=10))]))
        shown = preview(state, settings, now, random.Random(rng.random()), "Asia/Tokyo")
        assert shown[H].due <= shown[G].due <= shown[E].due
        days = [shown[r].interval_days for r in (H, G, E) if shown[r].interval_days is not None]
        assert days == sorted(days)
        assert all(1 <= d <= settings.maximum_interval for d in days)


def test_replay_equals_the_incremental_path():
    rng, tz = random.Random(7), "America/New_York"
    for card in range(60):
        state, log = CardState.new(), []
        moment = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(hours=rng.randint(0, 500))
        for _ in range(rng.randint(1, 15)):
            rating = Rating(rng.choice([1, 2, 3, 3, 3, 4]))
            state, record = review(state, rating, Settings(), moment,
                                   fuzz_rng(card, state.reps), tz)
            log.append(record)
            moment += rng.choice([timedelta(minutes=10), timedelta(hours=9),
                                  timedelta(days=rng.randint(1, 40))])
        rng.shuffle(log)  # the log's order in storage does not matter
        assert replay(log, Settings(), tz, card_key=card) == state
        pairs = [(int(r.rating), r.reviewed_at.replace(tzinfo=None)) for r in log]  # as SQLite
        assert replay(pairs, Settings(), tz, card_key=card) == state


def test_review_before_last_review_is_refused():
    now = datetime(2024, 1, 2, tzinfo=timezone.utc)
    state, _ = review(CardState.new(), G, NO_FUZZ, now, random.Random(0), "UTC")
    with pytest.raises(ValueError, match="before the card's last review"):
        review(state, G, NO_FUZZ, now - timedelta(hours=1), random.Random(0), "UTC")


def test_settings_are_checked():
    with pytest.raises(ValueError, match="desired retention"):
        Settings(desired_retention=0.6)
    with pytest.raises(ValueError, match="parameters"):
        Settings(parameters=(1.0, 2.0))
    with pytest.raises(ValueError, match="maximum interval"):
        Settings(maximum_interval=0)
    with pytest.raises(ValueError, match="learning_steps"):
        Settings(learning_steps=(timedelta(days=1),))
    custom = Settings(desired_retention=0.85, parameters=fsrs.scheduler.DEFAULT_PARAMETERS,
                      maximum_interval=400, relearning_steps=(timedelta(minutes=5),))
    assert Settings.from_dict(custom.to_dict()) == custom


def test_new_card_buttons_with_default_settings():
    now = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    shown = preview(CardState.new(), NO_FUZZ, now, random.Random(0), "UTC")
    # steps 1m and 10m; Hard at step 0 is their mean; Easy: initial stability 8.2956 days,
    # which at 90 % desired retention is an interval of 8 days
    assert [shown[r].label for r in Rating] == ["1m", "6m", "10m", "8d"]
    assert shown[E].due == datetime(2024, 1, 9, 4, tzinfo=timezone.utc)
    assert all(p.state.reps == 1 and p.state.last_review == now for p in shown.values())


def test_lower_desired_retention_gives_longer_intervals():
    now = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    state = CardState(Phase.REVIEW, None, 20.0, 5.0, now, now - timedelta(days=20), 5, 0)
    days = [preview(state, Settings(desired_retention=r, enable_fuzzing=False), now,
                    random.Random(0), "UTC")[G].interval_days for r in (0.95, 0.9, 0.8)]
    assert days[0] < days[1] < days[2]
