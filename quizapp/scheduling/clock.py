"""The study-day clock: which day of study a moment belongs to, in the student's time zone.

A study day starts at the rollover hour (4 am by default) in the student's own time zone, so a
review at 01:00 still counts for the evening before. Spaced repetition counts elapsed time in
study days, never in 24-hour periods: a review at 23:00 and the next at 07:00 the next morning
are one day apart, although only eight hours passed.

``as_utc`` is the one place where naive datetimes (as SQLite returns them) become UTC.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ROLLOVER_HOUR = 4


def as_utc(moment: datetime) -> datetime:
    """The same instant with ``tzinfo=timezone.utc``; a naive value is read as UTC.

    SQLite stores no offset, so values come back naive although we always write UTC; this is
    the single boundary where that is made explicit. fsrs insists on exactly ``timezone.utc``.
    """
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@lru_cache(maxsize=64)
def zone(tz_name: str) -> ZoneInfo:
    """The IANA time zone called ``tz_name``; a clear ValueError for an unknown name."""
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz_name!r}") from None


def check_rollover(rollover_hour: int) -> int:
    if not isinstance(rollover_hour, int) or not 0 <= rollover_hour <= 23:
        raise ValueError(f"rollover hour must be a whole hour 0–23, got {rollover_hour!r}")
    return rollover_hour


def study_day(moment: datetime, tz_name: str,
              rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> date:
    """The study day ``moment`` belongs to for a student in ``tz_name``.

    The local wall-clock time minus the rollover hour gives the day; wall-clock arithmetic
    is what we want here, so a DST change shifts nothing: 04:00 local is always the rollover.
    """
    check_rollover(rollover_hour)
    local = as_utc(moment).astimezone(zone(tz_name))
    return (local.replace(tzinfo=None) - timedelta(hours=rollover_hour)).date()


def days_between(earlier: datetime, later: datetime, tz_name: str,
                 rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> int:
    """Whole study days from ``earlier`` to ``later`` (0 on the same study day)."""
    return (study_day(later, tz_name, rollover_hour)
            - study_day(earlier, tz_name, rollover_hour)).days


def study_day_start(day: date, tz_name: str,
                    rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> datetime:
    """The UTC instant at which study day ``day`` begins (its rollover hour, local time).

    In a DST gap (a rollover hour that does not exist that night) zoneinfo reads the wall time
    with the offset from before the change, which lands just after the gap: still that day.
    """
    check_rollover(rollover_hour)
    local = datetime.combine(day, time(hour=rollover_hour), tzinfo=zone(tz_name))
    return local.astimezone(timezone.utc)
