"""Typed answers on the study page: a forgiven misspelling proposes Hard at best, and an acronym
the source spells out may be answered in its long form."""
import pytest

from quizapp.extensions import db
from quizapp.models import Enrolment, Question
from quizapp.services import authoring, classes
from tests.web.test_study import answer, card_page, token_payload

QUESTIONS = {"Toulouse": ("Where is Airbus based?", None),
             "USAF": ("Which air force flew the tanker?",
                      "The United States Air Force (USAF) flew the tanker.")}


@pytest.fixture
def typed(app, make_user, make_class):
    teacher = make_user("t@example.com", "teacher")
    school_class = make_class(teacher)
    qset, _ = authoring.create_set(db.session, teacher, "Aircraft")
    for answer_text, (prompt, source) in QUESTIONS.items():
        question = authoring.add_question(db.session, qset, {
            "kind": "short", "category": "what", "prompt": prompt, "answer": answer_text})
        question.status, question.source_text = "approved", source
    classes.set_assignment(db.session, school_class, qset.id)
    db.session.add(Enrolment(class_id=school_class.id, student_id=make_user("kim@example.com").id))
    db.session.commit()


def answer_card(actions, wanted: str, given: str) -> str:
    """Answers the only card left to study, the one for ``wanted``."""
    _, token = card_page(actions)
    assert db.session.get(Question, token_payload(token)["q"]).answer == wanted
    return answer(actions, token, given).get_data(as_text=True)


@pytest.mark.parametrize("given, suggested", [("Tolouse", "Hard"), ("Toulouse", "Easy")])
def test_a_forgiven_misspelling_never_suggests_easy(typed, actions, given, suggested):
    db.session.query(Question).filter_by(answer="USAF").update({"status": "draft"})
    db.session.commit()
    actions.login("kim@example.com")
    feedback = answer_card(actions, "Toulouse", given)
    assert "Not quite" not in feedback
    assert f"We suggest <strong>{suggested}</strong>" in feedback


@pytest.mark.parametrize("source, right", [
    ("The United States Air Force (USAF) flew the tanker.", True),
    ("The USAF flew the tanker.", False)])
def test_the_long_form_counts_only_where_the_source_defines_it(typed, actions, source, right):
    db.session.query(Question).filter_by(answer="Toulouse").update({"status": "draft"})
    db.session.query(Question).filter_by(answer="USAF").update({"source_text": source})
    db.session.commit()
    actions.login("kim@example.com")
    feedback = answer_card(actions, "USAF", "US Air Force")
    assert ("Not quite" not in feedback) is right
