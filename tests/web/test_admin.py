"""The administrator creates staff accounts: teachers (and other admins) cannot sign up with a
class code, so this page is how a school gets its teachers."""
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User


def test_an_admin_creates_a_teacher_who_can_log_in(make_user, actions):
    make_user("head@example.com", "admin", name="Mr Head")
    actions.login("head@example.com")
    page = actions.client.get("/teacher/").get_data(as_text=True)
    response = actions.client.get("/admin/staff")
    assert response.status_code == 200 and "Mr Head" in response.get_data(as_text=True)
    created = actions.post("/admin/staff", {"name": "Ms <b>Rivera</b>", "email": "R@Example.com",
                                            "role": "teacher", "password": "a-long-password"},
                           token_from="/admin/staff", follow_redirects=True)
    text = created.get_data(as_text=True)
    assert "Account created for Ms &lt;b&gt;Rivera&lt;/b&gt; (r@example.com), teacher." in text
    assert "/admin/staff" in page  # the nav links the page for admins
    teacher = db.session.scalar(select(User).where(User.email == "r@example.com"))
    assert teacher.role == "teacher" and teacher.check_password("a-long-password")
    actions.logout()
    assert actions.login("r@example.com", "a-long-password").status_code == 302


def test_bad_staff_forms_say_why_and_write_nothing(make_user, actions):
    make_user("head@example.com", "admin")
    make_user("taken@example.com", "teacher")
    actions.login("head@example.com")
    before = db.session.scalar(select(func.count()).select_from(User))
    for data, words in (
            ({"name": "A", "email": "taken@example.com", "role": "teacher",
              "password": "a-long-password"}, "already exists"),
            ({"name": "A", "email": "a@example.com", "role": "teacher", "password": "short"},
             "between"),
            ({"name": "A", "email": "a@example.com", "role": "student",
              "password": "a-long-password"}, "Not a valid choice"),
            ({"name": "", "email": "not-an-email", "role": "teacher",
              "password": "a-long-password"}, "Invalid email")):
        response = actions.post("/admin/staff", data, token_from="/admin/staff")
        assert response.status_code == 400 and words in response.get_data(as_text=True), words
    assert db.session.scalar(select(func.count()).select_from(User)) == before


def test_teachers_do_not_see_the_staff_page(make_user, actions):
    make_user("t@example.com", "teacher")
    actions.login("t@example.com")
    assert actions.client.get("/admin/staff").status_code == 403
    assert "/admin/staff" not in actions.client.get("/teacher/").get_data(as_text=True)
