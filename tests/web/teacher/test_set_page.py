"""The set page stays short for long sets: a compact list of questions with each question's
actions in a menu, bulk actions on ticked questions, paging and a filter by status."""
import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services import authoring

PAGE = 20


@pytest.fixture
def long_set(teacher):
    """40 questions: the even ones approved, the odd ones drafts."""
    qset, _ = authoring.create_set(db.session, teacher, "Capitals")
    for n in range(40):
        authoring.add_question(db.session, qset, {
            "kind": "short", "category": "where", "prompt": f"Question number {n:02d}?",
            "answer": f"Answer {n:02d}"}, status="approved" if n % 2 == 0 else "draft")
    db.session.commit()
    return qset


@pytest.fixture
def other_set(teacher):
    qset, _ = authoring.create_set(db.session, teacher, "Rivers")
    db.session.commit()
    return qset


def rows(page: str) -> list[str]:
    return re.findall(r"Question number (\d\d)\?", page)


def test_a_long_set_shows_one_short_page_at_a_time(as_teacher, long_set):
    url = f"/teacher/sets/{long_set.id}"
    first = as_teacher.client.get(url).get_data(as_text=True)
    assert rows(first) == [f"{n:02d}" for n in range(PAGE)]
    assert f'href="{url}?page=2"' in first and "1–20 of 40" in first
    second = as_teacher.client.get(f"{url}?page=2").get_data(as_text=True)
    assert rows(second) == [f"{n:02d}" for n in range(PAGE, 40)]
    assert as_teacher.client.get(f"{url}?page=99").status_code == 200  # the last page


def test_each_questions_actions_sit_in_one_menu(as_teacher, long_set):
    page = as_teacher.client.get(f"/teacher/sets/{long_set.id}").get_data(as_text=True)
    menus = re.findall(r'<details class="menu">(.*?)</details>', page, re.S)
    assert len(menus) == PAGE
    assert all("Edit" in m and "Delete" in m for m in menus)
    outside = re.sub(r'<details class="menu">.*?</details>', "", page, flags=re.S)
    assert ">Delete</button>" not in outside and "↑ Up" not in outside
    assert page.count('<select id="target-') == 0  # moving is one bulk action, not a select each


def test_filter_by_status(as_teacher, long_set):
    url = f"/teacher/sets/{long_set.id}"
    drafts = as_teacher.client.get(f"{url}?status=draft").get_data(as_text=True)
    assert rows(drafts) == [f"{n:02d}" for n in range(1, 40, 2)]
    assert "?status=draft&amp;page=2" not in drafts  # 20 drafts: one page
    assert as_teacher.client.get(f"{url}?status=nonsense").status_code == 200


def ids(qset, numbers):
    return [db.session.scalar(select(Question.id).where(
        Question.set_id == qset.id, Question.prompt == f"Question number {n:02d}?"))
        for n in numbers]


def statuses(qset):
    db.session.expire_all()
    return dict(db.session.execute(select(Question.prompt, Question.status).where(
        Question.set_id == qset.id)).all())


def bulk(as_teacher, qset, **data):
    url = f"/teacher/sets/{qset.id}"
    return as_teacher.client.post(f"{url}/bulk", data={"csrf_token": as_teacher.token(url),
                                                       **data}, follow_redirects=True)


def test_bulk_approve_delete_and_move(as_teacher, long_set, other_set):
    page = bulk(as_teacher, long_set, ids=ids(long_set, [1, 3]), action="approve")
    assert "2 questions approved." in page.get_data(as_text=True)
    assert statuses(long_set)["Question number 03?"] == "approved"
    page = bulk(as_teacher, long_set, ids=ids(long_set, [5]), action="delete")
    assert "1 question deleted." in page.get_data(as_text=True)
    assert "Question number 05?" not in statuses(long_set)
    page = bulk(as_teacher, long_set, ids=ids(long_set, [6, 7]), action="move",
                target=str(other_set.id))
    assert "2 questions moved to Rivers." in page.get_data(as_text=True)
    assert set(statuses(other_set)) == {"Question number 06?", "Question number 07?"}


@pytest.mark.parametrize("data", [{"action": "approve"}, {"action": "explode", "ids": [1]},
                                  {"action": "move", "ids": [1], "target": "999"}])
def test_a_bulk_action_that_cannot_be_done_changes_nothing(as_teacher, long_set, data):
    before = statuses(long_set)
    page = bulk(as_teacher, long_set, **data)
    assert page.status_code == 200 and "Nothing was changed" in page.get_data(as_text=True)
    assert statuses(long_set) == before


def test_bulk_actions_touch_only_the_sets_own_questions(as_teacher, long_set, other_teacher):
    theirs, _ = authoring.create_set(db.session, other_teacher, "Theirs")
    row = authoring.add_question(db.session, theirs, {"kind": "short", "category": "who",
                                                      "prompt": "Whose?", "answer": "Theirs"})
    db.session.commit()
    bulk(as_teacher, long_set, ids=[row.id], action="delete")
    assert db.session.scalar(select(func.count()).where(Question.id == row.id)) == 1


def test_the_page_reads_the_same_statements_for_ten_questions_or_forty(as_teacher, teacher,
                                                                      long_set):
    from tests.web.test_workload import count_statements

    small, _ = authoring.create_set(db.session, teacher, "Small")
    for n in range(10):
        authoring.add_question(db.session, small, {"kind": "short", "category": "who",
                                                   "prompt": f"Who {n}?", "answer": f"Ann {n}"})
    db.session.commit()
    counts = []
    as_teacher.client.get("/teacher/")  # the session's first page loads more than any other
    for qset in (small, long_set):
        db.session.expire_all()
        _, seen = count_statements(lambda: as_teacher.client.get(f"/teacher/sets/{qset.id}"))
        counts.append(len(seen))
    assert counts[0] == counts[1] and counts[1] <= 15, counts
