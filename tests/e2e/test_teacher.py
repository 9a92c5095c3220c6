"""A teacher goes from an article to an approved set assigned to a class, in the browser, on a
desktop screen and on a phone. Screenshots: screenshots/teacher-*.png."""
import re
import uuid

import pytest
from sqlalchemy import select

from quizapp.models import Assignment, Question, QuestionSet, User
from quizapp.services import accounts
from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SEED = "000_a09212d6aeb45f40.txt"


def nav(page, name: str):
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name)


def no_sideways_scroll(page) -> None:
    page.wait_for_load_state()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


@pytest.fixture
def teacher_email(in_db):
    email = f"t{uuid.uuid4().hex[:6]}@example.com"
    in_db(lambda s: accounts.create_user(s, email, "password123", role="teacher",
                                         name="Ms Rivera"))
    return email


def test_from_an_article_to_an_assigned_approved_set(page, in_db, shoot, teacher_email):
    login(page, teacher_email)
    nav(page, "Classes").click()
    page.get_by_label("Class name").fill("Year 10 <b>news</b>")
    page.get_by_role("button", name="Create class").click()
    assert page.get_by_role("heading", name="Year 10 <b>news</b>").is_visible()
    shoot(page, "teacher-class")

    nav(page, "From an article").click()
    page.get_by_label("…or pick an article from the library").select_option(SEED)
    shoot(page, "teacher-article")
    page.get_by_role("button", name="Write the questions").click()
    page.wait_for_url(re.compile(r"/review$"), timeout=120_000)
    assert page.get_by_text("questions are waiting for your review").is_visible()
    shoot(page, "teacher-review-queue")

    page.get_by_label("Approve every draft scoring at least").fill("0.2")
    page.get_by_role("button", name="Approve these").click()
    assert page.get_by_text(re.compile(r"\d+ questions approved\.")).is_visible()

    page.get_by_role("link", name="Review in the article").first.click()
    assert page.locator("mark#source").is_visible()
    shoot(page, "teacher-review-one")
    page.get_by_label("Reason").fill("Asks about a detail nobody needs")
    page.get_by_role("button", name="Reject").click()
    assert page.get_by_text("Question rejected.").is_visible()
    page.get_by_role("button", name="Approve", exact=True).click()
    assert page.get_by_text("Question approved.").is_visible()

    page.locator(".crumbs a").click()  # back to the queue
    shoot(page, "teacher-review-queue-after")
    page.locator(".crumbs a").click()  # the set's page
    page.get_by_label("Class").select_option(label="Year 10 <b>news</b>")
    page.get_by_role("button", name="Assign", exact=True).click()
    assert page.get_by_text("Assigned to Year 10 <b>news</b>.").is_visible()
    shoot(page, "teacher-set-assigned")

    def check(session):
        qset = session.scalar(
            select(QuestionSet).join(Assignment).join(User, User.id == QuestionSet.owner_id)
            .where(User.email == teacher_email))
        statuses = [q.status for q in session.scalars(
            select(Question).where(Question.set_id == qset.id))]
        return qset.published, statuses.count("approved"), statuses.count("rejected")

    published, approved, rejected = in_db(check)
    assert published and approved >= 2 and rejected == 1


def test_the_teacher_pages_fit_a_phone(phone, in_db, shoot, teacher_email):
    login(phone, teacher_email)
    phone.goto("/teacher/classes")
    phone.get_by_label("Class name").fill("Phone class")
    phone.get_by_role("button", name="Create class").click()
    no_sideways_scroll(phone)
    shoot(phone, "teacher-class-phone")
    phone.goto("/teacher/articles/new")
    phone.get_by_label("Paste the article").fill(
        "Pakistan recalled its ambassador from Iran on Wednesday. Iran's foreign minister "
        "Hossein Amir-Abdollahian spoke in Tehran on Tuesday about the strikes in Baluchistan.")
    phone.get_by_role("button", name="Write the questions").click()
    phone.wait_for_url(re.compile(r"/review$"), timeout=120_000)
    no_sideways_scroll(phone)
    shoot(phone, "teacher-review-queue-phone")
    links = phone.get_by_role("link", name="Review in the article")
    if links.count():
        links.first.click()
        no_sideways_scroll(phone)
        shoot(phone, "teacher-review-one-phone")
    phone.goto("/teacher/sets")
    phone.get_by_role("link", name=re.compile("Pakistan")).first.click()
    no_sideways_scroll(phone)
    shoot(phone, "teacher-set-phone")
    phone.get_by_role("link", name="Add a question").click()
    phone.get_by_label("Kind").select_option("mcq")
    phone.get_by_label("Question", exact=True).fill("Which city is Iran's capital?")
    for n, city in enumerate(("Isfahan", "Tehran", "Shiraz"), start=1):
        phone.get_by_label(f"Choice {n}", exact=True).fill(city)
    phone.get_by_role("button", name="Save", exact=True).click()
    assert phone.get_by_text("Mark the right answer: the circle").is_visible()
    no_sideways_scroll(phone)
    shoot(phone, "teacher-question-error-phone")
    phone.get_by_label("Choice 2 is the right answer").check()
    phone.get_by_role("button", name="Save", exact=True).click()
    assert phone.get_by_text("Question added.").is_visible()


def test_a_broken_import_lists_its_problems(page, shoot, teacher_email, tmp_path):
    broken = tmp_path / "week 3.gift"
    broken.write_text("::one:: Who spoke in Tehran? {=Amir-Abdollahian}\n\n"
                      "::two:: Which city? {=Tehran ~Tehran}\n\n"
                      "::three:: <script>alert(1)</script> {}\n", encoding="utf-8")
    login(page, teacher_email)
    nav(page, "Import").click()
    page.get_by_label("Question file").set_input_files(str(broken))
    page.get_by_role("button", name="Import").click()
    assert page.get_by_role("heading", name=re.compile("Nothing was imported")).is_visible()
    assert page.get_by_text(re.compile(r"^line 5")).is_visible()
    shoot(page, "teacher-import-problems")
