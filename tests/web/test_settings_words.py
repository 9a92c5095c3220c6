"""Study settings in the student's words: what retention means, the longest wait in days, and
time zones grouped by region."""
import re

import pytest


@pytest.fixture
def student(make_user):
    return make_user("kim@example.com")


def test_settings_explain_retention_and_the_longest_wait(student, actions):
    actions.login("kim@example.com")
    page = actions.client.get("/student/settings").get_data(as_text=True)
    assert "Desired retention" not in page and "Longest interval" not in page
    assert "How much you want to remember" in page and "about 9 in 10" in page
    assert "Longest wait between reviews (days)" in page and "no limit" in page


def test_time_zones_are_grouped_by_region(student, actions):
    actions.login("kim@example.com")
    page = actions.client.get("/student/settings").get_data(as_text=True)
    groups = re.findall(r'<optgroup label="([^"]+)">', page)
    assert groups[:2] == ["Africa", "America"] and "Europe" in groups and groups[-1] == "Other"
    europe = re.search(r'<optgroup label="Europe">(.*?)</optgroup>', page, re.S).group(1)
    assert re.search(r'<option value="Europe/Paris">Paris</option>', europe)
    assert re.search(r'value="America/Argentina/Buenos_Aires">Argentina / Buenos Aires<', page)
    assert 'data-suggest-zone' in page  # still UTC: the browser's zone is offered


def test_a_grouped_zone_and_an_old_alias_both_save(student, actions):
    actions.login("kim@example.com")
    for zone in ("Europe/Paris", "US/Eastern"):
        saved = actions.post("/student/settings", {
            "desired_retention": "0.9", "new_per_day": "10", "daily_reviews": "10",
            "maximum_interval": "365", "timezone": zone, "rollover_hour": "4"},
            token_from="/student/settings")
        assert saved.status_code == 302
        assert student.timezone == zone
    page = actions.client.get("/student/settings").get_data(as_text=True)
    assert 'data-suggest-zone' not in page
