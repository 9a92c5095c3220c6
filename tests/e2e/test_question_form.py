"""The question form shows the chosen kind's fields and hint only, switched by the script as
the kind changes (and by a button when there is no script); a true/false question is written
with a click, not a typed word."""
import uuid

import pytest
from sqlalchemy import select

from quizapp.models import Question
from quizapp.services import accounts, authoring
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_the_form_follows_the_chosen_kind(page, in_db, shoot):
    email = f"t{uuid.uuid4().hex[:6]}@example.com"

    def setup(session):
        teacher = accounts.create_user(session, email, "password123", role="teacher")
        return authoring.create_set(session, teacher, f"Rivers {email[:7]}")[0].id

    set_id = in_db(setup)
    login(page, email)
    page.goto(f"/teacher/sets/{set_id}/questions/new")
    assert not page.get_by_role("button", name="Show this kind's fields").is_visible()
    assert page.get_by_label("Choice 1", exact=True).is_visible()
    shoot(page, "teacher-question-mcq")
    page.get_by_label("Kind").select_option("truefalse")
    assert not page.get_by_label("Choice 1", exact=True).is_visible()
    assert not page.get_by_label("Answer", exact=True).is_visible()
    visible = [h.get_attribute("data-kinds") for h in page.locator("p.hint[data-kinds]").all()
               if h.is_visible()]
    assert visible == ["truefalse"]
    page.get_by_label("Question", exact=True).fill("The Danube flows into the North Sea.")
    page.get_by_label("False", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_text("Question added.").is_visible()
    assert in_db(lambda s: s.scalar(select(Question.answer).where(
        Question.set_id == set_id))) == "false"
