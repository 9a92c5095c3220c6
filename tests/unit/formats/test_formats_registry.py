"""The registry: formats recognised from files, our bank JSON, and bad input refused clearly."""
from __future__ import annotations

import json

import pytest

from quizapp.formats import (
    FORMATS,
    MAX_IMPORT_BYTES,
    FormatError,
    detect_format,
    export_questions,
    import_questions,
)


def test_registry_lists_every_format():
    assert set(FORMATS) == {"json", "gift", "moodle", "apkg", "csv"}
    assert FORMATS["moodle"].extension == ".xml"
    assert FORMATS["csv"].media_type.startswith("text/csv")
    assert all(f.exporter for f in FORMATS.values())


@pytest.mark.parametrize("fmt", ["json", "gift", "moodle", "csv"])
def test_every_export_is_recognised_whatever_its_name(fmt, questions, article):
    data = export_questions(fmt, questions, title="T", article=article)
    assert detect_format("upload" + FORMATS[fmt].extension, data) == fmt
    if fmt != "csv":  # CSV has no signature in its content beyond its header
        assert detect_format("upload.txt", data) == fmt
    assert detect_format("upload", data) == fmt


@pytest.mark.parametrize("filename, data, fmt", [
    ("quiz.txt", b"::q1::Who?{=Ann}", "gift"),
    ("quiz.txt", b"// comment\nWho?{=Ann}", "gift"),
    ("quiz.txt", b"question;answer\nWho?;Ann\n", "csv"),
    ("quiz.tsv", b"x", "csv"),
    ("moodle.txt", b'\xef\xbb\xbf <?xml version="1.0"?><quiz/>', "moodle"),
    ("bank.txt", b'\n {"format": "quizapp-bank"}', "json"),
    ("deck.apkg", b"PK\x03\x04rest", "apkg"),
])
def test_detection_by_content_then_name(filename, data, fmt):
    assert detect_format(filename, data) == fmt


@pytest.mark.parametrize("filename, data, message", [
    ("sheet.xlsx", b"PK\x03\x04", "save it as CSV"),
    ("archive.dat", b"PK\x03\x04", "a zip archive"),
    ("notes.txt", b"Just some notes.", "cannot tell the format"),
])
def test_undetectable_files_say_what_to_do(filename, data, message):
    with pytest.raises(FormatError, match=message):
        detect_format(filename, data)


def test_json_round_trip_keeps_the_whole_bank(questions, article):
    data = export_questions("json", questions, title="A set title", article=article)
    result = import_questions(data, filename="bank.json")
    assert (result.format, result.title) == ("json", "A set title")
    assert result.questions == questions and result.article == article
    assert json.loads(data)["format"] == "quizapp-bank"


def test_json_without_an_article_reads_back_without_one(questions):
    result = import_questions(export_questions("json", questions, title="Hand written"),
                              filename="b.json")
    assert (result.title, result.article) == ("Hand written", None)
    # Source sentences point into an article; without one they are left out.
    assert result.questions == [{k: v for k, v in q.items() if k != "source"} for q in questions]


def test_invalid_bank_json_names_each_question(questions, article):
    bank = json.loads(export_questions("json", questions, title="T", article=article))
    bank["questions"][1]["kind"] = "essay"
    bank["questions"][3]["answer"] = ""
    with pytest.raises(FormatError) as error:
        import_questions(json.dumps(bank).encode(), filename="bank.json")
    problems = error.value.problems
    assert any(p.startswith("question 2 (q-cloze:where.1): kind:") for p in problems)
    assert any(p.startswith("question 4 (q-tf-1): answer:") for p in problems)


def test_broken_json_names_its_line():
    with pytest.raises(FormatError, match=r"line 3, column \d+: invalid JSON"):
        import_questions(b'{\n "format": "quizapp-bank",\n oops\n}', filename="b.json")
    with pytest.raises(FormatError, match="a bank file is a JSON object"):
        import_questions(b"[1, 2]", filename="b.json")


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b" \n\t\n", "the file is empty"),
    (b"question,answer\nWho?,Ann\x00\x01\x02", "byte 24: a binary file"),
    (b"question,answer\nWho?,Andr\xe9\n", "byte 25: not UTF-8 text"),
    (b"\xff\xfeq\x00u\x00", "UTF-16"),
])
def test_unreadable_files(data, message):
    with pytest.raises(FormatError, match=message):
        import_questions(data, filename="quiz.csv")


def test_huge_files_are_refused_and_the_limit_is_said():
    data = b"question,answer\n" + b"Who?,Ann\n" * (MAX_IMPORT_BYTES // 9 + 1)
    with pytest.raises(FormatError, match=r"the file is 4\.0 MB; the limit is 4 MB"):
        import_questions(data, filename="big.csv")


@pytest.mark.parametrize("fmt", ["json", "gift", "moodle", "csv", "apkg"])
def test_invalid_questions_are_not_exported(fmt, questions):
    questions[1]["prompt"] = "No blank here"
    with pytest.raises(FormatError) as error:
        export_questions(fmt, questions, title="T")
    assert error.value.problems[0].startswith("question 2 (q-cloze:where.1): prompt:")


def test_unknown_format_is_refused(questions):
    with pytest.raises(FormatError, match="unknown format 'pdf'"):
        export_questions("pdf", questions, title="T")


def test_export_filename():
    from quizapp.formats import export_filename

    assert export_filename("gift", "Iran & Pakistan: strikes") == "iran-pakistan-strikes.gift.txt"
    assert export_filename("apkg", "Iran & Pakistan: strikes") == "iran-pakistan-strikes.apkg"
