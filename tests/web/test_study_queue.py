"""The study queue in SQL: due cards in retrievability's order, a bounded number of statements
per study request whatever the number of cards, index scans on PostgreSQL, and pages that only
read never waiting for SQLite's write lock."""
import random
import re
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, event, insert, select, text, update
from sqlalchemy.pool import NullPool

from quizapp import extensions
from quizapp.extensions import db
from quizapp.models import Assignment, Card, Enrolment, Question, QuestionSet, Review, User
from quizapp.scheduling import CardState, Phase, retrievability, study_day
from quizapp.services import study, study_queue
from tests.web.conftest import CSRF_RE

TOKEN_RE = re.compile(r'name="token"[^>]*value="([^"]+)"')
NOW = datetime(2024, 5, 6, 12, tzinfo=timezone.utc)
MAX_STATEMENTS = 6


def fill(student: User, teacher: User, cards: int, due: int, rng: random.Random) -> None:
    """``cards`` approved questions in sets of 100 assigned to ``student``'s class, each with a
    reviewed card; the first ``due`` are due now, the rest in a few days."""
    school_class = study_class(teacher, student)
    rows = []
    for n in range(0, cards, 100):
        qset = QuestionSet(slug=f"s{student.id}-{n}", title=f"Set {n}", owner_id=teacher.id)
        db.session.add(qset)
        db.session.flush()
        db.session.add(Assignment(set_id=qset.id, class_id=school_class.id))
        rows += [{"set_id": qset.id, "uid": f"{student.id}-{n + i}", "fact": f"f{n + i}",
                  "kind": "short", "category": "who", "prompt": f"Who {n + i}?",
                  "answer": f"Person {n + i}", "status": "approved", "position": i}
                 for i in range(min(100, cards - n))]
    ids = db.session.scalars(insert(Question).returning(Question.id), rows).all()
    db.session.execute(insert(Card), [card_row(student, qid, k < due, rng)
                                      for k, qid in enumerate(ids)])
    db.session.commit()


def study_class(teacher: User, student: User):
    from quizapp.services import classes
    school_class = classes.create_class(db.session, teacher, f"Class of {student.email}")
    db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
    return school_class


def card_row(student: User, question_id: int, due: bool, rng: random.Random) -> dict:
    last = NOW - timedelta(days=rng.randint(2, 40), minutes=rng.randint(0, 1440))
    card = Card(user_id=student.id, question_id=question_id)
    study.store_state(card, CardState(
        phase=Phase.REVIEW, stability=rng.uniform(0.5, 30), difficulty=5.0,
        due=NOW - timedelta(hours=1) if due else NOW + timedelta(days=3), last_review=last,
        reps=2), student)
    return {c.key: getattr(card, c.key) for c in Card.__table__.columns
            if c.key not in ("id", "updated_at")}


@pytest.fixture
def people(make_user):
    return make_user("t@example.com", "teacher"), make_user("kim@example.com")


def test_due_cards_come_least_likely_recalled_first(people):
    teacher, student = people
    student.timezone = "America/New_York"
    fill(student, teacher, 60, 60, random.Random(3))
    settings = study.settings_for(student)
    expected = sorted(db.session.scalars(select(Card)),
                      key=lambda c: (retrievability(study.card_state(c), NOW, settings,
                                                    student.timezone, student.rollover_hour),
                                     c.due, c.question_id))
    shown = []
    queue = study_queue.build_queue(db.session, student, NOW)
    while queue.due:
        queue, upcoming = study_queue.next_card(db.session, student, NOW, queue)
        shown.append(upcoming.question.id)
        db.session.execute(update(Card).where(Card.id == upcoming.card.id)
                           .values(due=NOW + timedelta(days=9)))
        queue = study_queue.build_queue(db.session, student, NOW)
    assert shown == [c.question_id for c in expected]


