"""The review queue by keyboard: A approves the question in view and the queue moves on to the
next draft; R goes to the reason; keys typed in the reason box stay text. The one-question
page's article pane is reached with Tab. Neither page scrolls sideways on a phone."""
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.bank import load_bank
from quizapp.models import Question, QuestionSet
from quizapp.services import accounts
from quizapp.services.banks import import_bank
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e
TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"


@pytest.fixture
def queue(in_db):
    """A teacher's set of four drafts (scores 0.9, 0.8, 0.7, 0.6): the teacher's email and
    the set's id."""
    tag = uuid.uuid4().hex[:6]
    email = f"t{tag}@example.com"

    def setup(session):
        teacher = accounts.create_user(session, email, "password123", role="teacher")
        bank = load_bank(TINY)
        bank["article"]["sha256"] = uuid.uuid4().hex * 2  # an article of this teacher's own
        import_bank(session, bank, owner=teacher, status="draft", set_slug=f"tiny-{tag}")
        session.flush()
        return session.scalar(select(QuestionSet.id).where(QuestionSet.owner_id == teacher.id))

    return email, in_db(setup)


def verdicts(in_db, set_id):
    return in_db(lambda s: dict(s.execute(select(Question.uid, Question.status).where(
        Question.set_id == set_id)).all()))


def test_approve_and_reject_by_keyboard_in_the_queue(page, in_db, queue, shoot):
    email, set_id = queue
    login(page, email)
    page.goto(f"/teacher/sets/{set_id}/review")
    shoot(page, "teacher-review-verdicts")
    assert page.locator("p.keys").is_visible()
    page.keyboard.press("a")  # the first (best) draft
    page.wait_for_selector(".flash >> text=Question approved.")
    assert verdicts(in_db, set_id)["q-tiny-who-mcq"] == "approved"
    # The queue opens at the next draft, which has the focus.
    focused = page.evaluate("document.activeElement.id")
    second = in_db(lambda s: s.scalar(select(Question.id).where(
        Question.uid == "q-tiny-who-short", Question.set_id == set_id)))
    assert focused == f"q{second}"

    page.keyboard.press("j")  # on to the third draft
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.name") == "why"
    page.keyboard.press("Tab")  # to the box for the teacher's own words
    page.keyboard.type("a rather odd question")  # A and R are letters here
    assert verdicts(in_db, set_id)["q-tiny-who-short"] == "draft"
    page.keyboard.press("Enter")
    page.wait_for_selector(".flash >> text=Question rejected.")
    after = verdicts(in_db, set_id)
    assert after["q-tiny-where-cloze"] == "rejected" and after["q-tiny-who-short"] == "draft"


def test_the_article_pane_is_reached_by_keyboard(page, phone, in_db, queue, shoot):
    email, set_id = queue
    first = in_db(lambda s: s.scalar(select(Question.id).where(
        Question.uid == "q-tiny-who-mcq", Question.set_id == set_id)))
    login(page, email)
    page.goto(f"/teacher/questions/{first}/review")
    assert page.get_by_role("heading", level=1).is_visible()
    shoot(page, "teacher-review-one-keys")
    pane = page.get_by_role("region", name="Article text")
    pane.focus()
    assert page.evaluate("document.activeElement.className") == "article-text"
    main_width = page.evaluate("document.querySelector('main').getBoundingClientRect().width")
    page.goto("/teacher/sets")
    assert page.evaluate("document.querySelector('main').getBoundingClientRect().width") \
        == main_width

    login(phone, email)
    for url in (f"/teacher/sets/{set_id}/review", f"/teacher/questions/{first}/review"):
        phone.goto(url)
        shoot(phone, "teacher-review-" + ("queue" if url.endswith("/review") and "sets" in url
                                          else "one") + "-keys-phone")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{url} is {width} px wide"
