"""The whole quiz loop in a real browser: a teacher sets a quiz; one student runs out of time
and is submitted by the countdown, another leaves and resumes on a new browser; the teacher
regrades a question; the students see their results. Screenshots go to docs/screenshots/."""
import re
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.models import Enrolment, QuizAnswer, QuizAttempt
from quizapp.services import accounts, authoring, classes
from tests.e2e.conftest import login, open_page

pytestmark = pytest.mark.e2e
DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
QUESTIONS = [
    ("mcq", "Which city is the capital of Pakistan?", "Islamabad",
     ["Islamabad", "Karachi", "Lahore", "Quetta"]),
    ("short", "Who was Iran's foreign minister in January 2024?", "Hossein Amir-Abdollahian", []),
    ("truefalse", "Pakistan recalled its ambassador from Iran.", "true", []),
    ("mcq", "Which country struck Pakistan first?", "Iran", ["Iran", "India", "Afghanistan"]),
]


def shoot(page, name: str) -> None:
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def school(in_db):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher", name="Ms Rivera")
        school_class = classes.create_class(session, teacher, f"Year 9 {tag}")
        qset, _ = authoring.create_set(session, teacher, f"Strikes {tag}")
        for kind, prompt, answer, choices in QUESTIONS:
            authoring.add_question(session, qset, {"kind": kind, "category": "what",
                                                   "prompt": prompt, "answer": answer,
                                                   "choices": choices})
        emails = {}
        for name in ("Ana", "Ben"):
            student = accounts.create_user(session, f"{name.lower()}{tag}@example.com",
                                           "password123", name=name)
            session.add(Enrolment(class_id=school_class.id, student_id=student.id))
            emails[name] = student.email
        return {"teacher": teacher.email, "class": school_class.name, "set": qset.title,
                **emails}

    return in_db(setup)


def set_quiz(page, school) -> str:
    login(page, school["teacher"])
    page.goto("/teacher/quizzes/new")
    page.get_by_label("Title").fill("Friday quiz")
    page.get_by_label(school["set"], exact=True).check()
    page.get_by_label(school["class"], exact=True).check()
    page.get_by_label("Time limit in minutes").fill("0.5")
    page.get_by_label("After submitting, students see").select_option("right_answers")
    shoot(page, "quiz-teacher-new")
    page.get_by_role("button", name="Set the quiz").click()
    page.wait_for_selector("text=Quiz Friday quiz is set.")
    return page.url


def answer_one(fieldset) -> None:
    """The right answer, by keyboard: focus the field, then type or pick."""
    prompt = fieldset.locator(".prompt").inner_text()
    kind, _, answer, _ = next(q for q in QUESTIONS if q[1] in prompt)
    if kind == "short":
        fieldset.get_by_label("Your answer").focus()
        fieldset.page.keyboard.type(answer)
    else:
        label = "True" if kind == "truefalse" else answer
        fieldset.get_by_label(label, exact=True).focus()
        fieldset.page.keyboard.press("Space")


def saved_answers(in_db, email: str) -> int:
    return in_db(lambda s: s.scalar(select(func.count()).select_from(QuizAnswer).join(
        QuizAttempt).where(QuizAttempt.user.has(email=email), QuizAnswer.given.is_not(None))))


def questions(page, skip: tuple[str, ...]) -> list:
    return [f for f in page.locator("fieldset.quiz-question").all()
            if not any(text in f.locator(".prompt").inner_text() for text in skip)]


def test_the_quiz_loop(page, phone, browser, base_url, in_db, school):
    quiz_url = set_quiz(page, school)
    shoot(page, "quiz-teacher-page")

    # Ben answers two questions, leaves, and resumes in another browser.
    context, ben, errors = open_page(browser, base_url, viewport={"width": 1000, "height": 800})
    login(ben, school["Ben"])
    ben.goto("/student/")
    ben.get_by_role("link", name="Friday quiz").click()
    ben.get_by_role("button", name="Start the quiz").click()
    ben.wait_for_selector("fieldset.quiz-question")
    for fieldset in questions(ben, ("foreign minister",))[:2]:
        answer_one(fieldset)
    ben.wait_for_selector(".autosave >> text=Saved.")
    for _ in range(50):  # the autosave after the last keystroke has landed
        if saved_answers(in_db, school["Ben"]) == 2:
            break
        ben.wait_for_timeout(100)
    assert saved_answers(in_db, school["Ben"]) == 2
    shoot(ben, "quiz-student-attempt")
    context.close()
    assert errors == []
    context, ben, errors = open_page(browser, base_url, viewport={"width": 1000, "height": 800})
    login(ben, school["Ben"])
    ben.goto("/student/")
    ben.get_by_role("link", name="continue").click()
    ben.wait_for_selector("fieldset.quiz-question")
    assert ben.locator("input[type=radio]:checked").count() + sum(
        1 for box in ben.locator("input[type=text]").all() if box.input_value()) == 2
    for fieldset in questions(ben, ("foreign minister",))[2:]:
        answer_one(fieldset)
    ben.get_by_role("button", name="Review and submit").click()
    ben.wait_for_selector("text=1 question not answered")
    shoot(ben, "quiz-student-summary")
    ben.get_by_role("button", name="Submit the quiz").click()
    ben.wait_for_selector("text=Your quiz is submitted.")
    assert "Your score: 3 / 4" in ben.inner_text("main")
    shoot(ben, "quiz-student-result")

    # Ana, on a phone, answers one question and lets the countdown run out.
    login(phone, school["Ana"])
    phone.goto("/student/")
    phone.get_by_role("link", name="Friday quiz").click()
    phone.get_by_role("button", name="Start the quiz").click()
    phone.wait_for_selector(".countdown")
    for fieldset in questions(phone, ("foreign minister", "capital", "struck")):
        answer_one(fieldset)
    phone.wait_for_selector(".autosave >> text=Saved.")
    shoot(phone, "quiz-student-phone")
    phone.wait_for_selector("text=Submitted when the time ran out", timeout=45_000)
    assert "Your score: 1 / 4" in phone.inner_text("main")
    shoot(phone, "quiz-student-timed-out")

    # The teacher sees both attempts and gives everyone the foreign-minister point.
    page.goto(quiz_url)
    assert page.locator("table.attempts tbody tr").count() == 2
    assert "time ran out" in page.inner_text("table.attempts")
    question = page.locator("li", has_text="foreign minister")
    question.get_by_label("Give everyone the point").check()
    question.get_by_role("button", name="Regrade").click()
    page.wait_for_selector("text=Regraded: 2 submitted attempts rescored.")
    shoot(page, "quiz-teacher-regraded")
    scores = in_db(lambda s: sorted(a.score for a in s.scalars(
        select(QuizAttempt).join(QuizAttempt.user).where(
            QuizAttempt.user.has(email=school["Ben"]) | QuizAttempt.user.has(
                email=school["Ana"])))))
    assert scores == [2.0, 4.0]

    # Each student sees their new score and the right answers, as the teacher allowed.
    ben.goto("/student/quizzes")
    ben.get_by_role("link", name="Friday quiz").click()
    ben.get_by_role("link", name=re.compile("Attempt 1")).click()
    text = ben.inner_text("main")
    assert "Your score: 4 / 4" in text and "Answer: Hossein Amir-Abdollahian" in text
    shoot(ben, "quiz-student-regraded")
    context.close()
    assert errors == []
