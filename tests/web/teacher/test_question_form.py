"""Writing a question: multiple choice asks for the right answer once (one of the choices,
marked); true/false is a choice of two, not a typed word; each kind's hint shows alone, and the
form works without a script (a button shows the chosen kind's fields)."""
import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services import authoring


@pytest.fixture
def own_set(teacher):
    qset, _ = authoring.create_set(db.session, teacher, "World news")
    db.session.commit()
    return qset


def shown(page: str) -> str:
    """The form without the blocks and hints hidden from view."""
    return re.sub(r'<(p|div|fieldset) [^>]*data-kinds="[^"]*" hidden>.*?</\1>', "", page,
                  flags=re.S)


def test_multiple_choice_asks_for_the_answer_once(as_teacher, own_set):
    url = f"/teacher/sets/{own_set.id}/questions/new"
    page = shown(as_teacher.client.get(url).get_data(as_text=True))
    assert 'name="answer"' not in page and 'name="right"' in page
    assert page.count('name="choices"') == 6
    response = as_teacher.post(url, {"kind": "mcq", "category": "where",
                                      "prompt": "Which city is Iran's capital?",
                                      "choices": ["Isfahan", "Tehran", "", "Shiraz", "", ""],
                                      "right": "1",
                                      "answer": "ignored"})
    assert response.status_code == 302
    row = db.session.scalar(select(Question))
    assert (row.answer, row.choices) == ("Tehran", ["Isfahan", "Tehran", "Shiraz"])


def test_editing_a_multiple_choice_question_marks_its_answer(as_teacher, own_set):
    row = authoring.add_question(db.session, own_set, {
        "kind": "mcq", "category": "where", "prompt": "Capital?", "answer": "Tehran",
        "choices": ["Isfahan", "Tehran", "Shiraz", "Qom", "Tabriz", "Yazd"]})
    db.session.commit()
    page = as_teacher.client.get(f"/teacher/questions/{row.id}/edit").get_data(as_text=True)
    assert re.search(r'<input type="radio" name="right" value="1" id="right-1" checked>', page)
    assert page.count('name="choices"') == 7  # a spare box for another choice
    assert 'value="Yazd"' in page


def test_true_or_false_is_a_choice_of_two(as_teacher, own_set):
    url = f"/teacher/sets/{own_set.id}/questions/new"
    page = as_teacher.post(url, {"kind": "truefalse", "switch": "1"},
                           token_from=url).get_data(as_text=True)
    form = shown(page)
    assert 'type="radio" value="true"' in form and 'type="radio" value="false"' in form
    assert 'name="answer"' not in form and "write true or false" not in page
    as_teacher.post(url, {"kind": "truefalse", "category": "what", "truth": "false",
                          "prompt": "The Danube flows into the North Sea."})
    assert db.session.scalar(select(Question.answer)) == "false"


@pytest.mark.parametrize("kind", ["mcq", "cloze", "short", "truefalse"])
def test_only_the_chosen_kinds_hint_shows(as_teacher, own_set, kind):
    url = f"/teacher/sets/{own_set.id}/questions/new"
    page = as_teacher.post(url, {"kind": kind, "switch": "1"}, token_from=url)
    assert page.status_code == 200
    hints = re.findall(r'<p class="hint" data-kinds="(\w+)"( hidden)?>', page.get_data(True))
    assert [k for k, hidden in hints if not hidden] == [kind]
    assert len(hints) == 4
    assert db.session.scalar(select(Question)) is None  # switching the kind saves nothing


def test_editing_a_generated_multiple_choice_question_keeps_its_typed_alternatives(
        as_teacher, drafts):
    from tests.web.teacher.conftest import question

    row = question("q-tiny-who-mcq")
    url = f"/teacher/questions/{row.id}/edit"
    page = as_teacher.client.get(url).get_data(as_text=True)
    boxes = re.findall(r'name="choices" id="choice-\d+" value="([^"]*)"', page)
    right = re.search(r'name="right" value="(\d+)"[^>]* checked', page).group(1)
    accepted = re.search(r'<textarea[^>]*name="accepted"[^>]*>\s*(.*?)</textarea>', page,
                         re.S).group(1)
    response = as_teacher.post(url, {"kind": "mcq", "category": "who",
                                     "prompt": "Who was Iran's foreign minister?",
                                     "choices": boxes, "right": right, "accepted": accepted})
    assert response.status_code == 302
    db.session.expire_all()
    edited = question("q-tiny-who-mcq")
    assert edited.accepted == ["Amir-Abdollahian"] and edited.answer == "Hossein Amir-Abdollahian"
