"""Item analysis of a quiz on a hand-made class of four, every figure worked out by hand here.

Three questions, asked in this order to everyone (fixed list, no shuffling), one point each:

    attempt  M (choice: Paris)   T (true or false: true)   S (typed: Danube)   total
    A kim    Paris      1        true   1                  Danube     1          3
    B lee    Paris      1        true   1                  nonsense   0          2
    C mo     Lyon       0        true   1                  (none)     0          1
    D ny     Nice       0        false  0                  Danube     1          1

Upper 27 % of 4 attempts = round(1.08) = 1 attempt: A. Lower: D (C and D tie on 1; D started
after C, so its id is larger and it ranks last). "Rest" is the attempt's total less the mark.

M: x = 1 1 0 0 (mean ½), rest = 2 1 1 1 (mean 5/4).
   Σ dx·drest = ½·¾ + ½·(−¼) + (−½)(−¼) + (−½)(−¼) = ½ → Cov = ½ / 3 = 1/6.
   V(x) = (4 · ¼) / 3 = 1/3 → SD = √(1/3) = 57.7 %; V(rest) = (9/16 + 3/16) / 3 = 1/4.
   Index = 100 · (1/6) / √(1/3 · 1/4) = 100 · 0.16667 / 0.28868 = 57.7 % (very good).
   Sorted pairs (0,1)(0,1)(1,1)(1,2) give the same ½ → efficiency 100.0 %.
   Random guess: 1 right of 4 choices = 25.0 %. Facility 50.0 % (about right).
T: x = 1 1 1 0 (mean ¾), rest = 2 1 0 1 (mean 1): Σ dx·drest = ¼·1 + ¼·0 + ¼·(−1) − ¾·0 = 0
   → index 0.0 % and efficiency 0.0 %: flagged (efficiency under 15 %). Facility 75.0 % (fairly
   easy). SD = √((3·1/16 + 9/16) / 3) = √(1/4) = 50.0 %. Random guess 50.0 %.
S: x = 1 0 0 1 (mean ½), rest = 2 2 1 0 (mean 5/4):
   Σ dx·drest = ½·¾ − ½·¾ − ½·(−¼) + ½·(−5/4) = −½ → Cov = −1/6; V(rest) = 44/16 / 3 = 11/12.
   Index = 100 · (−1/6) / √(1/3 · 11/12) = −16.667 / 0.55277 = −30.2 % (probably invalid).
   Sorted: x 0 0 1 1, rest 0 1 2 2 → Σ = 3/2 → Cov_max = ½ → efficiency −33.3 %.
   Flagged twice. Random guess of a typed answer: 0.0 %.
Picks of M: Paris 2 (upper 1, lower 0), Lyon 1 (0, 0), Nice 1 (0, 1), Lille 0.
Picks of T: true 3 (upper 1, lower 0), false 1 (upper 0, lower 1).

Study: kim's first study review of M passed (Good), lee's first was undone, so his first is the
Again after it: 1 of 2 = 50.0 %. The quiz's own answers (fed to the schedule as reviews) and a
student of another class who studied M count for nothing.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Enrolment, QuizAttempt, Review
from quizapp.services import attempts, authoring, quizzes
from tests.web.quizzes.conftest import NOW, settings
from tests.web.test_study_queue import Statements

CHOICES = ["Paris", "Lyon", "Nice", "Lille"]
ANSWERS = {  # student: (M, T, S)
    "kim": ("Paris", "true", "Danube"), "lee": ("Paris", "true", "nonsense"),
    "mo": ("Lyon", "true", None), "ny": ("Nice", "false", "Danube")}


def take(student, quiz, given, at) -> None:
    """One attempt through the attempts service: start, save ``given`` (M, T, S in order, or
    a function of each question's answer row), submit."""
    started = attempts.start_attempt(db.session, student, quiz, at, 0)
    attempt = db.session.get(QuizAttempt, started.attempt_id)
    values = given if isinstance(given, tuple) else [given(a) for a in attempt.answers]
    posted = {}
    for answer, value in zip(attempt.answers, values):
        if value is not None and answer.question.kind == "mcq":
            value = next(cid for cid, text in answer.choices if text == value)
        if value is not None:
            posted[f"a{answer.position}"] = value
    attempts.save_answers(db.session, attempt, posted, at, 0)
    attempts.submit(db.session, attempt, at + timedelta(minutes=5), 0)
    db.session.commit()


def study_review(student, question, rating: int, at, *, undone: bool = False) -> None:
    db.session.add(Review(user_id=student.id, question_id=question.id, rating=rating,
                          reviewed_at=at, study_day=date(2026, 3, 1), origin="study",
                          request_id=f"r{student.id}-{question.id}-{at.timestamp()}",
                          undone_at=at if undone else None))


@pytest.fixture
def analysed(school, make_user):
    """The class of four above, their quiz and its three questions (M, T, S)."""
    teacher, school_class = school["teacher"], school["class"]
    qset, _ = authoring.create_set(db.session, teacher, "Europe")
    m = authoring.add_question(db.session, qset, {
        "kind": "mcq", "category": "where", "prompt": "Capital of France?", "answer": "Paris",
        "choices": CHOICES})
    t = authoring.add_question(db.session, qset, {
        "kind": "truefalse", "category": "where", "prompt": "Vienna is on the Danube.",
        "answer": "true"})
    s = authoring.add_question(db.session, qset, {
        "kind": "short", "category": "where", "prompt": "Which river flows through Budapest?",
        "answer": "Danube"})
    students = {"kim": school["kim"], "lee": school["lee"]}
    for name in ("mo", "ny"):
        students[name] = make_user(f"{name}@example.com", name=name.title())
        db.session.add(Enrolment(class_id=school_class.id, student_id=students[name].id))
    quiz = quizzes.create_quiz(db.session, teacher, settings(
        question_count=None, fixed_question_ids=[m.id, t.id, s.id], shuffle_questions=False,
        shuffle_choices=False, time_limit_seconds=None, attempts_allowed=2, points=1.0),
        [qset], [school_class])
    early = NOW - timedelta(days=3)
    study_review(students["kim"], m, 3, early)
    study_review(students["kim"], m, 1, early + timedelta(days=1))
    study_review(students["lee"], m, 3, early, undone=True)
    study_review(students["lee"], m, 1, early + timedelta(hours=1))
    study_review(school["stranger"], m, 3, early)  # another teacher's class
    db.session.commit()
    for n, name in enumerate(("kim", "lee", "mo", "ny")):
        take(students[name], quiz, ANSWERS[name], NOW + timedelta(minutes=n))
    return {"quiz": quiz, "M": m, "T": t, "S": s, "students": students}


def row(html: str, question) -> str:
    match = re.search(rf'<tr id="item-{question.id}".*?</tr>', html, re.S)
    assert match, f"no row for question {question.id}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split())


def picks(html: str, question) -> list[str]:
    table = re.search(rf'<caption id="choices-{question.id}">.*?</table>', html, re.S).group(0)
    return [" ".join(re.sub(r"<[^>]+>", " ", r).split())
            for r in re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.S)]


