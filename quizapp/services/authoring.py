"""Sets and questions a teacher writes or reviews: create, edit, review, reorder, move, copy.

Editing a question keeps its row, so every student's card and review history stay with it (a
typo fix is not a new card). Deleting a question that somebody has studied retires it instead.
A duplicated set copies the approved and draft questions with their status and stable ids (ids
are unique per set); rejected and retired questions stay behind, and the copy is unpublished
and assigned to no class.
"""
from __future__ import annotations

import copy as copying

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.bank import question_id, slugify
from quizapp.bank.format import shorten_title
from quizapp.formats import export_questions
from quizapp.formats.common import question_problems
from quizapp.models import Question, QuestionSet, User
from quizapp.models.base import MAX_ID
from quizapp.services.banks import has_reviews, question_values, upsert_question
from quizapp.services.classes import lock_owner

EDITABLE = ("kind", "category", "prompt", "answer", "accepted", "choices", "explanation", "tags")
LIVE = ("draft", "approved")
TITLE_MAX = 300  # a set's title column
# The bank field each question column comes from (see ``banks.question_values``).
CARRIED_BY = {"source_sentence": "source", "source_start": "source", "source_end": "source",
              "source_text": "source", "quality_signals": "quality"}  # statuses a question is worked on in; the others are set aside


class AuthoringError(ValueError):
    """A change that cannot be made; ``problems`` are "field: message" for the form."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


def unique_slug(session: Session, title: str) -> str:
    base = slugify(title, max_length=70)
    taken = set(session.scalars(select(QuestionSet.slug).where(QuestionSet.slug.like(f"{base}%"))))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_set(session: Session, owner: User, title: str, description: str = "",
               *, published: bool = True) -> tuple[QuestionSet, bool]:
    """(set, created). The owner's set of the same title is the same set (a form sent twice)."""
    title = title.strip()
    if not title:
        raise AuthoringError("A set needs a title.", ["title: a set needs a title"])
    lock_owner(session, owner)
    existing = session.scalar(select(QuestionSet).where(QuestionSet.owner_id == owner.id,
                                                        QuestionSet.title == title))
    if existing is not None:
        return existing, False
    qset = QuestionSet(slug=unique_slug(session, title), title=title, owner_id=owner.id,
                       description=description.strip(), published=published)
    session.add(qset)
    session.flush()
    return qset, True


def clean_question(values: dict) -> dict:
    """A bank-shaped question dict from form values: trimmed, empties dropped."""
    def items(name):
        return [v.strip() for v in values.get(name) or [] if v and v.strip()]

    q = {"kind": values["kind"], "category": values["category"],
         "prompt": (values.get("prompt") or "").strip(),
         "answer": (values.get("answer") or "").strip(), "accepted": items("accepted"),
         "choices": items("choices") if values["kind"] == "mcq" else [],
         "tags": list(dict.fromkeys(items("tags"))),
         "explanation": (values.get("explanation") or "").strip() or None}
    if q["kind"] == "truefalse":
        q["answer"] = q["answer"].casefold()
    return q


def check_question(q: dict) -> None:
    """AuthoringError listing every schema and kind problem (see ``quizapp.bank.kinds``)."""
    problems = question_problems({"id": "q-check", **q})
    if problems:
        raise AuthoringError("The question is not valid.", problems)


def authored_uid(qset: QuestionSet, q: dict) -> str:
    """The same question written twice into one set gets the same id (so it is refused)."""
    return question_id(f"authored:{qset.id}", q["kind"], q["category"], q["answer"], q["prompt"])


def next_position(session: Session, qset: QuestionSet) -> int:
    last = session.scalar(select(func.max(Question.position)).where(Question.set_id == qset.id))
    return 0 if last is None else last + 1


def add_question(session: Session, qset: QuestionSet, values: dict, *,
                 status: str = "approved") -> Question:
    q = clean_question(values)
    check_question(q)
    uid = authored_uid(qset, q)
    if session.scalar(select(Question.id).where(Question.set_id == qset.id, Question.uid == uid)):
        raise AuthoringError("This set already has that question.")
    question = Question(set_id=qset.id, uid=uid, origin="authored", status=status,
                        position=next_position(session, qset), **q)
    session.add(question)
    session.flush()
    return question


def update_question(session: Session, question: Question, values: dict) -> bool:
    """Change a question in place (same row, same stable id, same history). Returns changed.

    An edited question is the teacher's (``origin`` "authored"): generating its article
    again never rewrites it."""
    q = clean_question(values)
    check_question(q)
    changed = {k: v for k, v in q.items() if getattr(question, k) != v}
    if changed:
        changed["origin"] = "authored"  # the teacher's version now: a regeneration keeps it
    for key, value in changed.items():
        setattr(question, key, value)
    session.flush()
    return bool(changed)


def delete_question(session: Session, question: Question) -> str:
    """"retired" when somebody has studied it (history kept), else "deleted"."""
    if has_reviews(session, question.id):
        question.status = "retired"
        session.flush()
        return "retired"
    session.delete(question)
    session.flush()
    return "deleted"


def set_status(question: Question, status: str, reason: str | None = None) -> None:
    if status == "rejected" and not (reason or "").strip():
        raise AuthoringError("Say why the question is rejected.", ["reason: give a reason"])
    question.status = status
    question.reject_reason = reason.strip() if status == "rejected" else None


def approve_above(session: Session, qset: QuestionSet, threshold: float) -> int:
    """Approve every draft whose quality score is at least ``threshold``; returns how many."""
    drafts = [q for q in qset.questions if q.status == "draft"
              and q.quality is not None and q.quality >= threshold]
    for question in drafts:
        set_status(question, "approved")
    session.flush()
    return len(drafts)


