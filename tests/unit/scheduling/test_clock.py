"""The study-day clock: rollover hour, time zones, DST, naive SQLite values."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from quizapp.scheduling.clock import as_utc, days_between, study_day, study_day_start

BERLIN, NEW_YORK = "Europe/Berlin", "America/New_York"


def local(text: str, tz: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def test_late_evening_and_next_morning_are_one_study_day_apart():
    evening, morning = local("2024-05-06 23:00", BERLIN), local("2024-05-07 07:00", BERLIN)
    assert (morning - evening).total_seconds() == 8 * 3600
    assert days_between(evening, morning, BERLIN, 4) == 1


def test_after_midnight_before_rollover_is_the_same_study_day():
    assert days_between(local("2024-05-07 01:00", BERLIN), local("2024-05-07 03:00", BERLIN),
                        BERLIN, 4) == 0
    assert study_day(local("2024-05-07 01:00", BERLIN), BERLIN, 4) == date(2024, 5, 6)


def test_rollover_boundary():
    assert study_day(local("2024-05-07 03:59", BERLIN), BERLIN, 4) == date(2024, 5, 6)
    assert study_day(local("2024-05-07 04:00", BERLIN), BERLIN, 4) == date(2024, 5, 7)
    assert study_day(local("2024-05-07 00:30", BERLIN), BERLIN, 0) == date(2024, 5, 7)


def test_the_same_instant_is_a_different_study_day_in_another_zone():
    moment = datetime(2024, 5, 7, 2, 30, tzinfo=timezone.utc)  # 04:30 Berlin, 22:30 New York
    assert study_day(moment, BERLIN) == date(2024, 5, 7)
    assert study_day(moment, NEW_YORK) == date(2024, 5, 6)


@pytest.mark.parametrize("tz, day, hour_utc", [
    (BERLIN, date(2024, 3, 30), 3),  # CET, UTC+1
    (BERLIN, date(2024, 3, 31), 2),  # DST began at 02:00 that night: CEST, UTC+2
    (NEW_YORK, date(2024, 11, 2), 8),  # EDT, UTC-4
    (NEW_YORK, date(2024, 11, 3), 9),  # DST ended at 02:00 that night: EST, UTC-5
])
def test_study_day_starts_at_local_rollover_across_dst(tz, day, hour_utc):
    start = study_day_start(day, tz, 4)
    assert start == datetime(day.year, day.month, day.day, hour_utc, tzinfo=timezone.utc)
    assert study_day(start, tz, 4) == day
    assert start.astimezone(ZoneInfo(tz)).hour == 4


def test_days_between_across_dst_counts_calendar_study_days():
    # 23 real hours pass between these two 05:00s in Berlin, yet they are one study day apart
    before, after = local("2024-03-30 05:00", BERLIN), local("2024-03-31 05:00", BERLIN)
    assert (after - before).total_seconds() == 23 * 3600
    assert days_between(before, after, BERLIN) == 1
    # 25 real hours in New York on the fall-back night: still one day
    before, after = local("2024-11-02 05:00", NEW_YORK), local("2024-11-03 05:00", NEW_YORK)
    assert (after - before).total_seconds() == 25 * 3600
    assert days_between(before, after, NEW_YORK) == 1


def test_naive_values_are_read_as_utc():
    naive = datetime(2024, 5, 7, 12, 0)
    assert as_utc(naive) == datetime(2024, 5, 7, 12, 0, tzinfo=timezone.utc)
    assert as_utc(naive).tzinfo is timezone.utc
    aware = datetime(2024, 5, 7, 14, 0, tzinfo=ZoneInfo(BERLIN))
    assert as_utc(aware) == datetime(2024, 5, 7, 12, 0, tzinfo=timezone.utc)
    assert as_utc(aware).tzinfo is timezone.utc


def test_bad_zone_and_rollover_are_refused():
    moment = datetime(2024, 5, 7, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="unknown time zone"):
        study_day(moment, "Mars/Olympus")
    with pytest.raises(ValueError, match="rollover"):
        study_day(moment, BERLIN, 24)
    with pytest.raises(TypeError):
        as_utc(date(2024, 5, 7))
