"""A student joins a class in the browser, on a phone-sized screen, and logs out."""
import uuid

import pytest

from quizapp.services import accounts, classes
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_a_student_joins_on_a_phone_and_logs_out(phone, in_db, shoot):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher", name="Ms Rivera")
        return classes.create_class(session, teacher, "Year 10 <b>news</b>").join_code

    code = in_db(setup)
    phone.goto(f"/auth/register?code={code}")
    phone.get_by_label("Your name").fill("Sam")
    phone.get_by_label("Email").fill(f"sam{tag}@example.com")
    phone.get_by_label("Password", exact=True).fill("password123")
    phone.get_by_label("Password again").fill("password123")
    shoot(phone, "register-phone")
    phone.get_by_role("button", name="Create my account").click()
    assert phone.get_by_text("Year 10 <b>news</b>").is_visible()  # escaped, shown as text
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"
    shoot(phone, "student-home-phone")
    browser_zone = phone.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    assert in_db(lambda s: accounts.find_user(s, f"sam{tag}@example.com").timezone) == browser_zone
    phone.get_by_role("button", name="Log out Sam").click()
    assert phone.get_by_role("heading", name="Log in").is_visible()


def test_login_with_a_wrong_password_says_so(page, in_db):
    tag = uuid.uuid4().hex[:6]
    in_db(lambda s: accounts.create_user(s, f"k{tag}@example.com", "password123"))
    login(page, f"k{tag}@example.com", "wrong-password")
    assert page.get_by_text("do not match an account").is_visible()
    login(page, f"k{tag}@example.com")
    assert page.get_by_role("heading", name="Hello, k" + tag).is_visible()