def test_last_review_day_is_the_study_day_in_the_students_zone(people):
    _, student = people
    student.timezone, student.rollover_hour = "Asia/Tokyo", 4
    card = Card(user_id=student.id, question_id=1)
    late = datetime(2024, 5, 5, 18, 30, tzinfo=timezone.utc)  # 03:30 on the 6th in Tokyo
    study.store_state(card, CardState(phase=Phase.REVIEW, stability=2.0, difficulty=5.0,
                                      due=NOW, last_review=late, reps=1), student)
    assert card.last_review_day == study_day(late, "Asia/Tokyo", 4).toordinal()
    assert card.last_review_day == datetime(2024, 5, 5).toordinal()


class Statements:
    """SQL statements sent, transaction control aside: psycopg begins PostgreSQL's
    transactions unseen, so SQLite's BEGIN is not counted either."""

    def __init__(self):
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self.seen)

    def seen(self, _conn, _cursor, statement, *_args):
        self.count += not statement.startswith("BEGIN")

    def during(self, request):
        before = self.count
        response = request()
        return response, self.count - before

    def close(self):
        event.remove(db.engine, "before_cursor_execute", self.seen)


def study_loop_statements(client) -> dict[str, int]:
    """Statements of GET the card, POST the answer, POST the rating (each as sent by a page)."""
    counter, counts = Statements(), {}
    try:
        page, counts["card"] = counter.during(lambda: client.get("/student/study"))
        html = page.get_data(as_text=True)
        data = {"csrf_token": CSRF_RE.search(html).group(1),
                "token": TOKEN_RE.search(html).group(1), "given": "Person", "submit": "Check"}
        feedback, counts["answer"] = counter.during(
            lambda: client.post("/student/study/answer", data=data))
        html = feedback.get_data(as_text=True)
        assert feedback.status_code == 200, html
        data = {"csrf_token": CSRF_RE.search(html).group(1),
                "token": TOKEN_RE.search(html).group(1), "rating": "3"}
        rated, counts["rate"] = counter.during(lambda: client.post("/student/study/rate",
                                                                   data=data))
        assert rated.status_code == 302
    finally:
        counter.close()
    return counts


def test_each_study_request_takes_the_same_few_statements_at_100_and_2000_cards(
        people, make_user, actions, app):
    teacher, small = people
    large = make_user("lee@example.com")
    fill(small, teacher, 100, 20, random.Random(1))
    fill(large, teacher, 2000, 400, random.Random(2))
    counts = {}
    for student in (small, large):
        actions.login(student.email)
        counts[student.email] = [study_loop_statements(actions.client) for _ in range(2)][-1]
        actions.logout()
    assert counts[small.email] == counts[large.email], counts
    assert max(counts[small.email].values()) <= MAX_STATEMENTS, counts