def bulk_status(session: Session, qset: QuestionSet, ids: list[int], status: str,
                reason: str | None = None) -> int:
    ids = set(ids)
    chosen = [q for q in qset.questions if q.id in ids and q.status in LIVE + ("rejected",)]
    for question in chosen:
        set_status(question, status, reason)
    session.flush()
    return len(chosen)


def renumber(qset: QuestionSet) -> None:
    for position, question in enumerate(sorted(qset.questions, key=lambda q: (q.position, q.id))):
        question.position = position


def move_within(session: Session, question: Question, step: int) -> None:
    """Move a question ``step`` places up (negative) or down in its set."""
    qset = question.question_set
    renumber(qset)
    ordered = sorted(qset.questions, key=lambda q: q.position)
    i = ordered.index(question)
    j = max(0, min(len(ordered) - 1, i + step))
    ordered.insert(j, ordered.pop(i))
    for position, q in enumerate(ordered):
        q.position = position
    session.flush()


def move_to_set(session: Session, question: Question, target: QuestionSet) -> None:
    """The question (and its cards and reviews, which follow its row) joins another set."""
    if target.id == question.set_id:
        return
    clash = session.scalar(select(Question.id).where(Question.set_id == target.id,
                                                     Question.uid == question.uid))
    if clash:
        raise AuthoringError(f"{target.title!r} already has this question.")
    question.set_id = target.id
    question.position = next_position(session, target)
    session.flush()
    session.expire(question, ["question_set"])


def copy_title(session: Session, qset: QuestionSet, owner: User) -> str:
    """The first free "Copy of …" title among the owner's sets."""
    def numbered(n: int | None) -> str:
        suffix = f" ({n})" if n else ""
        room = TITLE_MAX - len("Copy of ") - len(suffix)  # cut on a word, never mid-word
        return f"Copy of {shorten_title(qset.title, room)}{suffix}"

    title, n = numbered(None), 2
    while session.scalar(select(QuestionSet.id).where(QuestionSet.owner_id == owner.id,
                                                      QuestionSet.title == title)):
        title, n = numbered(n), n + 1
    return title


def duplicate_set(session: Session, qset: QuestionSet, owner: User,
                  title: str | None = None) -> QuestionSet:
    """An unpublished copy with the live questions, their status and stable ids.

    The page offers the copy's ``title``: the same form sent twice names the same copy, which
    is then returned as it is instead of being made again.
    """
    copy, created = create_set(session, owner, title or copy_title(session, qset, owner),
                               qset.description, published=False)
    if not created:
        return copy
    copy.article_id = qset.article_id
    columns = [c.key for c in Question.__table__.columns
               if c.key not in ("id", "set_id", "created_at", "updated_at")]
    for question in qset.questions:
        if question.status in LIVE:
            values = {c: copy_value(getattr(question, c)) for c in columns}
            session.add(Question(set_id=copy.id, **values))
    session.flush()
    return copy


def copy_value(value):
    """JSON column values are copied, never shared between two rows."""
    return copying.deepcopy(value) if isinstance(value, (list, dict)) else value


def import_into_set(session: Session, qset: QuestionSet, questions: list[dict], *,
                    status: str) -> dict[str, int]:
    """Add imported bank questions to a set, updating those with the same stable id in place.

    Nothing is removed: a file adds to a set. Returns counts of created, updated, unchanged.
    """
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    existing = {q.uid: q for q in qset.questions}
    position = next_position(session, qset)
    for q in questions:
        values = question_values(q) | {"origin": q.get("origin", "authored")}
        if q["id"] not in existing:
            values["position"], position = position, position + 1
        else:  # a format that does not carry a field (Moodle has no source) leaves it alone
            values = {k: v for k, v in values.items() if CARRIED_BY.get(k, k) in q}
        counts[upsert_question(session, qset, existing, q, values, status, revive=False)] += 1
    session.flush()
    return counts


def exportable(qset: QuestionSet, *, drafts: bool = False) -> list[dict]:
    """The set's approved questions (and drafts if asked) as bank question dicts."""
    wanted = ("approved", "draft") if drafts else ("approved",)
    out = []
    for question in qset.questions:
        if question.status in wanted:
            q = question.to_bank()
            out.append({k: v for k, v in q.items() if v not in (None, [], {})})
    return out


def export_set(qset: QuestionSet, fmt: str, *, now, drafts: bool = False) -> bytes:
    """The set as a file of format ``fmt`` (see ``quizapp.formats.FORMATS``)."""
    article = qset.article.to_bank() if qset.article else None
    return export_questions(fmt, exportable(qset, drafts=drafts), title=qset.title,
                            article=article, slug=qset.slug, now=now)


def find_set(session: Session, ident: str) -> QuestionSet | None:
    """A set by its id or its slug."""
    if ident.isdigit() and int(ident) <= MAX_ID:
        found = session.get(QuestionSet, int(ident))
        if found is not None:
            return found
    return session.scalar(select(QuestionSet).where(QuestionSet.slug == ident))


def set_for_import(session: Session, title: str, owner: User | None) -> QuestionSet:
    """The set a command-line import of a GIFT, XML or CSV file fills: by its title's slug."""
    slug = slugify(title, max_length=70)
    qset = session.scalar(select(QuestionSet).where(QuestionSet.slug == slug))
    if qset is None:
        qset = QuestionSet(slug=slug, title=title, owner_id=owner.id if owner else None)
        session.add(qset)
        session.flush()
    return qset
