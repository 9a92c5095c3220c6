"""The progress page's due forecast places due moments on study days by the days' starts (one
bisect each) instead of converting every moment to local time: the two must agree, across a
daylight-saving change and at each rollover instant."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from quizapp.reports import due_forecast
from quizapp.scheduling import study_day, study_day_start
from quizapp.services.progress import due_rows


@pytest.mark.parametrize("tz,today,rollover", [
    ("Europe/Paris", date(2026, 10, 20), 4),  # clocks go back on 25 October
    ("America/New_York", date(2026, 3, 1), 4),  # forward on 8 March
    ("Australia/Lord_Howe", date(2026, 3, 30), 2),  # a half-hour change on 5 April
    ("UTC", date(2026, 12, 2), 0),
])
def test_due_days_match_each_moments_own_study_day(tz, today, rollover):
    start = study_day_start(today, tz, rollover)
    moments = [start + timedelta(minutes=37 * n) for n in range(-200, 31 * 24 * 60 // 37 + 200)]
    # every day's exact start, and the instant before it
    starts = [study_day_start(today + timedelta(days=n), tz, rollover) for n in range(-2, 33)]
    moments += starts + [s - timedelta(microseconds=1) for s in starts]
    expected = due_forecast(((study_day(m, tz, rollover), 1) for m in moments), today)
    assert due_forecast(due_rows(moments, today, tz, rollover), today) == expected
    assert expected.backlog > 0 and sum(n for _, n in expected.days) > 0


def test_a_moment_before_today_is_backlog_and_one_past_the_forecast_is_left_out():
    today = date(2026, 12, 2)
    now = datetime(2026, 12, 2, 12, tzinfo=timezone.utc)
    forecast = due_forecast(due_rows([now - timedelta(days=3), now, now + timedelta(days=45)],
                                     today, "UTC", 4), today)
    assert forecast.backlog == 1
    assert forecast.days[0] == (today, 1) and sum(n for _, n in forecast.days) == 1
