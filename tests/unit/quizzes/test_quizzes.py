"""The pure quiz rules: an attempt's plan from its seed, grading, regrading, the clock."""
from datetime import datetime, timedelta, timezone

from quizapp.quizzes import (
    PoolQuestion, Regrade, accepts_answers, counted_score, deadline, grade, plan_attempt,
    results_visible, review_rating, shows_at_least, window)

POOL = [PoolQuestion(i, "mcq" if i % 2 else "short",
                     (f"right{i}", f"wrong{i}a", f"wrong{i}b", f"wrong{i}c") if i % 2 else (),
                     ("set", i, i)) for i in range(1, 21)]
NOW = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def plan(seed="s1", **kw):
    args = {"count": 8, "fixed": [], "kinds": [], "shuffle_questions": True,
            "shuffle_choices": True, "points": 2.0, **kw}
    return plan_attempt(POOL, seed=seed, **args)


def test_the_same_seed_gives_the_same_plan_and_another_seed_another():
    assert plan("s1") == plan("s1")
    assert [s.question_id for s in plan("s1")] != [s.question_id for s in plan("s2")]
    assert all(s.points == 2.0 for s in plan()) and [s.position for s in plan()] == list(range(8))


def test_choice_ids_are_opaque_and_the_order_is_shuffled():
    slots = [s for seed in ("a", "b", "c", "d") for s in plan(seed, count=None) if s.choices]
    for slot in slots:
        ids = [cid for cid, _ in slot.choices]
        assert len(set(ids)) == len(ids) and all(len(cid) == 13 for cid in ids)
        assert not any(text in cid for cid, text in slot.choices)
    firsts = [slot.choices[0][1].startswith("right") for slot in slots]
    assert 0 < sum(firsts) < len(firsts) / 2  # the right answer is not always first


def test_unshuffled_plans_keep_the_sets_order_and_the_choice_order():
    slots = plan(count=None, shuffle_questions=False, shuffle_choices=False)
    assert [s.question_id for s in slots] == list(range(1, 21))
    assert [text for _, text in slots[0].choices] == list(POOL[0].choices)


def test_a_fixed_list_and_allowed_kinds():
    assert [s.question_id for s in plan(fixed=[5, 3, 4], shuffle_questions=False)] == [5, 3, 4]
    kinds = {POOL[s.question_id - 1].kind for s in plan(count=None, kinds=["short"])}
    assert kinds == {"short"}


def test_grading_goes_through_the_kinds_registry():
    mcq = {"kind": "mcq", "answer": "Paris", "choices": ["Paris", "Rome"], "accepted": []}
    short = {"kind": "short", "answer": "Hossein Amir-Abdollahian",
             "accepted": ["Amir-Abdollahian"], "choices": []}
    assert grade(mcq, "Paris", 2.0) == (True, 2.0)
    assert grade(mcq, "Rome", 2.0) == (False, 0.0)
    assert grade(short, "amir-abdollahian", 1.0) == (True, 1.0)
    assert grade(short, None, 1.0) == (False, 0.0) and grade(short, "  ", 1.0) == (False, 0.0)


def test_a_regrade_accepts_another_answer_or_gives_everyone_the_point():
    mcq = {"kind": "mcq", "answer": "Paris", "choices": ["Paris", "Rome"], "accepted": []}
    assert grade(mcq, "Rome", 1.0, Regrade(accepted=("Rome",))) == (True, 1.0)
    assert grade(mcq, None, 1.0, Regrade(everyone=True)) == (True, 1.0)
    assert Regrade.from_dict(Regrade(("x",), True).to_dict()) == Regrade(("x",), True)


def test_the_score_that_counts():
    attempts = [(1, 3.0), (2, 5.0), (3, 4.0), (4, None)]
    assert counted_score(attempts, "highest") == 5.0
    assert counted_score(attempts, "first") == 3.0
    assert counted_score(attempts, "last") == 4.0
    assert counted_score([], "highest") is None
    assert (review_rating(True), review_rating(False)) == (3, 1)


def test_the_clock():
    closes = NOW + timedelta(minutes=5)
    assert deadline(NOW, 600, closes) == closes
    assert deadline(NOW, 60, closes) == NOW + timedelta(seconds=60)
    assert deadline(NOW, None, None) is None
    end = NOW + timedelta(seconds=60)
    assert accepts_answers(end + timedelta(seconds=5), end, 5)
    assert not accepts_answers(end + timedelta(seconds=6), end, 5)
    assert window(NOW, NOW + timedelta(1), None) == "upcoming"
    assert window(NOW, None, NOW) == "closed" and window(NOW, None, None) == "open"
    assert results_visible(NOW, "submitted", None)
    assert not results_visible(NOW, "closed", closes)
    assert results_visible(closes, "closed", closes)
    assert shows_at_least("source", "right_answers") and not shows_at_least("score", "answers")
