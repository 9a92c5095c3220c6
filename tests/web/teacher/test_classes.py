"""Classes: create (once, however often the form is sent), roster, remove, rename, archive."""
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Enrolment, SchoolClass
from quizapp.services import catalogue


def count_classes() -> int:
    return db.session.scalar(select(func.count()).select_from(SchoolClass))


def test_a_teacher_creates_a_class_and_sees_its_join_code(as_teacher):
    response = as_teacher.post("/teacher/classes", {"name": "Year 9 history"},
                               follow_redirects=True)
    page = response.get_data(as_text=True)
    school_class = db.session.scalar(select(SchoolClass))
    assert response.status_code == 200 and "Class Year 9 history created." in page
    assert school_class.join_code in page
    assert f"/auth/register?code={school_class.join_code}" in page


def test_the_same_form_sent_twice_makes_one_class(as_teacher, client):
    token = as_teacher.token("/teacher/classes")
    for _ in range(2):
        response = client.post("/teacher/classes", data={"csrf_token": token, "name": "Year 10"})
        assert response.status_code == 302
    assert count_classes() == 1


def test_a_class_needs_a_name(as_teacher):
    response = as_teacher.post("/teacher/classes", {"name": "  "})
    assert response.status_code == 400 and "This field is required." in response.get_data(True)
    assert count_classes() == 0


def test_script_in_a_class_name_is_shown_as_text(as_teacher):
    name = "<script>alert(1)</script>"
    as_teacher.post("/teacher/classes", {"name": name})
    school_class = db.session.scalar(select(SchoolClass))
    for url in ("/teacher/classes", f"/teacher/classes/{school_class.id}", "/teacher/"):
        page = as_teacher.client.get(url).get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and name not in page


def test_roster_and_removing_a_student(as_teacher, teacher, student, make_class):
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    db.session.commit()
    url = f"/teacher/classes/{school_class.id}"
    assert "kim@example.com" in as_teacher.client.get(url).get_data(as_text=True)
    response = as_teacher.post(f"{url}/students/{student.id}/remove", token_from=url,
                               follow_redirects=True)
    assert "Kim is no longer in Year 9 history." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Enrolment)) == 0
    response = as_teacher.post(f"{url}/students/{student.id}/remove", token_from=url,
                               follow_redirects=True)
    assert "That student is not in this class." in response.get_data(as_text=True)


def test_archive_and_open_again(as_teacher, teacher, student, make_class):
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    db.session.commit()
    url = f"/teacher/classes/{school_class.id}"
    as_teacher.post(f"{url}/archive", token_from=url)
    db.session.refresh(school_class)
    assert school_class.archived_at is not None
    assert catalogue.student_classes(db.session, student) == []
    as_teacher.post(f"{url}/unarchive", token_from=url)
    db.session.refresh(school_class)
    assert school_class.archived_at is None


def test_rename_refuses_a_twin(as_teacher, teacher, make_class):
    first, second = make_class(teacher, "A"), make_class(teacher, "B")
    url = f"/teacher/classes/{second.id}"
    response = as_teacher.post(url, {"name": "A"})
    assert response.status_code == 400 and "already have an open class" in response.get_data(True)
    as_teacher.post(url, {"name": "C"})
    db.session.refresh(second)
    assert (first.name, second.name) == ("A", "C")
