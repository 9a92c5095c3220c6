"""Burying siblings: other questions of a fact reviewed today stay hidden until tomorrow."""
from datetime import datetime, timezone

from quizapp.scheduling.siblings import bury_siblings, reviewed_today


def test_siblings_of_a_reviewed_fact_are_buried_but_not_the_card_itself():
    candidates = [("q1", "f1"), ("q2", "f1"), ("q3", "f2"), ("q4", None), ("q5", "f1")]
    assert bury_siblings(candidates, [("q1", "f1")]) == {"q2", "q5"}
    assert bury_siblings(candidates, [("q4", None)]) == set()
    assert bury_siblings(candidates, []) == set()


def test_only_reviews_of_the_current_study_day_count():
    tz = "Europe/Berlin"
    reviews = [("q1", "f1", datetime(2024, 5, 6, 20, tzinfo=timezone.utc)),  # 22:00, May 6
               ("q3", "f2", datetime(2024, 5, 7, 1, tzinfo=timezone.utc))]  # 03:00, still May 6
    now = datetime(2024, 5, 7, 1, 30, tzinfo=timezone.utc)  # 03:30 local: study day May 6
    assert reviewed_today(reviews, now, tz) == [("q1", "f1"), ("q3", "f2")]
    later = datetime(2024, 5, 7, 3, tzinfo=timezone.utc)  # 05:00 local: a new study day
    assert reviewed_today(reviews, later, tz) == []
    assert bury_siblings([("q2", "f1")], reviewed_today(reviews, later, tz)) == set()
