"""A student opens a set from their home, studies just that set by keyboard, takes back the
answer on a feedback screen with Z, and practises the set without changing their schedule."""
import uuid

import pytest
from sqlalchemy import func, select

from quizapp.models import Card, Enrolment, Review
from quizapp.services import accounts, authoring, classes
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


@pytest.fixture
def set_student(in_db):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher")
        school_class = classes.create_class(session, teacher, "Set class")
        for title, pairs in ((f"Capitals {tag}", (("Paris", "France"), ("Madrid", "Spain"))),
                             (f"Rivers {tag}", (("Nile", "Egypt"),))):
            qset, _ = authoring.create_set(session, teacher, title)
            for answer, country in pairs:
                authoring.add_question(session, qset, {
                    "kind": "short", "category": "where", "answer": answer,
                    "prompt": f"{'Capital' if 'Capitals' in title else 'Longest river'} of "
                              f"{country}?"})
            classes.set_assignment(session, school_class, qset.id)
        student = accounts.create_user(session, f"s{tag}@example.com", "password123")
        session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        return student.email, tag

    return in_db(setup)


def counts(in_db, email):
    def read(s):
        user_id = accounts.find_user(s, email).id
        return (s.scalar(select(func.count()).select_from(Review).where(
            Review.user_id == user_id, Review.undone_at.is_(None))),
            s.scalar(select(func.count()).select_from(Card).where(Card.user_id == user_id,
                                                                    Card.reps > 0)))
    return in_db(read)


def test_a_set_studied_alone_with_its_answer_taken_back(page, in_db, set_student, shoot):
    email, tag = set_student
    login(page, email)
    page.goto("/student/")
    page.get_by_role("link", name=f"Capitals {tag}", exact=True).click()
    page.get_by_role("heading", level=1, name=f"Capitals {tag}").wait_for()
    assert page.get_by_text("0 questions studied, 2 not studied yet").is_visible()
    shoot(page, "student-set")
    page.get_by_role("link", name="Study just this set").click()
    page.wait_for_selector("[data-study-page=card][data-keys=ready]")
    assert "Capital of" in page.locator(".prompt").inner_text()
    page.keyboard.type("Lyon")  # wrong, into the autofocused box
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")  # Z is listened for
    assert page.get_by_role("button", name="Take back this answer").is_visible()
    page.keyboard.press("z")
    page.wait_for_selector(".flash >> text=Your answer is taken back")
    prompt = page.locator(".prompt").inner_text()
    assert counts(in_db, email) == (0, 0)
    answer = "Paris" if "France" in prompt else "Madrid"
    page.locator("#given").fill(answer)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-study-page=feedback][data-keys=ready] >> text=Right")
    page.keyboard.press("4")
    page.wait_for_selector("[data-study-page=card][data-keys=ready]")
    assert "Capital of" in page.locator(".prompt").inner_text()  # still this set only
    assert counts(in_db, email) == (1, 1)
    page.goto("/student/")
    page.get_by_role("link", name=f"Capitals {tag}", exact=True).click()
    assert page.get_by_text("1 question studied, 1 not studied yet").is_visible()
    page.get_by_role("link", name="Practise this set").click()
    for _ in range(2):
        page.wait_for_selector("[data-study-page=card][data-keys=ready]")
        page.get_by_role("button", name="Show the answer").click()
        page.wait_for_selector("[data-study-page=practice-feedback][data-keys=ready]")
        page.keyboard.press("Enter")  # the focused "Next card"
    page.wait_for_selector("text=You went through every card")
    assert counts(in_db, email) == (1, 1)


def test_the_set_page_and_practice_fit_a_phone(phone, in_db, set_student):
    email, tag = set_student
    login(phone, email)
    phone.goto("/student/")
    phone.get_by_role("link", name=f"Rivers {tag}", exact=True).click()
    phone.get_by_role("heading", level=1).wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.get_by_role("link", name="Practise this set").click()
    phone.get_by_role("button", name="Show the answer").click()
    phone.wait_for_selector("[data-study-page=practice-feedback][data-keys=ready]")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
