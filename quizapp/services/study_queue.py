"""Today's study queue in SQL: the next card and today's counts in two bounded statements.

The statements are built once per process with bound parameters (the student, now, their
study day), so a request only binds values: no statement is assembled or compiled per request.

Due cards come least likely to be recalled first. FSRS's retrievability is
``(1 + f·t/S) ** -d`` with ``t`` the study days since the last review and ``S`` the stability,
so ordering by ``t/S`` descending orders exactly as retrievability does; each card row keeps
its last review's study day (``last_review_day``) so the database computes ``t`` itself. New
cards come by position (then set, then id): the card a round-robin over the sets would show
first. A card whose fact was studied today through another question is buried until tomorrow,
as a filter in every query. Nothing here loops over cards in Python. Each statement comes in
two forms: for all the student's sets, and for one of them ("study just this set").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import (
    ARRAY, Integer, String, and_, any_, bindparam, cast, exists, func, literal, or_, select)
from sqlalchemy.orm import Session, aliased

from quizapp.models import Card, Question, QuestionSet, Review, User
from quizapp.scheduling import Phase, study_day, study_day_start
from quizapp.services.catalogue import assigned_sets_query
from quizapp.services.study_answers import last_review_query
from quizapp.services.study_pace import (
    Pace, dated_sets, pace_columns, pace_for, pace_parameters)

LEARN_AHEAD = timedelta(minutes=20)  # with nothing else to do, learning steps come early
LEARNING = (int(Phase.LEARNING), int(Phase.RELEARNING))
DUE_COUNTED = 100  # due cards are counted up to here: "100+ due" reads as well as the number
CANDIDATES = 20  # the most overdue cards looked at first, before the studyable filter
# Counts go once per fact, over at most this many rows per card they can promise, so that a
# count stops early: where more questions than this ask about one fact, a count may say less
# than the session gives, never more.
ROWS_PER_FACT = 4


@dataclass(frozen=True)
class Queue:
    """Today's counts for one student; the next card comes from ``next_card``."""

    due: int  # counted up to DUE_COUNTED
    new: int
    learning_later: datetime | None  # the next learning step today, when nothing else is due
    last_review_id: int | None  # the review an undo button on this page takes back
    last_review_prompt: str | None = None  # its question, for the button's words
    held: int = 0  # cards that wait until tomorrow: their fact was studied today
    set_id: int | None = None  # the one set studied; None: all the student's sets
    pace: Pace | None = None  # why new cards are offered or held back for another day

    def __len__(self) -> int:
        return self.due + self.new

    @property
    def due_label(self) -> str:
        return f"{DUE_COUNTED}+" if self.due >= DUE_COUNTED else str(self.due)


@dataclass(frozen=True)
class NextCard:
    question: Question
    card: Card | None
    reviews: int  # of this card, undone ones too: the answer's idempotency key

    @property
    def request_id(self) -> str:
        return f"q{self.question.id}:n{self.reviews}"


USER, NOW, START, AHEAD = (bindparam(name) for name in ("user_id", "now", "start", "ahead"))
TODAY, NEW_CAP = bindparam("today", type_=Integer), bindparam("new_cap", type_=Integer)
SET = bindparam("set_id", type_=Integer)  # the one set studied, in statements built for one


def parameters(user: User, now: datetime, set_id: int | None = None) -> dict:
    """The values the queue's statements take: the student, now, their study day, and the
    one set studied (None: all their sets)."""
    day = study_day(now, user.timezone, user.rollover_hour)
    return {"user_id": user.id, "now": now, "ahead": now + LEARN_AHEAD,
            "start": study_day_start(day, user.timezone, user.rollover_hour),
            "today": day.toordinal(), "new_cap": user.new_per_day, "set_id": set_id,
            **pace_parameters(user, now)}


def _reviewed_today():
    return select(Review.question_id).where(
        Review.user_id == USER, Review.undone_at.is_(None), Review.reviewed_at >= START)


def _facts_today():
    """The facts the student studied today, through any of their questions."""
    other = aliased(Question)
    return select(other.fact).where(other.id.in_(_reviewed_today()), other.fact.is_not(None))


def _not_buried():
    """Not a sibling of a question the student studied today (it may be that question)."""
    return or_(Question.fact.is_(None), Question.fact.not_in(_facts_today()),
               Question.id.in_(_reviewed_today()))


def _fact_key():
    """What a session shows once a day: the question's fact, or the question itself."""
    return func.coalesce(Question.fact, literal("#") + cast(Question.id, String))


def _sets(one_set: bool):
    """The sets studied: those assigned to the student, or just one of them (``SET``)."""
    sets = assigned_sets_query(USER, NOW)
    return sets.where(QuestionSet.id == SET) if one_set else sets


