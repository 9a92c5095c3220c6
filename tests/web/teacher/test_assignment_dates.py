"""An assignment has a due date beside its start date; the student home shows it; the assign
form offers only the classes the set is not assigned to yet (an assigned class's dates are
changed beside it)."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Enrolment
from tests.web.teacher.conftest import question


@pytest.fixture
def two_classes(teacher, student, drafts, make_class):
    first, second = make_class(teacher, "Year 9 history"), make_class(teacher, "Year 10 news")
    db.session.add(Enrolment(class_id=first.id, student_id=student.id))
    question("q-tiny-tf").status = "approved"
    db.session.commit()
    return first, second


def assign_select(page: str) -> str:
    return re.search(r'<select id="class_id" name="class_id"[^>]*>(.*?)</select>', page,
                     re.S).group(1)


def test_assign_with_a_due_date_shown_to_teacher_and_student(as_teacher, actions, drafts,
                                                             student, two_classes):
    first, _ = two_classes
    url = f"/teacher/sets/{drafts.id}"
    as_teacher.post(f"{url}/assign", {"class_id": str(first.id), "starts_on": "2020-01-06",
                                      "due_on": "2099-12-18"}, token_from=url)
    assignment = db.session.scalar(select(Assignment))
    assert assignment.due_on == date(2099, 12, 18)
    page = as_teacher.client.get(url).get_data(as_text=True)
    assert "due 18 Dec 2099" in page
    as_teacher.logout()
    actions.login(student.email)
    home = actions.client.get("/student/").get_data(as_text=True)
    assert re.search(r"A tiny test article.*?due 18 Dec 2099", home, re.S)


def test_a_due_date_before_the_start_is_refused(as_teacher, drafts, two_classes):
    first, _ = two_classes
    url = f"/teacher/sets/{drafts.id}"
    page = as_teacher.post(f"{url}/assign", {"class_id": str(first.id),
                                             "starts_on": "2099-01-10", "due_on": "2099-01-09"},
                           token_from=url, follow_redirects=True).get_data(as_text=True)
    assert "The due date comes before the start date" in page
    assert db.session.scalar(select(Assignment)) is None


def test_the_assign_form_offers_only_classes_not_assigned_yet(as_teacher, drafts, two_classes):
    first, second = two_classes
    url = f"/teacher/sets/{drafts.id}"
    assert "Year 9 history" in assign_select(as_teacher.client.get(url).get_data(as_text=True))
    as_teacher.post(f"{url}/assign", {"class_id": str(first.id)}, token_from=url)
    page = as_teacher.client.get(url).get_data(as_text=True)
    offered = assign_select(page)
    assert "Year 9 history" not in offered and "Year 10 news" in offered
    # The assigned class's dates are changed beside it.
    as_teacher.post(f"{url}/assign", {"class_id": str(first.id), "due_on": "2099-03-01"},
                    token_from=url)
    db.session.expire_all()
    assert db.session.scalar(select(Assignment.due_on)) == date(2099, 3, 1)
    as_teacher.post(f"{url}/assign", {"class_id": str(second.id)}, token_from=url)
    page = as_teacher.client.get(url).get_data(as_text=True)
    assert 'id="class_id"' not in page and "assigned to every one of your open classes" in page
