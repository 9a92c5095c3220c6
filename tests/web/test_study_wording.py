"""What a student reads on a card: "True or false" said once, and no category badges (those
are for teachers reviewing a set)."""
import re

import pytest

from quizapp.extensions import db
from quizapp.models import Enrolment, User
from quizapp.services import authoring, classes
from tests.web.test_study import TOKEN_RE, answer, rate

PROMPTS = ["True or false: the Danube flows into the Black Sea.",
           "True or false, from \u201cRiver report\u201d (May 2009): the Rhine is 1,230 km long.",
           "The Thames flows through Oxford."]


@pytest.fixture
def statements(app, make_user, make_class):
    teacher = make_user("t@example.com", "teacher")
    school_class = make_class(teacher)
    qset, _ = authoring.create_set(db.session, teacher, "Rivers")
    for prompt in PROMPTS:
        question = authoring.add_question(db.session, qset, {
            "kind": "truefalse", "category": "where", "prompt": prompt, "answer": "true"})
        question.status = "approved"
    classes.set_assignment(db.session, school_class, qset.id)
    db.session.add(Enrolment(class_id=school_class.id, student_id=make_user("kim@example.com").id))
    db.session.commit()
    return qset


def legend(page: str) -> str:
    return re.search(r'<legend class="prompt">(.*?)</legend>', page, re.S).group(1)


def test_true_or_false_is_said_once_on_every_statement(statements, actions):
    actions.login("kim@example.com")
    shown = []
    for _ in PROMPTS:
        page = actions.client.get("/student/study").get_data(as_text=True)
        text = legend(page)
        assert len(re.findall(r"true or false", text, re.I)) == 1, text
        assert text.startswith("True or false")
        shown.append(text)
        token = TOKEN_RE.search(page).group(1)
        rate(actions, answer(actions, token, "true").get_data(as_text=True), 3)
    assert any("Thames" in text for text in shown)


def test_students_see_no_category_but_teachers_do(statements, actions):
    actions.login("kim@example.com")
    page = actions.client.get("/student/study").get_data(as_text=True)
    assert "where" not in re.sub(r"<[^>]+>", " ", page).split()
    actions.logout()
    actions.login("t@example.com")
    set_page = actions.client.get(f"/teacher/sets/{statements.id}").get_data(as_text=True)
    assert "· where" in set_page


def test_counts_say_one_class_and_the_approved_questions(statements, actions):
    draft = authoring.add_question(db.session, statements, {
        "kind": "truefalse", "category": "where", "prompt": "A draft.", "answer": "true"})
    draft.status = "draft"
    db.session.commit()
    actions.login("t@example.com")
    sets_page = re.sub(r"\s+", " ", actions.client.get("/teacher/sets").get_data(as_text=True))
    assert "<td>1 class</td>" in sets_page and "1 draft<" in sets_page
    home = re.sub(r"\s+", " ", actions.client.get("/teacher/").get_data(as_text=True))
    assert "3 approved" in home and "4 questions" not in home
    authoring.create_set(db.session, db.session.get(User, statements.owner_id), "Hills")
    db.session.commit()
    sets_page = actions.client.get("/teacher/sets").get_data(as_text=True)
    assert "<td>0 classes</td>" in sets_page and "<td>1 classes</td>" not in sets_page


def test_the_set_page_counts_one_draft_as_one(statements, actions):
    draft = authoring.add_question(db.session, statements, {
        "kind": "truefalse", "category": "where", "prompt": "A draft.", "answer": "true"})
    draft.status = "draft"
    db.session.commit()
    actions.login("t@example.com")
    page = re.sub(r"\s+", " ", actions.client.get(f"/teacher/sets/{statements.id}")
                  .get_data(as_text=True))
    assert "Review 1 draft<" in page and "1 drafts" not in page


def test_one_rejected_question_is_one(statements, actions):
    rejected = authoring.add_question(db.session, statements, {
        "kind": "truefalse", "category": "where", "prompt": "A bad one.", "answer": "true"})
    rejected.status, rejected.reject_reason = "rejected", "Badly worded"
    db.session.commit()
    actions.login("t@example.com")
    page = re.sub(r"\s+", " ", actions.client.get(f"/teacher/sets/{statements.id}")
                  .get_data(as_text=True))
    assert "See the rejected question<" in page and "1 rejected questions" not in page