def _assigned(dialect: str, one_set: bool):
    """The condition that a question is in a set studied, in the form each database plans
    well (see ``_new``)."""
    if dialect != "postgresql":
        return Question.set_id.in_(_sets(one_set))
    assigned = _sets(one_set).subquery()
    return Question.set_id == any_(cast(select(func.array_agg(assigned.c.id))
                                        .scalar_subquery(), ARRAY(Integer)))


def studyable(one_set: bool = False):
    """Approved questions of the sets studied (all assigned, or ``SET``), not buried today."""
    return and_(Question.status == "approved", Question.set_id.in_(_sets(one_set)),
                _not_buried())


def _cards(one_set: bool):
    return (select(Card.question_id).join(Question, Question.id == Card.question_id)
            .where(Card.user_id == USER, studyable(one_set)))


def _due(one_set: bool):
    return _cards(one_set).where(Card.due <= NOW, Card.phase != int(Phase.NEW))


def _new(dialect: str, one_set: bool):
    """Studyable questions the student has no card for, or only a card never reviewed (undone
    back to new), in the form each database plans well. PostgreSQL misestimates the outer
    join's filter at one row and ``set_id IN (assigned sets)`` at a third of all sets, and
    then reads every question in the database; as an anti-join over the assigned sets given
    as one array, it reads only their questions, on the index. SQLite plans the outer join."""
    if dialect != "postgresql":
        mine = and_(Card.question_id == Question.id, Card.user_id == USER)
        return (select(Question.id.label("question_id")).outerjoin(Card, mine)
                .where(studyable(one_set), or_(Card.id.is_(None),
                                               Card.phase == int(Phase.NEW))))
    studied = exists().where(Card.user_id == USER, Card.question_id == Question.id,
                             Card.phase != int(Phase.NEW))
    return select(Question.id.label("question_id")).where(
        _assigned(dialect, one_set), Question.status == "approved", _not_buried(), ~studied)


def _new_today():
    """Cards whose first live review is today: they count against today's new-card limit."""
    earlier = aliased(Review)
    before = exists().where(earlier.user_id == USER, earlier.question_id == Review.question_id,
                            earlier.undone_at.is_(None), earlier.reviewed_at < START)
    return select(Review.question_id).distinct().where(
        Review.user_id == USER, Review.undone_at.is_(None), Review.reviewed_at >= START, ~before)


def _count(query):
    return select(func.count()).select_from(query.subquery()).scalar_subquery()


def _facts(query, cap):
    """One row per fact among the first ``cap`` × ROWS_PER_FACT rows of ``query``."""
    rows = query.with_only_columns(_fact_key().label("fact")).limit(cap * ROWS_PER_FACT)
    return select(func.count(rows.subquery().c.fact.distinct())).scalar_subquery()


def _due_facts(dialect: str, one_set: bool):
    """The facts of today's due cards: their new siblings wait, so they are not counted as
    new. Read as far as due cards are counted (beyond 400 due cards, the new sibling of a
    later one may be counted). A buried due card's fact was studied today, so its new
    siblings are buried too: burial needs no filter here."""
    return (select(Question.fact).join(Card, Card.question_id == Question.id)
            .where(Card.user_id == USER, Card.due <= NOW, Card.phase != int(Phase.NEW),
                   _assigned(dialect, one_set), Question.status == "approved",
                   Question.fact.is_not(None))
            .limit(DUE_COUNTED * ROWS_PER_FACT))


def _new_facts(dialect: str, one_set: bool):
    """The facts among the new cards a session can show today: a new card whose fact a due
    card or another new card also asks waits for tomorrow."""
    fresh = or_(Question.fact.is_(None), Question.fact.not_in(_due_facts(dialect, one_set)))
    return _facts(_new(dialect, one_set).where(fresh), NEW_CAP)


def _held(dialect: str, one_set: bool):
    """Cards that would be due or new now but wait until tomorrow, because the student studied
    their fact today through another question."""
    mine = and_(Card.question_id == Question.id, Card.user_id == USER)
    return (select(Question.id).outerjoin(Card, mine).where(
        _assigned(dialect, one_set), Question.status == "approved",
        Question.fact.in_(_facts_today()), Question.id.not_in(_reviewed_today()),
        or_(Card.id.is_(None), Card.phase == int(Phase.NEW), Card.due <= NOW)))


@cache
def counts_statement(dialect: str, one_set: bool = False):
    """Due cards, new cards reviewed today, new cards left (counted only up to the daily
    limit), the next learning step within LEARN_AHEAD, the cards held back for a sibling, the
    review an undo takes back with its question's prompt, and the study pace's figures
    (``study_pace.pace_columns``). Due and new cards count once per fact: a session shows one
    question about a fact a day. Built for all the student's sets, or for ``one_set``."""
    soon = (select(func.min(Card.due)).join(Question, Question.id == Card.question_id)
            .where(Card.user_id == USER, studyable(one_set), Card.phase.in_(LEARNING),
                   Card.due > NOW, Card.due <= AHEAD).scalar_subquery())
    return select(_facts(_due(one_set), DUE_COUNTED), _count(_new_today()),
                  _new_facts(dialect, one_set), soon, _count(_held(dialect, one_set)),
                  last_review_query(USER).scalar_subquery(),
                  last_review_query(USER, Question.prompt).scalar_subquery(),
                  *pace_columns(USER, _sets(one_set), _new_today(), dialect))


