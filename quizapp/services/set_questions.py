"""A set's questions as its page lists them (a filter by status, one page at a time) and what a
teacher does to several ticked questions at once: approve, send back to drafts, delete, move."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.models import Question, QuestionSet
from quizapp.services import authoring

PER_PAGE = 20
SHOWN = ("draft", "approved")  # rejected questions have their own list in the review queue
BULK = ("approve", "draft", "delete", "move")


@dataclass
class QuestionPage:
    questions: list[Question]
    total: int  # questions that pass the filter
    page: int
    pages: int
    first_position: int  # the set's first and last live position: no Up / Down past them
    last_position: int

    @property
    def start(self) -> int:
        return (self.page - 1) * PER_PAGE + 1 if self.total else 0

    @property
    def end(self) -> int:
        return min(self.page * PER_PAGE, self.total)


def page_of(session: Session, qset: QuestionSet, status: str | None, page: int) -> QuestionPage:
    """One page of the set's live questions (drafts and approved), or of one status, in order;
    a page past the end is the last page. Three statements whatever the set's size."""
    statuses = (status,) if status in SHOWN else SHOWN
    live = (Question.set_id == qset.id, Question.status.in_(SHOWN))
    first, last = session.execute(select(func.min(Question.position), func.max(Question.position))
                                  .where(*live)).one()
    chosen = (Question.set_id == qset.id, Question.status.in_(statuses))
    total = session.scalar(select(func.count()).where(*chosen))
    pages = max(1, -(-total // PER_PAGE))
    page = min(max(page, 1), pages)
    rows = session.scalars(select(Question).where(*chosen)
                           .order_by(Question.position, Question.id)
                           .offset((page - 1) * PER_PAGE).limit(PER_PAGE))
    return QuestionPage(list(rows), total, page, pages, first or 0, last or 0)


def bulk_change(session: Session, qset: QuestionSet, ids: list[int], action: str,
                target: QuestionSet | None = None) -> int:
    """Apply ``action`` to the ticked questions of this set; how many changed. Raises
    ``AuthoringError`` (and the caller rolls back) when it cannot be done for all of them."""
    if action not in BULK:
        raise authoring.AuthoringError("Choose what to do with the ticked questions.")
    wanted = set(ids)
    chosen = [q for q in qset.questions if q.id in wanted and q.status in SHOWN]
    if not chosen:
        raise authoring.AuthoringError("Tick the questions first.")
    if action == "move" and (target is None or target.id == qset.id):
        raise authoring.AuthoringError("Choose another of your sets to move them to.")
    for question in chosen:
        if action == "delete":
            authoring.delete_question(session, question)
        elif action == "move":
            authoring.move_to_set(session, question, target)
        else:
            authoring.set_status(question, "approved" if action == "approve" else "draft")
    session.flush()
    return len(chosen)