def test_moodles_figures_on_the_hand_made_class(analysed, actions):
    actions.login("teach@example.com")
    quiz = analysed["quiz"]
    response = actions.client.get(f"/teacher/quizzes/{quiz.id}/analysis")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    assert "<h1>Item analysis: Friday quiz</h1>" in html
    assert "4 submitted attempts counted: the first attempt of each student" in html
    assert "the 1 attempt with the highest and the lowest total scores" in html
    assert row(html, analysed["M"]) == (
        "1 Capital of France? (mcq, where) 4 50.0% about right for the average student 57.7% "
        "25.0% 57.7% very good discrimination 100.0% 50.0% of 2 students: not enough data yet")
    assert row(html, analysed["T"]) == (
        "2 Vienna is on the Danube. (truefalse, where) flagged 4 75.0% fairly easy 50.0% 50.0% "
        "0.0% very weak discrimination 0.0% not studied yet")
    assert row(html, analysed["S"]) == (
        "3 Which river flows through Budapest? (short, where) flagged 4 50.0% about right for "
        "the average student 57.7% 0.0% -30.2% probably invalid: stronger students did worse "
        "-33.3% not studied yet")


def test_choices_are_counted_overall_and_in_the_upper_and_lower_groups(analysed, actions):
    actions.login("teach@example.com")
    html = actions.client.get(
        f"/teacher/quizzes/{analysed['quiz'].id}/analysis").get_data(as_text=True)
    assert picks(html, analysed["M"]) == [
        "Paris right answer 2 1 0", "Lyon 1 0 0", "Nice 1 0 1", "Lille 0 0 0"]
    assert picks(html, analysed["T"]) == ["true right answer 3 1 0", "false 1 0 1"]
    assert f'id="choices-{analysed["S"].id}"' not in html  # a typed answer has no choices