def test_a_page_that_only_reads_does_not_wait_for_sqlites_write_lock(people, actions, app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock only")
    teacher, student = people
    fill(student, teacher, 10, 5, random.Random(5))
    actions.login(student.email)
    db.session.remove()
    writer = sqlite3.connect(db.engine.url.database, isolation_level=None, timeout=1)
    writer.execute("BEGIN IMMEDIATE")  # another request writing, for as long as this page takes
    try:
        page = actions.client.get("/student/study")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert page.status_code == 200 and "Who " in page.get_data(as_text=True)


def crowd(question_ids: list[int], student: User, others: list[User],
          rng: random.Random) -> None:
    """Other students' cards of the same questions, and everyone's reviews: the tables a
    school has."""
    for other in others:
        db.session.execute(insert(Card), [card_row(other, qid, rng.random() < 0.1, rng)
                                          for qid in question_ids])
    db.session.execute(insert(Review), [
        {"user_id": student.id, "question_id": qid, "rating": 3, "study_day": NOW.date(),
         "reviewed_at": NOW - timedelta(days=rng.randint(2, 40)), "request_id": f"q{qid}:n0"}
        for student in [student, *others] for qid in question_ids])
    db.session.commit()


def test_study_requests_scan_indexes_not_tables_at_5000_cards(people, make_user, actions):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("query plans are checked on PostgreSQL")
    teacher, student = people
    fill(student, teacher, 5000, 100, random.Random(6))
    question_ids = db.session.scalars(select(Question.id)).all()
    crowd(question_ids, student, [make_user(f"s{n}@example.com") for n in range(9)],
          random.Random(7))
    # another class's 5,000 questions, none assigned to this student: a plan that reads
    # every question in the school would read them too
    fill(make_user("ana@example.com"), teacher, 5000, 0, random.Random(9))
    with db.engine.connect() as conn:  # no autovacuum here: the planner needs statistics
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    seen = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE")):
            seen.append((statement, parameters))

    actions.login(student.email)
    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        study_loop_statements(actions.client)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    plans = []
    with db.engine.connect() as conn:  # reads are run and timed; writes only planned
        for statement, parameters in seen:
            explain = "EXPLAIN ANALYZE" if statement.lstrip().startswith("SELECT") else "EXPLAIN"
            rows = conn.exec_driver_sql(f"{explain} {statement}", parameters).scalars()
            plans.append("\n".join(rows))
    assert len(plans) >= 6
    for plan in plans:
        assert "Seq Scan on reviews" not in plan and "Seq Scan on cards" not in plan, plan
        assert questions_read(plan) <= 5000, plan


def test_postgresql_connections_do_not_compile_statements(app):
    """The queue's per-card look-ups are costed far above what they read; with JIT on, a
    2 ms statement spent 200–500 ms being compiled."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    assert db.session.execute(text("SHOW jit")).scalar() == "off"


def questions_read(plan: str) -> int:
    """The most question rows one node of an analysed plan read (rows times loops)."""
    reads = [int(rows) * int(loops) for rows, loops in re.findall(
        r"Scan[^\n]* on questions[^\n]*actual time=\S+ rows=(\d+) loops=(\d+)", plan)]
    return max(reads, default=0)


def test_the_most_overdue_cards_of_unassigned_sets_do_not_hide_the_next_card(people):
    teacher, student = people
    fill(student, teacher, 5, 5, random.Random(8))
    dropped = QuestionSet(slug="dropped", title="No longer assigned", owner_id=teacher.id)
    db.session.add(dropped)
    db.session.flush()
    ids = db.session.scalars(insert(Question).returning(Question.id), [
        {"set_id": dropped.id, "uid": f"d{n}", "kind": "short", "category": "who",
         "prompt": "Who?", "answer": "Kim", "status": "approved", "position": n}
        for n in range(study_queue.CANDIDATES + 5)]).all()
    rows = [card_row(student, qid, True, random.Random(qid)) for qid in ids]
    for row in rows:  # far more overdue than any assigned card
        row.update(last_review_day=row["last_review_day"] - 400, stability=0.1)
    db.session.execute(insert(Card), rows)
    queue = study_queue.build_queue(db.session, student, NOW)
    _, upcoming = study_queue.next_card(db.session, student, NOW, queue)
    assert queue.due == 5 and upcoming.question.set_id != dropped.id


def test_a_connection_dropped_while_idle_is_replaced_before_a_page_uses_it(
        people, actions, monkeypatch):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("a server that drops connections: PostgreSQL")
    teacher, student = people
    fill(student, teacher, 3, 3, random.Random(9))
    actions.login(student.email)
    db.session.remove()  # every connection back in the pool, idle
    monkeypatch.setattr(extensions, "IDLE_PING_AFTER_S", 0)  # as if idle for long
    server = create_engine(db.engine.url, poolclass=NullPool)
    with server.connect() as conn:  # a restart, or a firewall dropping idle connections
        conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    server.dispose()
    page = actions.client.get("/student/study")
    assert page.status_code == 200 and "Who " in page.get_data(as_text=True)
