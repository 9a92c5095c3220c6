"""Hand-written questions of every kind, validated; edit keeps history; delete retires what was
studied; reorder, move, duplicate; assign, unassign, publish."""
import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Assignment, Enrolment, Question, QuestionSet, Review
from quizapp.services import authoring, catalogue
from tests.web.teacher.conftest import question

GOOD = {
    "mcq": {"prompt": "Which city is Iran's capital?",
            "choices": ["Isfahan", "Tehran", "Shiraz", "", "", ""], "right": "1"},
    "cloze": {"prompt": "Pakistan recalled its ambassador from _____.", "answer": "Iran"},
    "short": {"prompt": "Who spoke in Tehran?", "answer": "Hossein Amir-Abdollahian",
              "accepted": "Amir-Abdollahian\nAmir Abdollahian"},
    "truefalse": {"prompt": "Pakistan recalled its ambassador.", "truth": "true"},
}


@pytest.fixture
def own_set(teacher):
    qset, _ = authoring.create_set(db.session, teacher, "World news")
    db.session.commit()
    return qset


def add(as_teacher, qset, kind, **extra):
    url = f"/teacher/sets/{qset.id}/questions/new"
    return as_teacher.post(url, {"kind": kind, "category": "what", "tags": "iran, week 3",
                                 **GOOD[kind], **extra})


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_every_kind_can_be_written(as_teacher, own_set, kind):
    response = add(as_teacher, own_set, kind)
    assert response.status_code == 302
    row = db.session.scalar(select(Question))
    assert (row.kind, row.origin, row.status, row.tags) == (kind, "authored", "approved",
                                                            ["iran", "week 3"])
    page = as_teacher.client.get(f"/teacher/sets/{own_set.id}").get_data(as_text=True)
    assert f"q-{kind}" in page


def test_short_answers_keep_their_alternatives(as_teacher, own_set):
    add(as_teacher, own_set, "short")
    assert db.session.scalar(select(Question.accepted)) == ["Amir-Abdollahian", "Amir Abdollahian"]


@pytest.mark.parametrize("kind,extra,message", [
    ("mcq", {"right": ""}, "Mark the right answer"),
    ("mcq", {"right": "4"}, "Mark the right answer"),  # an empty box marked
    ("mcq", {"choices": ["", "Tehran", ""]}, "Multiple choice needs at least two choices"),
    ("mcq", {"choices": ["tehran", "Tehran"]}, "Two choices are the same"),
    ("cloze", {"prompt": "Pakistan recalled its ambassador."}, "A cloze prompt needs a blank"),
    ("truefalse", {"truth": ""}, "Choose whether the statement is true or false"),
    ("truefalse", {"truth": "maybe"}, "Not a valid choice"),
    ("short", {"answer": ""}, "This field is required."),
])
def test_invalid_questions_are_refused_with_a_message(as_teacher, own_set, kind, extra, message):
    response = add(as_teacher, own_set, kind, **extra)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Question)) == 0


def test_the_same_question_sent_twice_is_stored_once(as_teacher, client, own_set):
    url = f"/teacher/sets/{own_set.id}/questions/new"
    token = as_teacher.token(url)
    data = {"csrf_token": token, "kind": "short", "category": "who", **GOOD["short"]}
    assert client.post(url, data=data).status_code == 302
    response = client.post(url, data=data)
    assert response.status_code == 400 and "already has that question" in response.get_data(True)
    assert db.session.scalar(select(func.count()).select_from(Question)) == 1


