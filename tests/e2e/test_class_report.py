"""A teacher reads their class report in the browser, on a desktop screen, on a phone and on
paper: the roster with its flags, the heat map, an exam forecast, completion and scores.
Screenshots: screenshots/class-report*.png."""
from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest

from quizapp.clock import utcnow
from quizapp.models import (
    Assignment,
    Card,
    Enrolment,
    Question,
    QuestionSet,
    Quiz,
    QuizAttempt,
    Review,
)
from quizapp.services import accounts, classes
from tests.e2e.conftest import login
from tests.e2e.test_teacher import no_sideways_scroll

pytestmark = [pytest.mark.e2e]
CATEGORIES = ("who", "what", "where", "when", "operation", "number")
NAMES = ("Amira Haddad", "Ben Okafor", "Chloé Martin", "Dmitri Volkov", "Eun-ji Park",
         "Farah Siddiqui", "Gabriel Souza", "Hana Kobayashi")


def fill_class(session, tag: str) -> tuple[str, int]:
    """A teacher, a class of eight with a set of 24 questions studied unevenly, and a quiz."""
    rng, now = random.Random(7), utcnow()
    teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                   role="teacher", name="Ms Rivera")
    school_class = classes.create_class(session, teacher, f"Year 9 history {tag}")
    qset = QuestionSet(slug=f"rivers-{tag}", title="Rivers of Europe", owner_id=teacher.id)
    session.add(qset)
    session.flush()
    questions = [Question(set_id=qset.id, uid=f"q{i}", kind="short", category=CATEGORIES[i % 6],
                          prompt=f"Which river is number {i} on the map?", answer=f"R{i}",
                          status="approved", position=i) for i in range(24)]
    quiz = Quiz(owner_id=teacher.id, title="Rivers quiz", sets=[qset], classes=[school_class])
    session.add_all([*questions, Assignment(set_id=qset.id, class_id=school_class.id), quiz])
    session.flush()
    for n, name in enumerate(NAMES):
        student = accounts.create_user(session, f"s{n}{tag}@example.com", "password123",
                                       name=name)
        session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        seen = questions[:24 - 3 * n]
        away = 1 + n * 2  # the later students stopped studying days ago
        for q in seen:
            last = now - timedelta(days=away + rng.random() * 3)
            session.add(Card(user_id=student.id, question_id=q.id, phase=2, reps=4,
                             stability=rng.uniform(1, 20), difficulty=5.0, last_review=last,
                             due=last + timedelta(days=rng.randint(1, 9))))
            for k in range(4):
                at = last - timedelta(days=3 * k)
                session.add(Review(user_id=student.id, question_id=q.id, reviewed_at=at,
                                   rating=1 if rng.random() < 0.1 * (1 + n % 3) else 3,
                                   study_day=(at - timedelta(hours=4)).date(),
                                   duration_ms=rng.randint(4000, 20000), interval_days=3,
                                   request_id=f"{q.id}-{k}"))
        if n < 6:
            session.add(QuizAttempt(quiz_id=quiz.id, user_id=student.id, seed="s",
                                    started_at=now - timedelta(days=1),
                                    submitted_at=now - timedelta(hours=23),
                                    score=float(10 - n * 1.5), max_score=10.0))
    return teacher.email, school_class.id


@pytest.fixture
def report_class(in_db):
    return in_db(lambda s: fill_class(s, uuid.uuid4().hex[:6]))


def test_the_class_report_on_a_screen_a_phone_and_paper(page, phone, shoot, report_class):
    email, class_id = report_class
    login(page, email)
    page.goto(f"/teacher/classes/{class_id}")
    page.get_by_role("link", name="Class report").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Class report")
    assert page.get_by_role("table", name="Students by category: mastery").is_visible()
    page.get_by_label("Set to forecast").select_option(label="Rivers of Europe")
    page.get_by_label("Exam date").fill((utcnow() + timedelta(days=10)).strftime("%Y-%m-%d"))
    page.get_by_role("button", name="Forecast").click()
    assert page.get_by_text("the class should recall").is_visible()
    shoot(page, "class-report")
    page.get_by_role("link", name="Mastery", exact=True).click()
    assert "sort=mastery" in page.url

    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.get_by_role("button", name="Forecast").is_visible()

    login(phone, email)
    phone.goto(f"/teacher/classes/{class_id}/report")
    no_sideways_scroll(phone)
    region = phone.get_by_role("region", name="Roster, sorted by name (ascending)")
    region.focus()
    assert phone.evaluate("document.activeElement.getAttribute('role')") == "region"
    shoot(phone, "class-report-phone")
