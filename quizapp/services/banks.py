"""Importing banks into the database: an idempotent upsert by stable question id.

A question missing from a newer bank is deleted if nobody has studied it, and retired if
somebody has: review history is never lost.

A bank imported as drafts (an article generated again) never touches what a teacher made: an
approved or rejected question, or one the teacher wrote or edited (``origin`` "authored"),
stays exactly as it is, even when the new bank no longer has it. A changed version of a
reviewed generated question arrives as a draft beside it, under an id of its own; a teacher's
edit wins (no new version is offered for it). Only unreviewed generated drafts are rewritten.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from quizapp.bank import question_id
from quizapp.models import Article, Question, QuestionSet, QuizAnswer, Review, User

QUESTION_FIELDS = ("fact", "kind", "category", "prompt", "answer", "explanation")
# What a student sees of a question: a regeneration that changes any of it offers a new draft.
CONTENT = ("kind", "category", "prompt", "answer", "accepted", "choices", "explanation")
REVIEWED = ("approved", "rejected")


@dataclass
class ImportReport:
    set_slug: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    deleted: int = 0
    kept: int = 0  # reviewed or edited by the teacher, left as they are
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.set_slug}: {self.created} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.retired} retired, {self.deleted} removed")


def upsert_article(session: Session, meta: dict, owner: User | None, *,
                   rename: bool = True) -> Article:
    """The owner's article with this text, created or (with ``rename``) updated from ``meta``;
    without it an article already stored keeps its title and details."""
    same_owner = Article.owner_id == owner.id if owner else Article.owner_id.is_(None)
    article = session.scalar(select(Article).where(Article.sha256 == meta["sha256"], same_owner))
    if article is None:
        article = Article(sha256=meta["sha256"], owner_id=owner.id if owner else None)
        session.add(article)
    elif not rename:
        return article
    article.title, article.slug, article.text = meta["title"], meta["slug"], meta["text"]
    article.source, article.licence = meta.get("source"), meta.get("licence")
    article.attribution = meta.get("attribution")
    published = meta.get("published")
    article.published = date.fromisoformat(published) if published else None
    return article


def question_values(q: dict) -> dict:
    """Database column values for a bank question dict."""
    source = q.get("source") or {}
    quality = q.get("quality") or {}
    values = {name: q.get(name) for name in QUESTION_FIELDS}
    values.update(
        accepted=list(q.get("accepted", [])), choices=list(q.get("choices", [])),
        tags=list(q.get("tags", [])), origin=q.get("origin", "generated"),
        quality=quality.get("score"), quality_signals=dict(quality.get("signals", {})),
        source_sentence=source.get("sentence"), source_start=source.get("start"),
        source_end=source.get("end"), source_text=source.get("text"))
    return values


def has_reviews(session: Session, question_id: int) -> bool:
    """Somebody has answered it, in study or in a quiz: its history must be kept."""
    return bool(session.scalar(select(
        exists().where(Review.question_id == question_id)
        | exists().where(QuizAnswer.question_id == question_id))))


def upsert_question(session: Session, qset: QuestionSet, existing: dict[str, Question], q: dict,
                    values: dict, status: str, *, revive: bool = True) -> str:
    """Add bank question ``q`` to ``qset`` or update the row with its stable id in ``existing``
    (with ``revive``, a retired one comes back with ``status``). Returns "created", "updated"
    or "unchanged"."""
    row = existing.get(q["id"])
    if row is None:
        existing[q["id"]] = Question(set_id=qset.id, uid=q["id"], status=status, **values)
        session.add(existing[q["id"]])
        return "created"
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if revive and row.status == "retired":
        changed["status"] = status
    for key, value in changed.items():
        setattr(row, key, value)
    return "updated" if changed else "unchanged"


def is_teachers(row: Question) -> bool:
    """Reviewed, written or edited by the teacher: a regeneration leaves it as it is."""
    return row.status in REVIEWED or row.origin == "authored"


def version_uid(q: dict) -> str:
    """The id of a changed version of bank question ``q``, offered beside the reviewed one."""
    return question_id(q["id"], q["kind"], q["category"], q["answer"], q["prompt"])


def regenerate_question(session: Session, qset: QuestionSet, existing: dict[str, Question],
                        q: dict, values: dict) -> tuple[str, str]:
    """(outcome, uid) of one question of a bank imported as drafts (see the module's rules)."""
    row = existing.get(q["id"])
    if row is None or not is_teachers(row):
        return upsert_question(session, qset, existing, q, values, "draft"), q["id"]
    if row.origin == "authored" or all(getattr(row, k) == values[k] for k in CONTENT):
        return "kept", q["id"]
    uid = version_uid(q)
    version = existing.get(uid)
    if version is not None and is_teachers(version):
        return "kept", uid
    values = values | {"position": row.position}
    return upsert_question(session, qset, existing, {**q, "id": uid}, values, "draft"), uid


def import_bank(session: Session, bank: dict, *, owner: User | None = None,
                status: str = "approved", set_slug: str | None = None) -> ImportReport:
    """Create or update the set of ``bank`` (a validated bank dict) and its questions.

    As drafts (``status`` "draft"), what the teacher made is kept (see the module's rules).
    """
    regenerating = status == "draft"
    article = upsert_article(session, bank["article"], owner, rename=not regenerating)
    slug = set_slug or bank["article"]["slug"]
    qset = session.scalar(select(QuestionSet).where(QuestionSet.slug == slug))
    if qset is None:
        qset = QuestionSet(slug=slug, owner_id=owner.id if owner else None)
        session.add(qset)
    qset.title = bank.get("title") or bank["article"]["title"]
    qset.article = article
    session.flush()
    report = ImportReport(slug)
    existing = {q.uid: q for q in qset.questions}
    wanted = set()
    for position, q in enumerate(bank["questions"]):
        values = question_values(q) | {"position": position}
        if regenerating:
            outcome, uid = regenerate_question(session, qset, existing, q, values)
        else:
            outcome, uid = upsert_question(session, qset, existing, q, values, status), q["id"]
        wanted.add(uid)
        setattr(report, outcome, getattr(report, outcome) + 1)
    for row in [row for uid, row in existing.items() if uid not in wanted]:
        if row.origin == "authored" or (regenerating and is_teachers(row)):
            continue  # a teacher's own or reviewed question is not the bank's to remove
        if has_reviews(session, row.id):
            report.retired += row.status != "retired"
            row.status = "retired"
        else:
            session.delete(row)
            report.deleted += 1
    session.flush()
    return report
