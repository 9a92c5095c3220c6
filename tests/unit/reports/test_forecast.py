"""Knowledge forecast (ΣR if the student stops now) and due forecast on hand-made rows."""
from datetime import UTC, date, datetime, timedelta

import pytest

from quizapp.reports.forecast import due_forecast, knowledge_forecast
from quizapp.reports.mastery import CardMemory
from quizapp.scheduling import Settings

NOW = datetime(2026, 12, 1, 18, tzinfo=UTC)


def test_knowledge_falls_to_ninety_percent_at_the_stability():
    # two cards of stability 2 days reviewed just now: ΣR = 2 today, 2 × 0.9 in two days
    cards = [CardMemory("a", 2.0, NOW), CardMemory("b", 2.0, NOW)]
    points = knowledge_forecast(cards, Settings(), NOW, days=2)
    assert [p.days_ahead for p in points] == [0, 1, 2]
    assert points[0].expected_recalled == pytest.approx(2.0)
    assert points[2].expected_recalled == pytest.approx(1.8)
    assert 1.8 < points[1].expected_recalled < 2.0


def test_knowledge_of_nothing_seen_is_zero():
    assert knowledge_forecast([], Settings(), NOW, days=1)[1].expected_recalled == 0


def test_due_forecast_has_a_bar_per_day_and_a_backlog():
    today = date(2026, 12, 1)
    rows = [(today - timedelta(days=2), 3), (today - timedelta(days=1), 1), (today, 4),
            (today + timedelta(days=2), 5), (today + timedelta(days=2), 1),
            (today + timedelta(days=40), 9)]
    forecast = due_forecast(rows, today, days=3)
    assert forecast.backlog == 3 + 1
    assert forecast.days == ((today, 4), (today + timedelta(days=1), 0),
                             (today + timedelta(days=2), 6))


def test_bad_forecast_input_is_refused():
    today = date(2026, 12, 1)
    with pytest.raises(ValueError, match="cannot be negative"):
        due_forecast([(today, -1)], today)
    with pytest.raises(ValueError, match="at least 1 day"):
        due_forecast([], today, days=0)
    with pytest.raises(ValueError, match="at least 1 day"):
        knowledge_forecast([], Settings(), NOW, days=0)


def test_knowledge_history_sums_the_planned_recall_of_each_day():
    from quizapp.reports.forecast import knowledge_history
    d1, d2 = date(2026, 11, 1), date(2026, 11, 8)
    rows = [(d1, 10, 10, 3),  # three cards at their 10-day interval: 0.9 each
            (d1, 0, 5, 2),  # two reviewed that very day: 1.0 each
            (d1, 1, None, 4),  # four in their learning steps: left out
            (d2, 5, 5, 1), (d2, 0, None, 1)]
    assert knowledge_history(rows, Settings()) == (
        (d1, pytest.approx(3 * 0.9 + 2)), (d2, pytest.approx(0.9)))
    assert knowledge_history([(d1, 2, None, 3)], Settings()) == ((d1, 0.0),)
    assert knowledge_history([(d2, 5, 5, 1)], Settings(), [d1, d2]) == (
        (d1, 0.0), (d2, pytest.approx(0.9)))
