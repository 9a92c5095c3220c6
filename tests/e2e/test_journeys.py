"""The journeys of issue 13, each page checked as it is visited (``check_page`` for a page
reached by a click or a form, ``visit_and_check`` for one opened by its address): axe-core finds
nothing serious or critical and nothing scrolls sideways at 375 px. A page added to a journey
later is one more line of either. Screenshots of the pages go to docs/screenshots/journey-*.png
for the README."""
import re
import uuid

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.bank import load_bank
from quizapp.clock import utcnow
from quizapp.models import Review, User
from quizapp.services import accounts, authoring, banks, classes, demo, quizzes
from tests.e2e.checks import check_page, visit_and_check
from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SEED = "000_a09212d6aeb45f40.txt"
BANKS = demo.BANKS
QUESTIONS = {  # prompt → (kind, answer, choices)
    "Which city is the capital of Pakistan?": ("mcq", "Islamabad",
                                               ["Islamabad", "Karachi", "Lahore", "Quetta"]),
    "Who was Iran's foreign minister in January 2024?": ("short", "Hossein Amir-Abdollahian",
                                                         []),
    "Pakistan recalled its ambassador from Iran.": ("truefalse", "true", []),
    "Iran struck two strongholds of the group _____ in Pakistan.": ("cloze", "Jaish al-Adl", []),
}


def nav(page, name: str):
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name)


def tag() -> str:
    return uuid.uuid4().hex[:6]


def test_teacher_journey(audited, in_db):
    email = f"t{tag()}@example.com"
    in_db(lambda s: accounts.create_user(s, email, "password123", role="teacher",
                                         name="Ms Rivera"))
    page = audited()
    visit_and_check(page, "/auth/login", "journey-login")
    login(page, email)
    check_page(page, "journey-teacher-home")

    nav(page, "Classes").click()
    check_page(page)
    page.get_by_label("Class name").fill("Year 10 news")
    page.get_by_role("button", name="Create class").click()
    expect(page.get_by_role("heading", name="Year 10 news")).to_be_visible()
    check_page(page, "journey-teacher-class")
    class_url = page.url

    nav(page, "From an article").click()
    check_page(page, "journey-teacher-article")
    page.get_by_label("…or pick an article from the library").select_option(SEED)
    page.get_by_role("button", name="Write the questions").click()
    page.wait_for_url(re.compile(r"/review$"), timeout=120_000)
    check_page(page, "journey-teacher-review")
    page.get_by_label("Approve every draft scoring at least").fill("0.2")
    page.get_by_role("button", name="Approve these").click()
    expect(page.get_by_text(re.compile(r"\d+ questions approved\."))).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Review in the article").first.click()
    check_page(page, "journey-teacher-review-one")
    page.get_by_role("button", name="Approve", exact=True).click()
    check_page(page)

    page.locator(".crumbs a").click()  # back to the queue
    page.locator(".crumbs a").click()  # the set's page
    check_page(page)
    page.get_by_label("Class").select_option(label="Year 10 news")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_text("Assigned to Year 10 news.")).to_be_visible()
    check_page(page, "journey-teacher-set")
    set_title = page.get_by_role("heading", level=1).inner_text()

    nav(page, "Quizzes").click()
    check_page(page)
    page.get_by_role("link", name=re.compile("New quiz|Set a quiz")).first.click()
    check_page(page, "journey-teacher-quiz-new")
    page.get_by_label("Title").fill("Friday quiz")
    page.get_by_label(set_title, exact=True).check()
    page.get_by_label("Year 10 news", exact=True).check()
    page.get_by_role("button", name="Set the quiz").click()
    page.wait_for_selector("text=Quiz Friday quiz is set.")
    check_page(page, "journey-teacher-quiz")
    visit_and_check(page, class_url)
    visit_and_check(page, "/teacher/sets")


@pytest.fixture
def school(in_db):
    """A teacher's class with a set of four kinds of question and an open quiz on it."""
    mark = tag()

    def setup(session):
        teacher = accounts.create_user(session, f"t{mark}@example.com", "password123",
                                       role="teacher", name="Ms Rivera")
        school_class = classes.create_class(session, teacher, f"Year 9 {mark}")
        qset, _ = authoring.create_set(session, teacher, f"Strikes {mark}")
        for prompt, (kind, answer, choices) in QUESTIONS.items():
            authoring.add_question(session, qset, {"kind": kind, "category": "what",
                                                   "prompt": prompt, "answer": answer,
                                                   "choices": choices})
        classes.set_assignment(session, school_class, qset.id)
        quizzes.create_quiz(session, teacher, {
            "title": "Friday quiz", "question_count": None, "fixed_question_ids": [],
            "kinds": [], "shuffle_questions": True, "shuffle_choices": True,
            "one_per_page": False, "time_limit_seconds": None, "attempts_allowed": 1,
            "grading": "highest", "opens_at": None, "closes_at": None, "points": 1.0,
            "shows": "right_answers", "shows_when": "submitted", "feeds_schedule": False},
            [qset], [school_class])
        return school_class.join_code

    return mark, in_db(setup)


def answer_card(page) -> None:
    """Answer the card on screen right, from the keyboard only."""
    prompt = page.locator(".prompt").first.inner_text()
    kind, answer, _ = next(v for p, v in QUESTIONS.items() if p.split("_____")[0] in prompt)
    if kind in ("short", "cloze"):
        page.keyboard.type(answer)  # the answer box has the focus
    else:
        label = {"true": "True", "false": "False"}.get(answer, answer)
        choice = page.locator("#answer-form label.choice").filter(has_text=label)
        page.keyboard.press(choice.locator("input").get_attribute("data-key"))
    page.keyboard.press("Enter")


