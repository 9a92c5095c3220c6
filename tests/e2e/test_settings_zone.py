"""The settings page chooses the browser's own time zone while the student's is still UTC."""
import uuid

import pytest

from quizapp.services import accounts
from tests.e2e.conftest import login, open_page

pytestmark = pytest.mark.e2e


@pytest.fixture
def tokyo(browser, base_url):
    context, page, errors = open_page(browser, base_url, timezone_id="Asia/Tokyo")
    yield page
    context.close()
    assert errors == [], f"the browser console reported errors: {errors}"


def test_the_browsers_zone_is_chosen_and_saved_on_save(tokyo, in_db):
    email = f"z{uuid.uuid4().hex[:6]}@example.com"
    in_db(lambda s: accounts.create_user(s, email, "password123"))
    login(tokyo, email)
    tokyo.goto("/student/settings")
    assert tokyo.locator("#timezone").input_value() == "Asia/Tokyo"
    assert tokyo.get_by_text("Your browser's time zone, Asia/Tokyo").is_visible()
    tokyo.get_by_role("button", name="Save").click()
    tokyo.wait_for_selector(".flash")
    assert in_db(lambda s: accounts.find_user(s, email).timezone) == "Asia/Tokyo"
    assert tokyo.locator("[data-suggest-zone]").count() == 0
