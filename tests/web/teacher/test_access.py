"""Every teacher route, as another teacher (404: not even told it exists) and as a student
(403). ``tests/web/test_route_access.py`` walks every route of the app; this file checks the
teacher routes in depth, each method of each."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Enrolment, GenerationJob, Question
from quizapp.services import classes

# endpoint → URL pattern filled from the owner's objects; {} fields: c, s, q, j, st
ROUTES = {
    "teacher.class_page": "/teacher/classes/{c}",
    "teacher.archive_class": "/teacher/classes/{c}/archive",
    "teacher.unarchive_class": "/teacher/classes/{c}/unarchive",
    "teacher.remove_student": "/teacher/classes/{c}/students/{st}/remove",
    "teacher.set_page": "/teacher/sets/{s}",
    "teacher.edit_set": "/teacher/sets/{s}/edit",
    "teacher.publish_set": "/teacher/sets/{s}/publish",
    "teacher.unpublish_set": "/teacher/sets/{s}/unpublish",
    "teacher.duplicate_set": "/teacher/sets/{s}/duplicate",
    "teacher.assign_set": "/teacher/sets/{s}/assign",
    "teacher.unassign_set": "/teacher/sets/{s}/unassign/{c}",
    "teacher.export_set": "/teacher/sets/{s}/export/json",
    "teacher.new_question": "/teacher/sets/{s}/questions/new",
    "teacher.review": "/teacher/sets/{s}/review",
    "teacher.approve_above": "/teacher/sets/{s}/review/above",
    "teacher.review_bulk": "/teacher/sets/{s}/review/bulk",
    "teacher.set_bulk": "/teacher/sets/{s}/bulk",
    "teacher.edit_question": "/teacher/questions/{q}/edit",
    "teacher.delete_question": "/teacher/questions/{q}/delete",
    "teacher.question_up": "/teacher/questions/{q}/up",
    "teacher.question_down": "/teacher/questions/{q}/down",
    "teacher.move_question": "/teacher/questions/{q}/move",
    "teacher.review_one": "/teacher/questions/{q}/review",
    "teacher.approve_question": "/teacher/questions/{q}/approve",
    "teacher.reject_question": "/teacher/questions/{q}/reject",
    "teacher.job": "/teacher/jobs/{j}",
    "teacher.job_json": "/teacher/jobs/{j}.json",
}
# Routes on no one's object: a student is refused; another teacher sees only their own.
OPEN_TO_TEACHERS = {"teacher.home": "/teacher/", "teacher.classes": "/teacher/classes",
                    "teacher.sets": "/teacher/sets", "teacher.new_article": "/teacher/articles/new",
                    "teacher.import_file": "/teacher/import"}


GET_ONLY = {"teacher.export_set", "teacher.review", "teacher.review_one", "teacher.job",
            "teacher.job_json", "teacher.set_page"}
GET_AND_POST = {"teacher.class_page", "teacher.edit_set", "teacher.new_question",
                "teacher.edit_question"}


def methods(endpoint: str) -> tuple[str, ...]:
    if endpoint in GET_ONLY:
        return ("GET",)
    return ("GET", "POST") if endpoint in GET_AND_POST else ("POST",)


def cases():
    return [(e, u, m) for e, u in ROUTES.items() for m in methods(e)]


def test_the_table_names_teacher_routes_with_their_methods(app):
    """Every route named here exists with the methods tried below. That every route of the
    app has an expectation is checked by ``tests/web/test_route_access.py``."""
    rules = {r.endpoint: r for r in app.url_map.iter_rules() if r.endpoint.startswith("teacher.")}
    assert set(ROUTES) | set(OPEN_TO_TEACHERS) <= set(rules)
    for endpoint in ROUTES:
        assert rules[endpoint].methods - {"HEAD", "OPTIONS"} == set(methods(endpoint)), endpoint


@pytest.fixture
def owned(teacher, student, drafts, make_class):
    """The teacher's class (with a student, the set assigned), set, question and job."""
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    classes.set_assignment(db.session, school_class, drafts.id)
    job = GenerationJob(owner_id=teacher.id, article_id=drafts.article_id, set_id=drafts.id,
                        status="done", progress=100)
    db.session.add(job)
    db.session.commit()
    first = db.session.scalar(select(Question).order_by(Question.id))
    return {"c": school_class.id, "s": drafts.id, "q": first.id, "j": job.id, "st": student.id}


def snapshot():
    db.session.expire_all()
    rows = db.session.execute(select(Question.id, Question.status, Question.set_id,
                                     Question.position)).all()
    return sorted(rows), db.session.scalar(select(Enrolment.id))


@pytest.mark.parametrize("endpoint,pattern,method", cases())
def test_another_teacher_gets_404_and_changes_nothing(app, actions, other_teacher, owned,
                                                     endpoint, pattern, method):
    actions.login(other_teacher.email)
    before = snapshot()
    url = pattern.format(**owned)
    if method == "GET":
        response = actions.client.get(url)
    else:
        response = actions.post(url, {"reason": "x", "name": "x", "title": "x", "prompt": "x",
                                      "answer": "x", "kind": "short", "category": "what",
                                      "threshold": "0", "action": "approve",
                                      "ids": str(owned["q"]), "class_id": str(owned["c"])},
                                token_from="/teacher/")
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("endpoint,pattern,method",
                         cases() + [(e, u, "GET") for e, u in OPEN_TO_TEACHERS.items()])
def test_a_student_gets_403(app, actions, student, owned, endpoint, pattern, method):
    actions.login(student.email)
    url = pattern.format(**owned)
    if method == "GET":
        response = actions.client.get(url)
    else:
        response = actions.post(url, {"name": "x"}, token_from="/student/")
    assert response.status_code == 403


def test_logged_out_visitors_are_sent_to_log_in(client, owned):
    for pattern in list(ROUTES.values())[:3] + list(OPEN_TO_TEACHERS.values()):
        response = client.get(pattern.format(**owned))
        assert response.status_code in (302, 405)


def test_another_teachers_lists_do_not_show_the_owners_things(actions, other_teacher, owned):
    actions.login(other_teacher.email)
    for url in OPEN_TO_TEACHERS.values():
        page = actions.client.get(url).get_data(as_text=True)
        assert "Year 9 history" not in page and "A tiny test article" not in page


def test_an_admin_sees_and_changes_every_teachers_set(actions, make_user, owned):
    make_user("admin@example.com", "admin")
    actions.login("admin@example.com")
    assert actions.client.get(f"/teacher/sets/{owned['s']}").status_code == 200
    url = f"/teacher/questions/{owned['q']}/review"
    response = actions.post(f"/teacher/questions/{owned['q']}/approve", token_from=url)
    assert response.status_code == 302
    assert db.session.get(Question, owned["q"]).status == "approved"


def test_a_teacher_cannot_assign_to_another_teachers_class(actions, teacher, other_teacher,
                                                           owned, make_class):
    mine = make_class(other_teacher, "Mine")
    actions.login(other_teacher.email)
    response = actions.client.get("/teacher/sets")
    assert response.status_code == 200
    # Their own set, someone else's class id: refused.
    from quizapp.services import authoring
    qset, _ = authoring.create_set(db.session, other_teacher, "Mine too")
    db.session.commit()
    url = f"/teacher/sets/{qset.id}"
    response = actions.post(f"{url}/assign", {"class_id": str(owned["c"])}, token_from=url)
    assert response.status_code == 302
    assert [a.set_id for a in db.session.get(type(mine), owned["c"]).assignments] == [owned["s"]]
