"""Property-based tests: any input to the bank, GIFT, Moodle XML and CSV readers and to the
answer checker gives a result or a located error, never another exception."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizapp.answers.check import check_typed
from quizapp.bank import BankError, load_bank
from quizapp.formats import FormatError, import_questions

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
# A problem is located by a line, byte, question or JSON place, or names the whole file.
LOCATED = re.compile(r"line \d+|byte \d+|question \d+|^[\w.\[\]]+: |\(top level\)|the file"
                     r"|nested deeper|finite number|JSON object|title would be")

GIFT_PIECES = st.sampled_from(["::q::", "Who spoke?", "{", "}", "=Ann", "~Bob", "#", "\n\n",
                               "$CATEGORY: $course$/top/x/who", "// c", "\\{", "TRUE", "->",
                               "%50%", "\n", " ", "[html]", "<b>", "é"])
XML_PIECES = st.sampled_from(['<?xml version="1.0"?>', "<quiz>", "</quiz>",
                              '<question type="shortanswer">', '<question type="multichoice">',
                              "</question>", "<questiontext format=\"html\"><text>",
                              "</text></questiontext>", '<answer fraction="100"><text>',
                              '<answer fraction="x"><text>', "</text></answer>", "&lt;a&gt;",
                              "<name><text>n</text></name>", "Who?", "<![CDATA[<p>x</p>]]>",
                              "&amp;", "<", ">"])
CSV_PIECES = st.sampled_from(["question,answer,kind,choices,accepted,category,tags\n",
                              "question;answer\n", "Who?,Ann", ",mcq", ",short", ",truefalse",
                              ",cloze", ',"a|b"', ",true", "\n", '"', ",", "\t", "=cmd()",
                              ",who", "é"])
JSON_PIECES = st.sampled_from(['{"format": "quizapp-bank", "format_version": 1, ',
                               '"generator": {"name": "x", "version": "1"}, ',
                               '"article": {"title": "T", "slug": "t", "sha256": "' + "0" * 64
                               + '", "text": "Ann spoke."}, ', '"questions": [', "]", "}",
                               '{"id": "q1", "kind": "short", "category": "who", ',
                               '"prompt": "Who?", "answer": "Ann"}', ",", "NaN", "1e999", "[",
                               '"source": {"sentence": 0, "start": 0, "end": 3}', "null", '"'])


def pieces(strategy):
    return st.lists(strategy, max_size=40).map("".join)


def assert_read_or_located(data: bytes, filename: str) -> None:
    try:
        result = import_questions(data, filename=filename)
    except FormatError as exc:
        assert exc.problems and all(LOCATED.search(p) for p in exc.problems), exc.problems
    else:
        assert result.questions and result.title


@SETTINGS
@given(st.one_of(pieces(JSON_PIECES), st.text(max_size=300)))
def test_any_bank_text_is_read_or_refused_with_its_place(text):
    try:
        load_bank(text if text.lstrip().startswith("{") else "{" + text)
    except BankError as exc:
        assert exc.problems and all(LOCATED.search(p) for p in exc.problems), exc.problems
    assert_read_or_located(text.encode("utf-8"), "bank.json")


@SETTINGS
@given(st.one_of(pieces(GIFT_PIECES), st.binary(max_size=300)))
@example(b"\xef\xbb\xbf")
def test_any_gift_file_is_read_or_refused_with_its_place(data):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    assert_read_or_located(raw, "quiz.gift")


@SETTINGS
@given(st.one_of(pieces(XML_PIECES), st.binary(max_size=300)))
@example(b"\xef\xbb\xbf")
def test_any_moodle_xml_file_is_read_or_refused_with_its_place(data):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    assert_read_or_located(raw, "quiz.xml")


@SETTINGS
@given(st.one_of(pieces(CSV_PIECES), st.binary(max_size=300)))
@example(b"\xef\xbb\xbf")  # a byte order mark alone once ended in StopIteration
def test_any_csv_file_is_read_or_refused_with_its_place(data):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    assert_read_or_located(raw, "quiz.csv")


@SETTINGS
@given(st.text(max_size=200), st.text(min_size=1, max_size=60).filter(
    lambda a: any(c.isalnum() for c in a)), st.lists(st.text(max_size=40), max_size=4),
       st.lists(st.text(max_size=40), max_size=4))
def test_any_typed_answer_gets_a_verdict(given_text, answer, accepted, wrong):
    try:
        verdict = check_typed(given_text, answer, accepted, wrong)
    except ValueError as exc:  # an answer with no letters or digits once normalised
        assert "has no letters or digits" in str(exc)
    else:
        assert isinstance(verdict.correct, bool)
