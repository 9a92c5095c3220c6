"""The study pace in the app: "about N reviews a day" in the settings, no new card while the
coming days are over it (and the student told why), and enough new cards to start a set with
a due date in time, beyond the aim."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Assignment, Card, Question, QuestionSet, SchoolClass
from quizapp.scheduling import Phase, study_day, study_day_start
from quizapp.scheduling.pace import DEFAULT_DAILY_REVIEWS
from quizapp.services import classes, study_queue
from tests.web.test_study import TOKEN_RE, answer, classroom  # noqa: F401  (the fixture)

SETTINGS = {"desired_retention": "0.9", "new_per_day": "20", "maximum_interval": "36500",
            "timezone": "UTC", "rollover_hour": "4"}
WAIT = "wait for another day"
PROMISE_RE = re.compile(r"(\d+\+?) cards? to review and (\d+) new\.")


@pytest.fixture
def twelve(classroom):  # noqa: F811
    """The class's set holds 12 new questions about 12 facts; its four first questions are
    retired, and their cards are the student's only reviews (due as ``coming`` sets)."""
    student = classroom
    first = list(db.session.scalars(select(Question).order_by(Question.id)))
    db.session.execute(update(Question).values(status="retired"))
    db.session.add_all(Question(set_id=first[0].set_id, uid=f"new-{i}", kind="short",
                                category=first[0].category, prompt=f"Question {i}?",
                                answer=f"answer {i}", status="approved", position=10 + i)
                       for i in range(12))
    db.session.commit()
    student.retired = [q.id for q in first]
    return student


def reviews_due_in(student, question_ids, days: int) -> None:
    """Review cards for ``question_ids`` due ``days`` study days from today."""
    now = utcnow()
    day = study_day(now, student.timezone, student.rollover_hour) + timedelta(days=days)
    due = study_day_start(day, student.timezone, student.rollover_hour)
    for question_id in question_ids:
        db.session.add(Card(user_id=student.id, question_id=question_id,
                            phase=int(Phase.REVIEW), stability=20.0, difficulty=5.0, due=due,
                            last_review=now - timedelta(days=20), reps=3))
    db.session.commit()


def study_until_done(actions, rating: int = 4, limit: int = 40) -> tuple[int, str]:
    """Show the answer and rate (Easy) until the session ends: the cards shown, the last
    page."""
    shown = 0
    page = actions.client.get("/student/study").get_data(as_text=True)
    while "Done for now" not in page and shown < limit:
        feedback = answer(actions, TOKEN_RE.search(page).group(1), flip=True)
        actions.post("/student/study/rate", {"token": TOKEN_RE.search(
            feedback.get_data(as_text=True)).group(1), "rating": str(rating)},
            token_from="/student/settings")
        shown += 1
        page = actions.client.get("/student/study").get_data(as_text=True)
    return shown, page


def promise(actions) -> tuple[str, int]:
    page = actions.client.get("/student/").get_data(as_text=True)
    found = PROMISE_RE.search(page)
    return (found.group(1), int(found.group(2))) if found else ("0", 0)


def test_settings_offer_the_daily_aim_and_say_what_it_changes(classroom, actions):  # noqa: F811
    actions.login("kim@example.com")
    page = actions.client.get("/student/settings").get_data(as_text=True)
    assert "About how many reviews a day" in page
    assert re.search(rf'name="daily_reviews"[^>]*value="{DEFAULT_DAILY_REVIEWS}"', page)
    assert "New cards come only while each of the next three days" in page
    assert "due date still gets enough new cards" in page
    for bad in ("0", "", "ten", "10000"):
        refused = actions.post("/student/settings", {**SETTINGS, "daily_reviews": bad},
                               token_from="/student/settings")
        assert refused.status_code == 400, bad
        db.session.refresh(classroom)
        assert classroom.daily_reviews == DEFAULT_DAILY_REVIEWS
    saved = actions.post("/student/settings", {**SETTINGS, "daily_reviews": "25"},
                         token_from="/student/settings")
    assert saved.status_code == 302
    db.session.refresh(classroom)
    assert classroom.daily_reviews == 25


def test_over_the_aim_no_new_card_comes_and_the_student_is_told_why(twelve, actions):
    twelve.daily_reviews = 3
    db.session.commit()
    reviews_due_in(twelve, twelve.retired[:3], 2)  # three reviews the day after tomorrow
    actions.login("kim@example.com")
    home = actions.client.get("/student/").get_data(as_text=True)
    assert "12 new cards wait for another day" in home
    assert "already has 3 reviews coming, and you aim for about 3 a day" in home
    page = actions.client.get("/student/study").get_data(as_text=True)
    assert "Done for now" in page and "12 new cards " + WAIT in page
    assert 'href="/student/settings"' in page
    # a higher aim makes room: new cards come, as many as it leaves under the busiest day
    # (set here: saving the settings would rebuild these log-less cards back to new)
    twelve.daily_reviews = 5
    db.session.commit()
    assert promise(actions) == ("0", 2)
    shown, page = study_until_done(actions, rating=3)  # Good: learning steps, then 1-3 days
    started = db.session.scalar(select(func.count()).select_from(Card).where(
        Card.user_id == twelve.id, Card.question_id.not_in(twelve.retired)))
    assert started == 2 and shown > 2 and WAIT in page


def test_a_set_due_soon_is_started_in_time_beyond_the_aim(twelve, actions):
    twelve.daily_reviews = 3
    reviews_due_in(twelve, twelve.retired, 1)  # four reviews tomorrow: over the aim
    today = study_day(utcnow(), twelve.timezone, twelve.rollover_hour)
    db.session.execute(update(Assignment).values(due_on=today + timedelta(days=1)))
    # another set of the class, with no due date, whose cards would come first by position
    other = QuestionSet(slug="no-due-date", title="No due date")
    db.session.add(other)
    db.session.flush()
    db.session.add_all(Question(set_id=other.id, uid=f"other-{i}", kind="short",
                                category="what", prompt=f"Other question {i}?",
                                answer=f"other {i}", status="approved", position=i)
                       for i in range(3))
    classes.set_assignment(db.session, db.session.scalar(select(SchoolClass)), other.id)
    db.session.commit()
    actions.login("kim@example.com")
    assert promise(actions) == ("0", 6)  # 12 cards over two days
    shown, page = study_until_done(actions)
    assert shown == 6 and "Done for now" in page
    assert "9 new cards " + WAIT in page
    others = select(func.count()).select_from(Card).join(Question).where(
        Card.user_id == twelve.id, Question.set_id == other.id)
    assert db.session.scalar(others) == 0  # the due date's cards came from its own set
    assert promise(actions) == ("0", 0)  # today's share is done; the aim holds the rest
    tomorrow = utcnow() + timedelta(days=1)
    queue = study_queue.build_queue(db.session, twelve, tomorrow)
    assert queue.new == 6 and queue.pace.required == 6  # the rest on the due date itself
    later = study_queue.build_queue(db.session, twelve, tomorrow + timedelta(days=1))
    assert later.pace.required == 0 and later.new == 3  # past the due date: the aim alone
    assert study_queue.next_card(db.session, twelve, tomorrow, queue)[1].question.set_id \
        != other.id
