"""Load balancing and easy days in the app: due counts from one grouped query, an answer placed
on the emptier days of its range and kept by a rebuild, easy days in the settings."""
import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import event, select

from quizapp.extensions import db
from quizapp.models import Card, Question, Review, User
from quizapp.scheduling import (
    Phase, Rating, days_between, preview, study_day, study_day_start)
from quizapp.scheduling.intervals import reachable_days
from quizapp.scheduling.scheduler import unrounded_interval
from quizapp.services import study, workload
from tests.web.test_study import classroom  # noqa: F401  (the fixture)

NOW = datetime(2024, 3, 10, 15, tzinfo=timezone.utc)


def more_questions(count: int) -> list[Question]:
    model = db.session.scalar(select(Question).order_by(Question.id))
    made = [Question(set_id=model.set_id, uid=f"extra-{i}", kind="short",
                     category=model.category, prompt=f"Extra question {i}?",
                     answer=f"extra {i}", status="approved", position=100 + i)
            for i in range(count)]
    db.session.add_all(made)
    db.session.flush()
    return made


def due_in(student: User, questions: list[Question], days: int) -> None:
    day = study_day(NOW, student.timezone, student.rollover_hour) + timedelta(days=days)
    due = study_day_start(day, student.timezone, student.rollover_hour)
    for q in questions:
        db.session.add(Card(user_id=student.id, question_id=q.id, phase=int(Phase.REVIEW),
                            stability=20.0, difficulty=5.0, due=due,
                            last_review=NOW - timedelta(days=20), reps=3))
    db.session.flush()


def count_statements(work):
    seen = []

    def note(*args):
        seen.append(args[2])

    engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        result = work()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return result, seen


def test_due_counts_are_one_grouped_query(classroom):  # noqa: F811
    student = classroom
    extra = more_questions(30)
    due_in(student, extra[:12], 3)
    due_in(student, extra[12:20], 9)
    due_in(student, extra[20:25], 0)  # today: not ahead
    due_in(student, extra[25:], 200)  # beyond the window
    today = study_day(NOW, student.timezone, student.rollover_hour)
    counts, statements = count_statements(lambda: workload.due_counts(db.session, student, NOW))
    assert counts == {today + timedelta(days=3): 12, today + timedelta(days=9): 8}
    assert len(statements) == 1 and "GROUP BY" in statements[0]


def good_range(student: User, state, now: datetime) -> tuple[int, int]:
    """Every day Good could be given, from the card's own state (no balancing)."""
    settings, tz, rollover = study.settings_for(student), student.timezone, student.rollover_hour
    shown = preview(state, settings, now, random.Random(0), tz, rollover)
    raw = {r: unrounded_interval(settings, shown[r].state.stability)
           for r in (Rating.HARD, Rating.GOOD, Rating.EASY)}
    previous = days_between(state.last_review, state.due, tz, rollover)
    return reachable_days(raw, previous, raw[Rating.GOOD], settings.maximum_interval)[Rating.GOOD]


def test_an_answer_goes_to_the_emptier_days_and_a_rebuild_keeps_them(classroom):  # noqa: F811
    student = classroom
    question = db.session.scalar(select(Question).order_by(Question.id))
    study.record_review(db.session, student, question, rating=Rating.EASY, now=NOW,
                        request="first", duration_ms=3000, given=None, correct=None,
                        proposed=None)
    later = NOW + timedelta(days=8)
    state = study.card_state(study.card_for(db.session, student, question))
    low, high = good_range(student, state, later)
    assert high - low >= 3
    extra = more_questions(20 * (high - low))
    for n, offset in enumerate(range(low, high)):  # every day full but the farthest
        due_in(student, extra[20 * n:20 * (n + 1)], offset + 8)
    review, _ = study.record_review(db.session, student, question, rating=Rating.GOOD,
                                    now=later, request="second", duration_ms=3000,
                                    given=None, correct=None, proposed=None)
    assert review.interval_days == high
    cached = study.card_state(study.card_for(db.session, student, question))
    day = study_day(later, student.timezone, student.rollover_hour)
    assert cached.due == study_day_start(day + timedelta(days=high), student.timezone,
                                         student.rollover_hour)
    study.rebuild_card(db.session, student, question.id)  # the log keeps the balanced day
    assert study.card_state(study.card_for(db.session, student, question)) == cached


def test_easy_days_are_saved_from_the_settings_page(classroom, actions):  # noqa: F811
    actions.login("kim@example.com")
    page = actions.client.get("/student/settings").get_data(as_text=True)
    assert 'type="checkbox"' in page and "Saturday" in page and "fewer reviews" in page
    form = {"desired_retention": "0.9", "new_per_day": "20", "daily_reviews": "10",
            "maximum_interval": "36500",
            "timezone": "UTC", "rollover_hour": "4"}
    bad = actions.post("/student/settings", {**form, "easy_days": ["5", "9"]},
                       token_from="/student/settings")
    text = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "&#39;9&#39; is not a valid choice" in text
    student = db.session.scalar(select(User).where(User.email == "kim@example.com"))
    assert student.easy_days == 0
    good = actions.post("/student/settings", {**form, "easy_days": ["5", "6"]},
                        token_from="/student/settings")
    assert good.status_code == 302
    db.session.refresh(student)
    assert student.easy_days == 96 and study.settings_for(student).easy_days == (5, 6)
    page = actions.client.get("/student/settings").get_data(as_text=True)
    assert page.count("checked") == 2
    assert db.session.scalar(select(Review).limit(1)) is None
