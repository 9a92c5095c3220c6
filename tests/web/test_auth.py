"""Accounts through the browser's eyes: register with a class code, log in and out, passwords."""
import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Enrolment, User


def register(actions, code, email="kim@example.com", password="password123", confirm=None):
    return actions.post("/auth/register", {
        "name": "Kim", "email": email, "password": password,
        "confirm": confirm or password, "class_code": code})


def test_a_student_joins_with_a_class_code(app, actions, make_user, make_class):
    school_class = make_class(make_user("t@example.com", "teacher"))
    response = register(actions, school_class.join_code.lower())
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "kim@example.com"))
    assert user.role == "student" and user.password_hash.startswith("scrypt:")
    assert db.session.scalar(select(Enrolment.class_id).where(Enrolment.student_id == user.id)) \
        == school_class.id
    page = actions.client.get("/student/").get_data(as_text=True)
    assert "Year 9 history" in page


def test_a_wrong_class_code_creates_nothing(app, actions):
    response = register(actions, "NOPE1234")
    assert response.status_code == 400
    assert "No open class has that code" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_a_duplicate_email_is_refused_without_confirming_it(app, actions, make_user, make_class):
    school_class = make_class(make_user("t@example.com", "teacher"))
    make_user("kim@example.com")
    response = register(actions, school_class.join_code, email="KIM@example.com")
    assert response.status_code == 400
    assert "If you have one, log in" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(User)) == 2


def test_mismatched_passwords_are_refused(app, actions, make_user, make_class):
    school_class = make_class(make_user("t@example.com", "teacher"))
    response = register(actions, school_class.join_code, confirm="password999")
    assert response.status_code == 400
    assert "The two passwords differ." in response.get_data(as_text=True)


def test_a_wrong_password_is_a_clear_401(app, actions, make_user):
    make_user("kim@example.com")
    response = actions.login("kim@example.com", "not-the-password")
    assert response.status_code == 401
    assert "do not match an account" in response.get_data(as_text=True)


def test_a_missing_csrf_token_is_refused_and_nothing_happens(app, client, make_user):
    make_user("kim@example.com")
    response = client.post("/auth/login", data={"email": "kim@example.com",
                                                "password": "password123"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.get_data(as_text=True)
    assert client.get("/student/").status_code == 302  # still logged out


def test_login_goes_home_by_role(app, actions, make_user):
    make_user("t@example.com", "teacher")
    response = actions.login("t@example.com")
    assert response.status_code == 302
    assert actions.client.get("/").headers["Location"].endswith("/teacher/")


def test_next_stays_on_site(app, actions, make_user):
    make_user("kim@example.com")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"):
        response = actions.post("/auth/login", {"email": "kim@example.com",
                                                "password": "password123", "next": target})
        assert response.headers["Location"] == "/", target
        actions.logout()
    response = actions.post("/auth/login", {"email": "kim@example.com",
                                            "password": "password123", "next": "/student/"})
    assert response.headers["Location"] == "/student/"


def test_a_copied_cookie_dies_at_logout(app, actions, make_user, client):
    make_user("kim@example.com")
    actions.login("kim@example.com")
    stolen = client.get_cookie("session").value
    actions.logout()
    client.set_cookie("session", stolen)
    assert client.get("/student/").status_code == 302


def test_changing_the_password_ends_other_sessions(app, actions, make_user, client):
    make_user("kim@example.com")
    actions.login("kim@example.com")
    other_device = client.get_cookie("session").value
    response = actions.post("/auth/password", {"current": "password123", "new": "newpassword1",
                                               "confirm": "newpassword1"})
    assert response.status_code == 302
    assert client.get("/student/").status_code == 200  # this device stays logged in
    client.set_cookie("session", other_device)
    assert client.get("/student/").status_code == 302  # the old cookie is logged out
    assert actions.login("kim@example.com", "newpassword1").status_code == 302


def test_roles_are_checked(app, actions, make_user):
    make_user("kim@example.com")
    actions.login("kim@example.com")
    assert actions.client.get("/teacher/").status_code == 403
    assert actions.client.get("/teacher/", headers={"Accept": "application/json"}).json == \
        {"error": {"code": 403, "message": "You do not have access to that page."}}


def test_pages_need_a_login(app, client):
    for url in ("/student/", "/teacher/", "/auth/password"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login?next=" in response.headers["Location"]


def test_login_is_rate_limited(make_app):
    client = make_app(RATELIMIT_ENABLED=True).test_client()
    codes = []
    for _ in range(12):
        page = client.get("/auth/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        codes.append(client.post("/auth/login", data={"csrf_token": token, "email": "x@example.com",
                                                      "password": "wrongwrong"}).status_code)
    assert codes[:10] == [401] * 10 and codes[-1] == 429


def test_a_form_sent_after_the_session_ended_says_so(app, actions, make_user, client):
    make_user("kim@example.com")
    actions.login("kim@example.com")
    token = actions.token("/student/settings")
    other = client.get_cookie("session").value
    actions.logout()
    client.set_cookie("session", other)  # the page was open in a tab before logging out
    response = client.post("/student/join", data={"csrf_token": token, "class_code": "ABCD2345"},
                           headers={"Referer": "http://localhost/student/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=/student/"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "that form was not saved" in page


def test_json_clients_get_a_401(app, client):
    response = client.get("/student/", headers={"Accept": "application/json"})
    assert response.status_code == 401 and response.json["error"]["code"] == 401


def test_registration_keeps_the_browsers_time_zone_when_real(app, actions, make_user,
                                                              make_class):
    school_class = make_class(make_user("t@example.com", "teacher"))
    for email, zone, kept in (("a@example.com", "America/New_York", "America/New_York"),
                              ("b@example.com", "Not/AZone", "UTC")):
        actions.post("/auth/register", {"name": "A", "email": email, "password": "password123",
                                        "confirm": "password123", "timezone": zone,
                                        "class_code": school_class.join_code})
        actions.logout()
        assert db.session.scalar(select(User.timezone).where(User.email == email)) == kept
