"""Shortcuts never eat a typed character: in the answer box Space, Z and digits are text, and
the shortcuts work there with Alt held; the page says so."""
import uuid

import pytest
from sqlalchemy import func, select

from quizapp.models import Enrolment, Review
from quizapp.services import accounts, authoring, classes
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


@pytest.fixture
def typed_student(in_db):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher")
        school_class = classes.create_class(session, teacher, "Typing class")
        qset, _ = authoring.create_set(session, teacher, f"Capitals {tag}")
        for city, country in (("Paris", "France"), ("Madrid", "Spain")):
            authoring.add_question(session, qset, {"kind": "short", "category": "where",
                                                   "prompt": f"Capital of {country}?",
                                                   "answer": city})
        classes.set_assignment(session, school_class, qset.id)
        student = accounts.create_user(session, f"s{tag}@example.com", "password123")
        session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        return student.email

    return in_db(setup)


def reviews_of(in_db, email):
    return in_db(lambda s: s.scalar(select(func.count()).select_from(Review).where(
        Review.user_id == accounts.find_user(s, email).id, Review.undone_at.is_(None))))


def test_keys_typed_in_the_answer_box_stay_text(page, in_db, typed_student):
    login(page, typed_student)
    page.goto("/student/study")
    box = page.locator("#given")
    box.wait_for()
    assert page.get_by_text("Keys type into this box").is_visible()
    page.keyboard.type("z 1 2 Z")  # into the autofocused box
    assert box.input_value() == "z 1 2 Z"
    assert page.locator("[data-study-page=card]").count() == 1
    page.keyboard.press("Enter")  # checks the typed (wrong) answer
    page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
    page.keyboard.press("3")
    page.wait_for_selector("[data-study-page=card][data-keys=ready]")
    assert reviews_of(in_db, typed_student) == 1
    # After rating, the next card's box has the focus: Z is a letter there, not undo.
    page.keyboard.press("z")
    assert page.locator("#given").input_value() == "z"
    assert reviews_of(in_db, typed_student) == 1
    # Alt+Z undoes from inside the box; Alt+Space shows the answer.
    page.keyboard.press("Alt+z")
    page.wait_for_selector(".flash >> text=Your last answer is undone.")
    assert reviews_of(in_db, typed_student) == 0
    page.locator("#given").focus()
    page.keyboard.press("Alt+Space")
    page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