def test_flagged_questions_say_why_and_link_to_their_edit_page(analysed, actions):
    actions.login("teach@example.com")
    html = actions.client.get(
        f"/teacher/quizzes/{analysed['quiz'].id}/analysis").get_data(as_text=True)
    flagged = html.split('id="flagged-heading"')[1].split("</section>")[0]
    assert "Questions to look at (2)" in html
    assert f'href="/teacher/questions/{analysed["T"].id}/edit"' in flagged
    assert f'href="/teacher/questions/{analysed["S"].id}/edit"' in flagged
    assert f'/teacher/questions/{analysed["M"].id}/edit' not in flagged
    assert "discriminative efficiency 0% is under 15%" in flagged
    assert "discriminative efficiency -33% is under 15%" in flagged
    assert "negative discrimination (-30%): stronger students did worse" in flagged
    quiz_page = actions.client.get(f"/teacher/quizzes/{analysed['quiz'].id}").get_data(
        as_text=True)
    assert f'href="/teacher/quizzes/{analysed["quiz"].id}/analysis"' in quiz_page


def test_a_second_attempt_counts_only_when_asked_for(analysed, actions):
    # ny tries again and gets all three right. Last attempts: A, B, C and ny's second, so M's
    # facility is 3 of 4 = 75.0 %; every attempt: 5 attempts, M right in 3 = 60.0 %.
    take(analysed["students"]["ny"], analysed["quiz"], ("Paris", "true", "Danube"),
         NOW + timedelta(hours=1))
    actions.login("teach@example.com")
    url = f"/teacher/quizzes/{analysed['quiz'].id}/analysis"
    first = actions.client.get(url).get_data(as_text=True)
    assert "4 submitted attempts counted" in first
    assert row(first, analysed["M"]).startswith("1 Capital of France? (mcq, where) 4 50.0%")
    last = actions.client.get(url + "?attempts=last").get_data(as_text=True)
    assert "4 submitted attempts counted: the last attempt of each student" in last
    assert row(last, analysed["M"]).startswith("1 Capital of France? (mcq, where) 4 75.0%")
    every = actions.client.get(url + "?attempts=all").get_data(as_text=True)
    assert "5 submitted attempts counted" in every
    assert row(every, analysed["M"]).startswith("1 Capital of France? (mcq, where) 5 60.0%")


def test_an_unknown_choice_of_attempts_is_refused_by_name(analysed, actions):
    actions.login("teach@example.com")
    base = f"/teacher/quizzes/{analysed['quiz'].id}/analysis"
    for url in (base, base + "/items.csv", base + "/choices.csv"):
        response = actions.client.get(url + "?attempts=best")
        assert response.status_code == 400
        assert "attempts=first, last or all" in response.get_data(as_text=True)


