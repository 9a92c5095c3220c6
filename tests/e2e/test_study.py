"""A student studies a whole session with the keyboard alone, on a real server and browser."""
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.bank import load_bank
from quizapp.models import Enrolment, Review
from quizapp.services import accounts, banks, classes
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"


@pytest.fixture
def student_email(in_db):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher")
        school_class = classes.create_class(session, teacher, "Keyboard class")
        banks.import_bank(session, load_bank(TINY), owner=teacher, set_slug=f"tiny-{tag}")
        from quizapp.models import QuestionSet
        qset = session.scalar(select(QuestionSet).where(QuestionSet.slug == f"tiny-{tag}"))
        classes.set_assignment(session, school_class, qset.id)
        student = accounts.create_user(session, f"s{tag}@example.com", "password123",
                                       name="Kai")
        session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        return student.email

    return in_db(setup)


def reviews_of(in_db, email):
    return in_db(lambda s: s.scalar(select(func.count()).select_from(Review).where(
        Review.user_id == accounts.find_user(s, email).id, Review.undone_at.is_(None))))


def test_a_whole_session_by_keyboard(page, in_db, student_email, shoot):
    login(page, student_email)
    page.goto("/student/study")
    page.wait_for_selector("[data-study-page=card][data-keys=ready]")
    shoot(page, "study-card")
    # Card 1: show the answer with Space, accept the proposed rating with Enter.
    page.keyboard.press("Space")
    page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
    shoot(page, "study-feedback")
    assert page.locator(".rate-buttons button").count() == 4
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-study-page=card][data-keys=ready]")
    assert reviews_of(in_db, student_email) == 1
    # Z undoes it; the same card comes back.
    page.keyboard.press("Escape")  # leave the answer box, if this card has one
    page.keyboard.press("z")
    page.wait_for_selector(".flash >> text=Your last answer is undone.")
    assert reviews_of(in_db, student_email) == 0
    done = 0
    while page.locator("[data-study-page=card]").count() and done < 12:
        if page.locator("#answer-form input[type=text]").count():
            page.keyboard.type("Tehran")
            page.keyboard.press("Enter")
        elif page.locator("#answer-form input[type=radio]").count():
            page.keyboard.press("1")
            page.keyboard.press("Enter")
        page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
        page.keyboard.press("4")  # Easy: done for today
        page.wait_for_selector("[data-study-page=card], [data-study-page=done]")
        done += 1
    assert page.locator("[data-study-page=done]").count() == 1
    shoot(page, "study-done")
    assert page.get_by_text("Cards this sitting").is_visible()
    assert reviews_of(in_db, student_email) == done


def test_studying_on_a_phone(phone, in_db, student_email, shoot):
    login(phone, student_email)
    phone.goto("/student/study")
    phone.get_by_role("button", name="Show the answer").click()
    phone.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shoot(phone, "study-feedback-phone")
