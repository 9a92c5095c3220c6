"""The page checks the journeys rely on find what they are for: an image without a text
alternative inside a link (critical for axe) and a block wider than a phone."""
import pytest

from tests.e2e.checks import check_page, visit_and_check

pytestmark = pytest.mark.e2e


def test_axe_finds_a_critical_violation(audited):
    page = audited()
    visit_and_check(page, "/auth/login")  # the real page passes
    page.evaluate("""() => {
        const link = document.createElement("a");
        link.href = "/";
        link.appendChild(document.createElement("img"));
        document.querySelector("main").appendChild(link);
    }""")
    with pytest.raises(AssertionError, match="critical image-alt"):
        check_page(page)


def test_a_page_wider_than_a_phone_is_caught(audited):
    page = audited()
    page.goto("/auth/login")
    page.evaluate("""() => {
        const wide = document.createElement("pre");
        wide.textContent = "x".repeat(300);
        document.querySelector("main").appendChild(wide);
    }""")
    with pytest.raises(AssertionError, match="scrolls .* px sideways at 375 px"):
        check_page(page)
    assert page.viewport_size["width"] == 1100  # put back after the measure
