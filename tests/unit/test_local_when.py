"""The next review's time in the student's words and zone: today, tomorrow, a weekday within
the week, else a date (with the year when it is another)."""
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from quizapp.templating import local_when

NEW_YORK = SimpleNamespace(timezone="America/New_York")
# Wednesday 2 December 2026, 23:30 in New York (04:30 UTC on the 3rd)
NOW = datetime(2026, 12, 3, 4, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("moment,words", [
    (datetime(2026, 12, 3, 4, 50, tzinfo=timezone.utc), "today at 23:50"),
    (datetime(2026, 12, 3, 14, 0, tzinfo=timezone.utc), "tomorrow at 9:00"),  # UTC's today
    (datetime(2026, 12, 5, 14, 5, tzinfo=timezone.utc), "on Saturday at 9:05"),
    (datetime(2026, 12, 9, 14, 0, tzinfo=timezone.utc), "on 9 Dec at 9:00"),
    (datetime(2027, 3, 20, 13, 0, tzinfo=timezone.utc), "on 20 Mar 2027 at 9:00"),  # summer time
])
def test_a_moment_in_the_students_words(moment, words):
    assert local_when(moment, NEW_YORK, NOW) == words