def test_an_unanswered_quiz_says_there_is_nothing_yet(school, make_quiz, actions):
    quiz = make_quiz()
    actions.login("teach@example.com")
    html = actions.client.get(f"/teacher/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    assert "0 submitted attempts counted" in html
    assert "Nothing to analyse yet" in html


def read_csv(response) -> list[dict]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_both_tables_export_to_csv(analysed, actions):
    actions.login("teach@example.com")
    base = f"/teacher/quizzes/{analysed['quiz'].id}/analysis"
    items = read_csv(actions.client.get(base + "/items.csv"))
    assert [r["question"] for r in items] == [
        "Capital of France?", "Vienna is on the Danube.", "Which river flows through Budapest?"]
    m = items[0]
    assert (m["attempts"], m["facility_pct"], m["sd_pct"], m["random_guess_pct"],
            m["discrimination_index_pct"], m["discriminative_efficiency_pct"],
            m["study_facility_pct"], m["study_students"], m["flags"]) == (
        "4", "50.00", "57.74", "25.00", "57.74", "100.00", "50.00", "2", "")
    assert (items[2]["discrimination_index_pct"], items[2]["discriminative_efficiency_pct"]) \
        == ("-30.15", "-33.33")  # numbers, not text a spreadsheet would read as a formula
    choices = read_csv(actions.client.get(base + "/choices.csv"))
    assert [(r["number"], r["choice"], r["right"], r["chosen"], r["upper_27pct"],
             r["lower_27pct"]) for r in choices] == [
        ("1", "Paris", "yes", "2", "1", "0"), ("1", "Lyon", "no", "1", "0", "0"),
        ("1", "Nice", "no", "1", "0", "1"), ("1", "Lille", "no", "0", "0", "0"),
        ("2", "true", "yes", "3", "1", "0"), ("2", "false", "no", "1", "0", "1")]


def test_text_a_spreadsheet_would_run_is_quoted_in_the_csv(analysed, actions):
    analysed["M"].prompt = '=HYPERLINK("http://example.com")'
    db.session.commit()
    actions.login("teach@example.com")
    base = f"/teacher/quizzes/{analysed['quiz'].id}/analysis"
    for table in ("/items.csv", "/choices.csv"):
        rows = read_csv(actions.client.get(base + table))
        assert rows[0]["question"] == '\'=HYPERLINK("http://example.com")'


def test_the_page_takes_the_same_statements_for_a_larger_class_and_quiz(
        school, analysed, make_user, actions):
    """Four attempts at three questions against seven attempts at twelve, with more reviews."""
    teacher, school_class = school["teacher"], school["class"]
    big = quizzes.create_quiz(db.session, teacher, settings(
        question_count=None, time_limit_seconds=None, points=1.0), [school["set"]],
        [school_class])
    students = list(analysed["students"].values())
    for n in range(3):
        student = make_user(f"extra{n}@example.com")
        db.session.add(Enrolment(class_id=school_class.id, student_id=student.id))
        students.append(student)
    for n, question in enumerate(school["set"].questions):
        for student in students:
            study_review(student, question, 1 + (n + student.id) % 4,
                         NOW - timedelta(days=2, minutes=n))
    db.session.commit()
    for n, student in enumerate(students):
        take(student, big, lambda a: a.question.answer if (a.position + n) % 3 else None,
             NOW + timedelta(minutes=n))
    actions.login("teach@example.com")
    counter = Statements()
    try:
        counts = [counter.during(lambda: actions.client.get(
            f"/teacher/quizzes/{quiz.id}/analysis"))[1] for quiz in (analysed["quiz"], big)]
    finally:
        counter.close()
    assert counts[0] == counts[1], counts
    assert counts[0] <= 6, counts  # the user, the quiz, marks, questions, first reviews
