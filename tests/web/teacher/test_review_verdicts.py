"""One-click verdicts in the review queue: approve or reject (a reason from a short list, or in
the teacher's words) on each card, then on to the next draft; keyboard shortcuts said on the
page. The one-question page is as wide as every other page, has an h1, and its article pane
is a named region reachable by keyboard."""
import re
from pathlib import Path

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question
from tests.web.teacher.conftest import question

STYLE = Path(__file__).resolve().parents[3] / "quizapp" / "static" / "style.css"


def status_of(uid: str) -> tuple[str, str | None]:
    db.session.expire_all()
    row = db.session.scalar(select(Question).where(Question.uid == uid))
    return row.status, row.reject_reason


def card(page: str, question_id: int) -> str:
    """The card's html: up to the next card, or the end of the list."""
    start = page.index(f'id="q{question_id}"')
    ends = [i for i in (page.find('<li class="card" id="q', start), page.find("</ol>", start))
            if i > 0]
    return page[start:min(ends)]


def test_each_card_in_the_queue_has_its_own_approve_and_reject(as_teacher, drafts):
    page = as_teacher.client.get(f"/teacher/sets/{drafts.id}/review").get_data(as_text=True)
    for row in drafts.questions:
        html = card(page, row.id)
        assert f'action="/teacher/questions/{row.id}/approve"' in html
        assert f'action="/teacher/questions/{row.id}/reject"' in html
        assert f'<select id="why-{row.id}" name="why"' in html
        assert "A detail not worth asking" in html
        assert f'<label for="reason-{row.id}"' in html


def test_approving_from_the_queue_goes_on_to_the_next_draft(as_teacher, drafts):
    url = f"/teacher/sets/{drafts.id}/review"
    best, second = question("q-tiny-who-mcq"), question("q-tiny-who-short")
    assert (best.quality, second.quality) == (0.9, 0.8)
    response = as_teacher.post(f"/teacher/questions/{best.id}/approve", {"back": "queue"},
                               token_from=url)
    assert response.status_code == 302
    assert response.location.endswith(f"{url}#q{second.id}")
    assert status_of("q-tiny-who-mcq") == ("approved", None)


def test_reject_with_a_reason_from_the_list_and_words_of_ones_own(as_teacher, drafts):
    url = f"/teacher/sets/{drafts.id}/review"
    row = question("q-tiny-tf")
    as_teacher.post(f"/teacher/questions/{row.id}/reject",
                    {"back": "queue", "why": "A detail not worth asking"}, token_from=url)
    assert status_of("q-tiny-tf") == ("rejected", "A detail not worth asking")
    other = question("q-tiny-who-short")
    as_teacher.post(f"/teacher/questions/{other.id}/reject",
                    {"back": "queue", "why": "Badly worded", "reason": "two questions in one"},
                    token_from=url)
    assert status_of("q-tiny-who-short") == ("rejected", "Badly worded: two questions in one")


def test_a_reason_outside_the_list_is_refused(as_teacher, drafts):
    url = f"/teacher/sets/{drafts.id}/review"
    row = question("q-tiny-tf")
    page = as_teacher.post(f"/teacher/questions/{row.id}/reject", {"why": "<b>made up</b>"},
                           token_from=url, follow_redirects=True).get_data(as_text=True)
    assert "Say why the question is rejected." in page
    assert status_of("q-tiny-tf") == ("draft", None)


def test_the_queue_says_its_keyboard_shortcuts(as_teacher, drafts):
    page = as_teacher.client.get(f"/teacher/sets/{drafts.id}/review").get_data(as_text=True)
    keys = page[page.index('class="keys'):]
    keys = keys[:keys.index("</p>")]
    for key in ("<kbd>A</kbd>", "<kbd>R</kbd>", "<kbd>J</kbd>", "<kbd>K</kbd>"):
        assert key in keys
    assert "while you type" in keys


def test_the_one_question_page_has_an_h1_and_a_keyboard_reachable_article(as_teacher, drafts):
    row = question("q-tiny-who-mcq")
    page = as_teacher.client.get(f"/teacher/questions/{row.id}/review").get_data(as_text=True)
    assert re.search(r"<h1>[^<]*A tiny test article", page)
    assert re.search(r'<div class="article-text" tabindex="0" role="region" '
                     r'aria-label="[^"]+">', page)
    assert "<kbd>A</kbd>" in page and "<kbd>N</kbd>" in page
    assert 'name="why"' in page


def test_the_one_question_page_is_as_wide_as_the_others():
    css = STYLE.read_text()
    assert not re.search(r"main:has\(\.review-one\)\s*\{[^}]*max-width", css)
