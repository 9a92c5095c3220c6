"""A 40-question set's page is short on a desktop screen and on a phone: a compact list, each
question's actions in a menu that opens without a script, twenty questions a page."""
import uuid

import pytest

from quizapp.services import accounts, authoring
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


@pytest.fixture
def long_set(in_db):
    email = f"t{uuid.uuid4().hex[:6]}@example.com"

    def setup(session):
        teacher = accounts.create_user(session, email, "password123", role="teacher")
        qset, _ = authoring.create_set(session, teacher, f"Capitals {email[:7]}")
        for n in range(40):
            authoring.add_question(session, qset, {
                "kind": "mcq", "category": "where", "prompt": f"Which is capital number {n}?",
                "answer": f"City {n}", "choices": [f"City {n}", "Elsewhere", "Nowhere"]})
        return qset.id

    return email, in_db(setup)


def test_a_long_set_page_is_short(page, phone, long_set, shoot):
    email, set_id = long_set
    login(page, email)
    page.goto(f"/teacher/sets/{set_id}")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2800, f"the set page is {height} px tall"
    page.get_by_text("Actions", exact=False).first.click()
    assert page.get_by_role("link", name="Edit").first.is_visible()
    shoot(page, "teacher-set-long")

    login(phone, email)
    phone.goto(f"/teacher/sets/{set_id}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shoot(phone, "teacher-set-long-phone")