def test_script_in_a_question_is_shown_as_text(as_teacher, own_set):
    add(as_teacher, own_set, "cloze", prompt="<script>alert(1)</script> _____ here",
        answer="<b>x</b>")
    page = as_teacher.client.get(f"/teacher/sets/{own_set.id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def studied(row, student):
    now = datetime(2024, 2, 1, 9, tzinfo=UTC)
    db.session.add(Review(user_id=student.id, question_id=row.id, rating=3, reviewed_at=now,
                          study_day=now.date(), request_id=f"r{row.id}"))
    db.session.commit()


def test_editing_a_studied_question_keeps_its_row_and_history(as_teacher, drafts, student):
    row = question("q-tiny-who-short")
    studied(row, student)
    url = f"/teacher/questions/{row.id}/edit"
    form = {"kind": "short", "category": "who", "prompt": "Who was Iran's foreign minister?",
            "answer": "Hossein Amir-Abdollahian", "accepted": "Amir-Abdollahian"}
    assert as_teacher.post(url, form).status_code == 302
    db.session.expire_all()
    edited = question("q-tiny-who-short")
    assert edited.id == row.id and edited.prompt == "Who was Iran's foreign minister?"
    assert db.session.scalar(select(func.count()).select_from(Review)) == 1


def test_delete_retires_a_studied_question_and_removes_an_unstudied_one(as_teacher, drafts,
                                                                         student):
    row, other = question("q-tiny-tf"), question("q-tiny-who-mcq")
    studied(row, student)
    url = f"/teacher/sets/{drafts.id}"
    page = as_teacher.post(f"/teacher/questions/{row.id}/delete", token_from=url,
                           follow_redirects=True).get_data(as_text=True)
    assert "it is retired" in page
    as_teacher.post(f"/teacher/questions/{other.id}/delete", token_from=url)
    db.session.expire_all()
    assert question("q-tiny-tf").status == "retired" and question("q-tiny-who-mcq") is None


def test_reorder_move_and_duplicate(as_teacher, teacher, drafts, own_set):
    url = f"/teacher/sets/{drafts.id}"
    order = lambda s: [q.uid for q in db.session.scalars(
        select(Question).where(Question.set_id == s).order_by(Question.position))]
    first, second = order(drafts.id)[:2]
    as_teacher.post(f"/teacher/questions/{question(second).id}/up", token_from=url)
    db.session.expire_all()
    assert order(drafts.id)[:2] == [second, first]
    moved = question(first)
    as_teacher.post(f"/teacher/questions/{moved.id}/move", {"target": str(own_set.id)},
                    token_from=url)
    db.session.expire_all()
    assert order(own_set.id) == [first] and first not in order(drafts.id)
    question("q-tiny-tf").status = "rejected"
    question("q-tiny-who-short").status = "approved"
    db.session.commit()
    as_teacher.post(f"{url}/duplicate", token_from=url)
    copy = db.session.scalar(select(QuestionSet).where(QuestionSet.title.like("Copy of%")))
    statuses = dict(db.session.execute(select(Question.uid, Question.status)
                                       .where(Question.set_id == copy.id)).all())
    assert statuses == {"q-tiny-who-short": "approved", "q-tiny-where-cloze": "draft"}
    assert copy.published is False and copy.assignments == []


def test_assign_with_a_start_date_unassign_and_publish(as_teacher, teacher, student, drafts,
                                                       make_class):
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    question("q-tiny-tf").status = "approved"
    db.session.commit()
    url = f"/teacher/sets/{drafts.id}"
    as_teacher.post(f"{url}/assign", {"class_id": str(school_class.id),
                                      "starts_on": "2099-01-05"}, token_from=url)
    assignment = db.session.scalar(select(Assignment))
    assert assignment.starts_at == datetime(2099, 1, 5, tzinfo=UTC)
    assert catalogue.student_sets(db.session, student) == []  # not started yet
    as_teacher.post(f"{url}/assign", {"class_id": str(school_class.id), "starts_on": ""},
                    token_from=url)
    db.session.expire_all()
    assert [(s.id, n) for s, n in catalogue.student_sets(db.session, student)] == [(drafts.id, 1)]
    as_teacher.post(f"{url}/unpublish", token_from=url)
    db.session.expire_all()
    assert catalogue.student_sets(db.session, student) == []
    as_teacher.post(f"{url}/publish", token_from=url)
    as_teacher.post(f"{url}/unassign/{school_class.id}", token_from=url)
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Assignment)) == 0


def test_a_new_set_sent_twice_is_one_set(as_teacher, client):
    token = as_teacher.token("/teacher/sets")
    for _ in range(2):
        client.post("/teacher/sets", data={"csrf_token": token, "title": "Elections"})
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 1
    qset = db.session.scalar(select(QuestionSet))
    assert client.get(f"/teacher/sets/{qset.id}").status_code == 200


def test_every_kind_has_a_preview_partial(app):
    from quizapp.bank.kinds import KIND_REGISTRY

    for name in KIND_REGISTRY:
        assert app.jinja_env.get_template(f"questions/_{name}.html")


def test_duplicate_sent_twice_from_one_page_makes_one_copy(as_teacher, client, drafts):
    url = f"/teacher/sets/{drafts.id}"
    page = client.get(url).get_data(as_text=True)
    assert 'name="title" value="Copy of A tiny test article"' in page
    data = {"csrf_token": as_teacher.token(url), "title": "Copy of A tiny test article"}
    first = client.post(f"{url}/duplicate", data=data)
    second = client.post(f"{url}/duplicate", data=data)
    assert first.location == second.location
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 2
    assert db.session.scalar(select(func.count()).select_from(Question)) == 8
    page = client.get(url).get_data(as_text=True)
    assert 'name="title" value="Copy of A tiny test article (2)"' in page


def test_a_copys_long_title_ends_on_a_whole_word(as_teacher, teacher):
    words = ("Airbus parent company EADS N.V. said on Monday that it would cut jobs " * 5).split()
    title = " ".join(words)[:296].rsplit(" ", 1)[0] + " N.V."
    qset, _ = authoring.create_set(db.session, teacher, title)
    db.session.commit()
    url = f"/teacher/sets/{qset.id}"
    page = as_teacher.client.get(url).get_data(as_text=True)
    offered = re.search(r'name="title" value="([^"]*)"', page).group(1)
    response = as_teacher.post(f"{url}/duplicate", {"title": html.unescape(offered)},
                               token_from=url)
    assert response.status_code == 302
    copy = db.session.scalar(select(QuestionSet).where(QuestionSet.id != qset.id))
    assert len(copy.title) <= 300 and copy.title.endswith("…")
    assert (title + " ").startswith(copy.title[len("Copy of "):-1] + " "), copy.title