def _overdue_first(candidates: int | None, one_set: bool):
    """Due cards, least likely to be recalled first: study days since the last review over
    stability, descending. With ``candidates``, the order is found on the cards' own index
    first, and only the first few are joined to their questions to be checked."""
    elapsed = TODAY - Card.last_review_day
    order = ((elapsed / Card.stability).desc(), Card.due, Card.question_id)
    if candidates is None:
        return _due(one_set).order_by(*order)
    first = (select(Card.question_id, (elapsed / Card.stability).label("key"), Card.due)
             .where(Card.user_id == USER, Card.due <= NOW, Card.phase != int(Phase.NEW))
             .order_by(*order).limit(candidates).subquery())
    return (select(first.c.question_id).join(Question, Question.id == first.c.question_id)
            .where(studyable(one_set))
            .order_by(first.c.key.desc(), first.c.due, first.c.question_id))


def _new_in_order(dialect: str, one_set: bool):
    """New cards, those of the set due soonest first (so a due date's new cards come from its
    set), then by position: the card a round-robin over the sets would show first."""
    dated = dated_sets(_sets(one_set))
    return (_new(dialect, one_set).outerjoin(dated, dated.c.set_id == Question.set_id)
            .order_by(dated.c.due_on.is_(None), dated.c.due_on, Question.position,
                      Question.set_id, Question.id))


@cache
def next_card_statement(source: str, dialect: str, one_set: bool = False):
    """The question and card to show from ``source`` ("overdue", "due", "new" or "learning"),
    with the number of its reviews, in ``dialect``'s form, from all sets or ``one_set``."""
    chosen = {
        "overdue": lambda: _overdue_first(CANDIDATES, one_set),
        "due": lambda: _overdue_first(None, one_set),
        "new": lambda: _new_in_order(dialect, one_set),
        "learning": lambda: _cards(one_set).where(Card.phase.in_(LEARNING), Card.due > NOW,
                                           Card.due <= AHEAD).order_by(Card.due,
                                                                       Card.question_id),
    }[source]().limit(1).subquery()
    reviews = (select(func.count()).where(Review.user_id == USER,
                                          Review.question_id == Question.id)
               .scalar_subquery())
    mine = and_(Card.question_id == Question.id, Card.user_id == USER)
    return (select(Question, Card, reviews).join(chosen, chosen.c.question_id == Question.id)
            .outerjoin(Card, mine))


@cache
def next_due_statement(one_set: bool = False):
    """When the student's next review comes due after now: the first card on the cards'
    (user, due) index that is reviewed, in a set studied and not buried today."""
    return (select(Card.due).join(Question, Question.id == Card.question_id)
            .where(Card.user_id == USER, Card.due > NOW, Card.phase != int(Phase.NEW),
                   studyable(one_set))
            .order_by(Card.due, Card.question_id).limit(1))


def next_due(session: Session, user: User, now: datetime,
             set_id: int | None = None) -> datetime | None:
    """When ``user``'s next review (in ``set_id``, or any of their sets) comes due after
    ``now`` (None: no card will), in one indexed statement; for any page that says "next
    review tomorrow at 9:00"."""
    return session.scalar(next_due_statement(set_id is not None),
                          parameters(user, now, set_id))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def build_queue(session: Session, user: User, now: datetime,
                set_id: int | None = None) -> Queue:
    """Today's counts, in one statement: of all the student's sets, or of ``set_id`` only;
    new cards as the study pace allows."""
    due, new_today, new, later, held, last, prompt, *pace = session.execute(
        counts_statement(_dialect(session), set_id is not None),
        parameters(user, now, set_id)).one()
    due = min(due, DUE_COUNTED)
    new, pace = pace_for(user, now, new, max(0, user.new_per_day - new_today), pace)
    return Queue(due, new, later if not due and not new else None, last, prompt, held, set_id,
                 pace)


def next_card(session: Session, user: User, now: datetime,
              queue: Queue) -> tuple[Queue, NextCard | None]:
    """The card to show now (one statement; two when the most overdue cards are all buried or
    no longer assigned), and the queue as the page should count it: a learning step taken
    early counts as due. The card comes from the queue's sets: all, or its one set."""
    values = parameters(user, now, queue.set_id)
    if queue.due:
        sources = ("overdue", "due")
    elif queue.new:
        sources = ("new",)
    elif queue.learning_later:
        sources, queue = ("learning",), replace(queue, due=1, learning_later=None)
    else:
        return queue, None
    for source in sources:
        row = session.execute(next_card_statement(source, _dialect(session),
                                                  queue.set_id is not None), values).first()
        if row:
            return queue, NextCard(*row)
    return queue, None
