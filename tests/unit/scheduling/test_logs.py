"""Reading review logs: both layouts, and errors that name the bad line."""
from datetime import datetime, timezone

import pytest

from quizapp.scheduling.logs import LogEntry, LogFormatError, read_log
from quizapp.scheduling.state import Rating


def write(tmp_path, text):
    path = tmp_path / "logs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_fsrs_layout(tmp_path):
    path = write(tmp_path, "card_id,review_rating,review_time,review_duration\n"
                           "17,3,2024-03-29T20:32:32.250000+00:00,25060\n"
                           "17,1,2024-03-30T08:00:00+02:00,\n"
                           "18,4,1711744800000,100\n")
    assert read_log(path) == [
        LogEntry("17", Rating.GOOD, datetime(2024, 3, 29, 20, 32, 32, 250000, timezone.utc),
                 25060),
        LogEntry("17", Rating.AGAIN, datetime(2024, 3, 30, 6, tzinfo=timezone.utc), None),
        LogEntry("18", Rating.EASY, datetime(2024, 3, 29, 20, 40, tzinfo=timezone.utc), 100)]


def test_quizapp_export_layout(tmp_path):
    path = write(tmp_path, "user_id,question_id,rating,reviewed_at,duration_ms\n"
                           "3,q-ab12,2,2024-05-07 12:00:00,4100\n")
    assert read_log(path) == [LogEntry("3/q-ab12", Rating.HARD,
                                       datetime(2024, 5, 7, 12, tzinfo=timezone.utc), 4100)]


@pytest.mark.parametrize("bad_line, message", [
    ("17,5,2024-03-29T20:32:32+00:00,100", "rating must be 1–4"),
    ("17,good,2024-03-29T20:32:32+00:00,100", "invalid literal"),
    ("17,3,yesterday,100", "Invalid isoformat"),
    ("17,3,2024-03-29T20:32:32+00:00,-5", "negative"),
    ("17,3,2024-03-29T20:32:32+00:00", "wrong number of fields"),
    ("17,3,2024-03-29T20:32:32+00:00,5,extra", "wrong number of fields"),
])
def test_bad_line_is_named(tmp_path, bad_line, message):
    path = write(tmp_path, "card_id,review_rating,review_time,review_duration\n"
                           "17,3,2024-03-29T20:32:32+00:00,100\n" + bad_line + "\n")
    with pytest.raises(LogFormatError, match=f"logs.csv:3: .*{message}"):
        read_log(path)


def test_unknown_header_and_empty_log(tmp_path):
    with pytest.raises(LogFormatError, match="logs.csv:1: unknown header"):
        read_log(write(tmp_path, "id,grade,when\n1,3,2024-01-01\n"))
    with pytest.raises(LogFormatError, match="no reviews"):
        read_log(write(tmp_path, "card_id,review_rating,review_time,review_duration\n"))
