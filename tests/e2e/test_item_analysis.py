"""A teacher reads a quiz's item analysis in a real browser: a class of twelve has taken a
six-question quiz; two questions are flagged, and the flag leads to the question's edit page.
Screenshots go to docs/screenshots/ (wide and on a phone)."""
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizapp.models import Enrolment, QuizAttempt, Review
from quizapp.services import accounts, attempts, authoring, classes, quizzes
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NOW = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=1)
# (kind, prompt, answer, choices, who gets it right: student rank 0 (weakest) … 11)
QUESTIONS = [
    ("mcq", "Which city is the capital of Pakistan?", "Islamabad",
     ["Islamabad", "Karachi", "Lahore", "Quetta"], lambda i: i >= 3),
    ("short", "Who was Iran's foreign minister in January 2024?", "Hossein Amir-Abdollahian", [],
     lambda i: i >= 7),
    ("truefalse", "Pakistan recalled its ambassador from Iran.", "true", [], lambda i: True),
    ("mcq", "Which country struck Pakistan first?", "Iran", ["Iran", "India", "Afghanistan"],
     lambda i: i >= 5),
    ("mcq", "Which province did the strikes hit?", "Balochistan",
     ["Balochistan", "Sindh", "Punjab", "Khyber Pakhtunkhwa"], lambda i: i < 4),
    ("short", "Which group did Iran say it targeted?", "Jaish al-Adl", [], lambda i: i >= 2),
]
NAMES = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lia"]


def given(answer, rank: int) -> str | None:
    kind, _, right, choices, knows = next(q for q in QUESTIONS if q[1] == answer.question.prompt)
    if kind == "mcq":
        pick = right if knows(rank) else [c for c in choices if c != right][rank % 2]
        return next(cid for cid, text in answer.choices if text == pick)
    if kind == "truefalse":
        return right if knows(rank) else "false"
    return right if knows(rank) else (None if rank % 3 == 0 else "I am not sure")


@pytest.fixture
def analysed_quiz(in_db):
    tag = uuid.uuid4().hex[:6]

    def setup(session):
        teacher = accounts.create_user(session, f"t{tag}@example.com", "password123",
                                       role="teacher", name="Ms Rivera")
        school_class = classes.create_class(session, teacher, f"Year 9 {tag}")
        qset, _ = authoring.create_set(session, teacher, f"Strikes {tag}")
        made = [authoring.add_question(session, qset, {
            "kind": kind, "category": "what", "prompt": prompt, "answer": answer,
            "choices": choices}) for kind, prompt, answer, choices, _ in QUESTIONS]
        quiz = quizzes.create_quiz(session, teacher, {
            "title": "Friday quiz", "question_count": None,
            "fixed_question_ids": [q.id for q in made], "kinds": [], "shuffle_questions": False,
            "shuffle_choices": True, "one_per_page": False, "time_limit_seconds": None,
            "attempts_allowed": 1, "grading": "highest", "opens_at": None, "closes_at": None,
            "points": 1.0, "shows": "answers", "shows_when": "submitted",
            "feeds_schedule": False}, [qset], [school_class])
        for rank, name in enumerate(NAMES):
            student = accounts.create_user(session, f"{name.lower()}{tag}@example.com",
                                           "password123", name=name)
            session.add(Enrolment(class_id=school_class.id, student_id=student.id))
            for n, question in enumerate(made[:2]):  # studied the first two before the quiz
                session.add(Review(user_id=student.id, question_id=question.id,
                                   rating=3 if (rank + n) % 3 else 1, origin="study",
                                   reviewed_at=NOW - timedelta(days=3), study_day=date.today(),
                                   request_id=f"e2e-{question.id}"))
            start = NOW + timedelta(minutes=rank)
            started = attempts.start_attempt(session, student, quiz, start, 0)
            attempt = session.get(QuizAttempt, started.attempt_id)
            posted = {f"a{a.position}": value for a in attempt.answers
                      if (value := given(a, rank)) is not None}
            attempts.save_answers(session, attempt, posted, start, 0)
            attempts.submit(session, attempt, start + timedelta(minutes=9), 0)
        return {"teacher": teacher.email, "quiz": quiz.id,
                "bad": made[4].id, "easy": made[2].id}

    return in_db(setup)


def test_a_teacher_reads_the_item_analysis_and_opens_a_flagged_question(
        page, phone, analysed_quiz):
    login(page, analysed_quiz["teacher"])
    page.goto(f"/teacher/quizzes/{analysed_quiz['quiz']}")
    page.get_by_role("link", name="Item analysis").click()
    page.wait_for_selector("h1:has-text('Item analysis: Friday quiz')")
    main = page.inner_text("main")
    assert "12 submitted attempts counted" in main
    assert "Questions to look at (2)" in main
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SHOTS / "quiz-item-analysis.png"), full_page=True)

    page.get_by_label("Attempts to count", exact=True).select_option("all")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**attempts=all")
    assert "every attempt" in page.inner_text("main")

    page.get_by_role("link", name="Edit question 5: Which province did the strikes hit?").click()
    page.wait_for_url(f"**/teacher/questions/{analysed_quiz['bad']}/edit")

    login(phone, analysed_quiz["teacher"])
    phone.goto(f"/teacher/quizzes/{analysed_quiz['quiz']}/analysis")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=str(DOCS_SHOTS / "quiz-item-analysis-phone.png"), full_page=True)
