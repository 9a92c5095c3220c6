"""Taking a quiz through the test client: start, read the page, answer, submit."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import QuizAttempt

ATTEMPT_RE = re.compile(r"/student/attempts/(\d+)")
RADIO_RE = re.compile(r'name="a(\d+)" value="([^"]+)"')


def start(actions, quiz) -> QuizAttempt:
    response = actions.post(f"/student/quizzes/{quiz.id}/start",
                            token_from="/student/settings")
    assert response.status_code == 302, response.get_data(as_text=True)
    match = ATTEMPT_RE.search(response.headers["Location"])
    assert match, response.headers["Location"]
    return db.session.get(QuizAttempt, int(match.group(1)))


def page(actions, attempt) -> str:
    return actions.client.get(f"/student/attempts/{attempt.id}").get_data(as_text=True)


def choice_ids(html: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for position, value in RADIO_RE.findall(html):
        found.setdefault(int(position), []).append(value)
    return found


def right_answers(attempt, *, wrong: bool = False) -> dict[str, str]:
    """Form fields answering every question of the attempt right (or every one wrong)."""
    db.session.refresh(attempt)
    data = {}
    for a in attempt.answers:
        question = a.question
        if question.kind == "mcq":
            pick = [cid for cid, text in a.choices if (text == question.answer) != wrong]
            data[f"a{a.position}"] = pick[0]
        elif question.kind == "truefalse":
            data[f"a{a.position}"] = "false" if wrong else question.answer
        else:
            data[f"a{a.position}"] = "nonsense" if wrong else question.answer
    return data


def save(actions, attempt, data: dict, **kw):
    return actions.post(f"/student/attempts/{attempt.id}", data,
                        token_from="/student/settings", **kw)


def submit(actions, attempt):
    return actions.post(f"/student/attempts/{attempt.id}/submit",
                        token_from="/student/settings")