def test_student_journey(audited, in_db, school):
    mark, code = school
    email = f"sam{mark}@example.com"
    page = audited()
    visit_and_check(page, f"/auth/register?code={code}", "journey-student-register")
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill("password123")
    page.get_by_label("Password again").fill("password123")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()
    check_page(page, "journey-student-home")

    # A whole study session from the keyboard: Tab to "Study now", Enter, then answer and rate.
    page.get_by_role("link", name="Study now").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    seen = set()
    for _ in range(40):
        page.wait_for_selector("[data-study-page]")
        state = page.get_attribute("[data-study-page]", "data-study-page")
        if state not in ("card", "feedback"):
            break
        if state not in seen:  # each kind of study page is checked once it first shows
            check_page(page, f"journey-student-study-{state}")
            seen.add(state)
        if state == "card":
            answer_card(page)
            page.wait_for_selector("[data-study-page=feedback][data-keys=ready]")
        else:
            with page.expect_navigation():
                page.keyboard.press("4")  # Easy: right answers leave the session
    else:
        pytest.fail("the study session did not end")
    check_page(page, "journey-student-study-done")
    reviews = in_db(lambda s: s.execute(select(Review.question_id, Review.correct).join(
        User, User.id == Review.user_id).where(User.email == email)).all())
    assert len({question for question, _ in reviews}) == len(QUESTIONS)
    assert all(correct for _, correct in reviews)

    visit_and_check(page, "/student/")
    page.get_by_role("link", name="Friday quiz").click()
    check_page(page)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("fieldset.quiz-question")
    check_page(page, "journey-student-quiz")
    for fieldset in page.locator("fieldset.quiz-question").all():
        prompt = fieldset.locator(".prompt").inner_text()
        kind, answer, _ = next(v for p, v in QUESTIONS.items() if p.split("_____")[0] in prompt)
        if kind in ("short", "cloze"):
            fieldset.get_by_role("textbox").fill(answer)
        else:
            fieldset.get_by_label({"true": "True"}.get(answer, answer), exact=True).check()
    page.get_by_role("button", name="Review and submit").click()
    check_page(page)
    page.get_by_role("button", name="Submit the quiz").click()
    page.wait_for_selector("text=Your quiz is submitted.")
    assert f"Your score: {len(QUESTIONS)} / {len(QUESTIONS)}" in page.inner_text("main")
    check_page(page, "journey-student-quiz-result")
    visit_and_check(page, "/student/quizzes")
    visit_and_check(page, "/student/settings")


def test_admin_journey(audited, in_db):
    mark = tag()
    in_db(lambda s: accounts.create_user(s, f"head{mark}@example.com", "password123",
                                         role="admin", name="Mr Head"))
    page = audited()
    login(page, f"head{mark}@example.com")
    check_page(page)
    nav(page, "Staff").click()
    check_page(page)
    page.get_by_label("Name").fill("Ms Okafor")
    page.get_by_label("Email").fill(f"okafor{mark}@example.com")
    page.get_by_label("Role").select_option("teacher")
    page.get_by_label("First password").fill("a-long-password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text(f"Account created for Ms Okafor (okafor{mark}@example.com), "
                            "teacher.")).to_be_visible()
    check_page(page, "journey-admin-staff")

    teacher = audited()
    login(teacher, f"okafor{mark}@example.com", "a-long-password")
    expect(nav(teacher, "Classes")).to_be_visible()
    check_page(teacher)
    role = in_db(lambda s: s.scalar(select(User.role).where(
        User.email == f"okafor{mark}@example.com")))
    assert role == "teacher"


def test_demo_journey(audited, in_db, tmp_path):
    """What a newcomer meets after `make run`: the demo's teacher and students, with weeks of
    study and a finished quiz behind them; their pages (and the progress and class reports,
    one line each when they come) pass the same checks."""
    def load(session):
        for path in sorted(BANKS.glob("*.json")):
            banks.import_bank(session, load_bank(path))
        school_class, logins, _ = demo.ensure_demo(session, tmp_path / "logins.txt", utcnow())
        return school_class.id, logins

    class_id, logins = in_db(load)
    teacher = audited()
    login(teacher, demo.DEMO_TEACHER[0], logins[demo.DEMO_TEACHER[0]])
    check_page(teacher, "journey-demo-teacher-home")
    visit_and_check(teacher, f"/teacher/classes/{class_id}", "journey-demo-class")
    visit_and_check(teacher, f"/teacher/classes/{class_id}/report", "journey-demo-class-report")
    teacher.get_by_role("link", name=demo.DEMO_QUIZ).first.click()
    expect(teacher.locator("table.attempts tbody tr")).to_have_count(2)
    check_page(teacher, "journey-demo-quiz")
    visit_and_check(teacher, teacher.url + "/analysis", "journey-demo-quiz-analysis")
    visit_and_check(teacher, "/teacher/sets")
    ada_id = in_db(lambda s: s.scalar(select(User.id).where(
        User.email == demo.DEMO_STUDENTS[0][0])))
    visit_and_check(teacher, f"/teacher/classes/{class_id}/students/{ada_id}",
                    "journey-demo-student-report")

    ada = audited()
    login(ada, demo.DEMO_STUDENTS[0][0], logins[demo.DEMO_STUDENTS[0][0]])
    check_page(ada, "journey-demo-student-home")
    visit_and_check(ada, "/student/quizzes")
    ada.get_by_role("link", name=demo.DEMO_QUIZ).click()
    check_page(ada)
    visit_and_check(ada, "/student/study")
    visit_and_check(ada, "/student/progress", "journey-demo-progress")
