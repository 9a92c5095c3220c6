"""The review queue: quality scores, the source sentence marked in the escaped article,
approve / edit / reject with a reason, one at a time or in bulk. Only approved questions reach
students."""
import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, Enrolment, Question
from quizapp.services import catalogue, classes
from tests.web.teacher.conftest import question


def statuses() -> dict[str, str]:
    db.session.expire_all()
    return dict(db.session.execute(select(Question.uid, Question.status)).all())


def test_the_queue_lists_drafts_best_first_with_their_scores(as_teacher, drafts):
    page = as_teacher.client.get(f"/teacher/sets/{drafts.id}/review").get_data(as_text=True)
    assert "4 drafts to review" in page
    queue = page[page.index('<ol class="questions review">'):]
    assert queue.index(">0.90<") < queue.index(">0.80<")
    assert "Pakistan recalled its ambassador from Iran." in page  # a source sentence


def test_one_question_shows_its_sentence_marked_in_the_article(as_teacher, drafts):
    row = question("q-tiny-who-mcq")
    page = as_teacher.client.get(f"/teacher/questions/{row.id}/review").get_data(as_text=True)
    assert ('<mark id="source">Iranian Foreign Minister Hossein Amir-Abdollahian spoke in '
            'Tehran on Tuesday.</mark> Pakistan recalled') in page


def test_script_in_an_article_is_escaped_before_marking(as_teacher, drafts):
    article = db.session.scalar(select(Article))
    row = question("q-tiny-who-mcq")
    article.text = "<script>alert(1)</script>" + article.text[25:]
    row.source_text = article.text[row.source_start:row.source_end]
    db.session.commit()
    page = as_teacher.client.get(f"/teacher/questions/{row.id}/review").get_data(as_text=True)
    assert '<mark id="source">&lt;script&gt;alert(1)&lt;/script&gt;' in page
    assert "<script>alert(1)" not in page


def test_approve_and_reject_one_at_a_time(as_teacher, drafts):
    first, second = question("q-tiny-who-mcq"), question("q-tiny-tf")
    url = f"/teacher/questions/{first.id}/review"
    response = as_teacher.post(f"/teacher/questions/{first.id}/approve", token_from=url)
    assert response.status_code == 302 and "/review" in response.location
    response = as_teacher.post(f"/teacher/questions/{second.id}/reject", {"reason": ""},
                               token_from=url, follow_redirects=True)
    assert "Say why the question is rejected." in response.get_data(as_text=True)
    as_teacher.post(f"/teacher/questions/{second.id}/reject", {"reason": "Too easy"},
                    token_from=url)
    assert statuses()["q-tiny-who-mcq"] == "approved"
    assert statuses()["q-tiny-tf"] == "rejected"
    assert question("q-tiny-tf").reject_reason == "Too easy"


def test_edit_and_approve_from_the_queue(as_teacher, drafts):
    row = question("q-tiny-where-cloze")
    url = f"/teacher/questions/{row.id}/edit"
    response = as_teacher.post(url, {"kind": "cloze", "category": "where",
                                     "prompt": "The minister spoke in _____ on Tuesday.",
                                     "answer": "Tehran", "approve": "1", "back": "review"})
    assert response.status_code == 302 and response.location.endswith(
        f"/teacher/sets/{drafts.id}/review")
    assert statuses()["q-tiny-where-cloze"] == "approved"


def test_approve_all_above_a_score(as_teacher, drafts):
    url = f"/teacher/sets/{drafts.id}/review"
    page = as_teacher.post(f"{url}/above", {"threshold": "0.8"}, token_from=url,
                           follow_redirects=True).get_data(as_text=True)
    approved = {uid for uid, s in statuses().items() if s == "approved"}
    expected = {q.uid for q in drafts.questions if (q.quality or 0) >= 0.8}
    assert approved == expected and f"{len(expected)} questions approved." in page


@pytest.mark.parametrize("action,reason,status", [("approve", "", "approved"),
                                                   ("reject", "Off topic", "rejected")])
def test_bulk_actions_on_ticked_questions(as_teacher, drafts, action, reason, status):
    url = f"/teacher/sets/{drafts.id}/review"
    ids = [question("q-tiny-tf").id, question("q-tiny-who-short").id]
    as_teacher.client.post(f"{url}/bulk", data={"csrf_token": as_teacher.token(url),
                                                "ids": ids, "action": action,
                                                "reason": reason})
    assert statuses()["q-tiny-tf"] == statuses()["q-tiny-who-short"] == status
    assert statuses()["q-tiny-who-mcq"] == "draft"


def test_bulk_reject_without_a_reason_changes_nothing(as_teacher, drafts):
    url = f"/teacher/sets/{drafts.id}/review"
    response = as_teacher.client.post(f"{url}/bulk", follow_redirects=True, data={
        "csrf_token": as_teacher.token(url), "ids": [question("q-tiny-tf").id],
        "action": "reject"})
    assert "Nothing was changed" in response.get_data(as_text=True)
    assert set(statuses().values()) == {"draft"}


def test_only_approved_questions_reach_students(as_teacher, teacher, student, drafts,
                                                make_class):
    school_class = make_class(teacher)
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    classes.set_assignment(db.session, school_class, drafts.id)
    db.session.commit()
    assert [n for _, n in catalogue.student_sets(db.session, student)] == [0]
    row = question("q-tiny-tf")
    as_teacher.post(f"/teacher/questions/{row.id}/approve",
                    token_from=f"/teacher/questions/{row.id}/review")
    db.session.expire_all()
    assert [n for _, n in catalogue.student_sets(db.session, student)] == [1]


def test_a_sentence_not_in_the_article_is_shown_beside_it_unmarked(as_teacher, drafts):
    row = question("q-tiny-who-mcq")
    row.source_text = "A sentence from another article."
    db.session.commit()
    page = as_teacher.client.get(f"/teacher/questions/{row.id}/review").get_data(as_text=True)
    assert '<mark id="source">' not in page
    assert '<blockquote class="source">A sentence from another article.</blockquote>' in page


def test_approve_above_defaults_to_the_fitted_score(as_teacher, drafts):
    from quizapp.generation.quality_model import load_model

    page = as_teacher.client.get(f"/teacher/sets/{drafts.id}/review").get_data(as_text=True)
    form = page[page.index('class="card row threshold"'):]
    assert f'value="{load_model().approve_above:.2f}"' in form[:form.index("</form>")]
