"""The progress pages in a real browser: a student with three months of study done through the
real scheduler, on a phone (no sideways scroll, no console error under the strict CSP) and on
a desktop; the teacher's drill-down printed without navigation. Screenshots for the docs."""
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.bank import load_bank
from quizapp.models import Enrolment, Question, QuestionSet
from quizapp.scheduling import Rating
from quizapp.services import accounts, banks, classes, study
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
BANK = Path(__file__).resolve().parents[2] / "questions" / "000_a09212d6aeb45f40.json"
DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shoot(page, name: str) -> None:
    """A full-page JPEG in docs/screenshots/ (a year's calendar makes a large PNG)."""
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SHOTS / f"{name}.jpg"), full_page=True, type="jpeg",
                    quality=45)


def simulate(session, student, questions, days: int, rng: random.Random) -> None:
    """``days`` evenings of study ending yesterday: due cards first, two new ones a day."""
    start = datetime.now(UTC).replace(hour=17, minute=0, second=0, microsecond=0)
    start -= timedelta(days=days)
    n = 0
    for day in range(days):
        if rng.random() < 0.2:
            continue  # a day off
        now = start + timedelta(days=day)
        new = 0
        for question in questions:
            card = study.card_for(session, student, question)
            if card is None or card.reps == 0:
                if new == 2:
                    continue
                new += 1
            elif card.due > now:
                continue
            rating = (Rating.AGAIN if rng.random() < 0.15 else
                      rng.choice([Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.EASY]))
            n += 1
            now += timedelta(seconds=rng.randint(5, 40))
            study.record_review(session, student, question, rating=rating, now=now,
                                request=f"sim{n}", duration_ms=rng.randint(3000, 30000),
                                given=None, correct=None, proposed=None)


@pytest.fixture
def people(in_db):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher")
        school_class = classes.create_class(session, teacher, "Year 10 current affairs")
        banks.import_bank(session, load_bank(BANK), owner=teacher, set_slug=f"news-{tag}")
        qset = session.scalar(select(QuestionSet).where(QuestionSet.slug == f"news-{tag}"))
        classes.set_assignment(session, school_class, qset.id)
        student = accounts.create_user(session, f"s{tag}@example.com", "password123",
                                       name="Noor")
        session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        session.flush()
        questions = list(session.scalars(select(Question).where(Question.set_id == qset.id)
                                         .order_by(Question.position)))
        simulate(session, student, questions[:16], 90, random.Random(12))
        return teacher.email, student.email, school_class.id, student.id

    return in_db(setup)


def test_the_progress_page_on_a_phone_and_a_desktop(people, phone, page):
    _, student_email, _, _ = people
    login(phone, student_email)
    phone.goto("/student/progress")
    assert phone.locator("h1").inner_text() == "Your progress"
    assert phone.locator("svg.chart-svg").count() == 4
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shoot(phone, "progress-phone")
    login(page, student_email)
    page.goto("/student/progress")
    page.locator("#calendar-title").scroll_into_view_if_needed()
    page.get_by_text("The numbers").first.click()  # the chart's table opens from the keyboard too
    assert page.locator(".chart-numbers[open] table").count() == 1
    shoot(page, "progress-student")


def test_the_teachers_drill_down_prints_without_navigation(people, page):
    teacher_email, _, class_id, student_id = people
    login(page, teacher_email)
    page.goto(f"/teacher/classes/{class_id}")
    page.get_by_role("link", name="Noor").click()
    assert page.locator("h1").inner_text() == "Noor: progress in Year 10 current affairs"
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert not page.locator("a.csv").first.is_visible()
    assert page.locator("#mastery-title").is_visible()
    shoot(page, "progress-teacher-print")
