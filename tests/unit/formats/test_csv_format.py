"""CSV: our full header round trips, teachers' short header reads, formulas stay inert."""
from __future__ import annotations

import csv
import io

import pytest

from quizapp.formats import FormatError, export_questions, import_questions
from quizapp.formats.csv_format import COLUMNS, import_csv

CARRIED = set(COLUMNS)


def _csv(text: str, filename: str = "my quiz.csv"):
    return import_csv(text.encode("utf-8"), filename=filename)


def test_round_trip_keeps_every_column(questions):
    data = export_questions("csv", questions, title="T")
    result = import_questions(data, filename="strikes.csv")
    assert result.format == "csv" and result.title == "strikes"
    assert result.questions == [{k: v for k, v in q.items() if k in CARRIED} for q in questions]


def test_export_guards_cells_against_formulas(questions):
    data = export_questions("csv", questions, title="T").decode("utf-8")
    assert data.startswith("\ufeffid,kind,category,prompt,answer,accepted,choices,explanation,tags")
    rows = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"))))
    number = next(r for r in rows if r["id"] == "q-number-1")
    assert number["prompt"].startswith("'=SUM(A1)")
    assert number["tags"] == "'=cmd"
    assert number["choices"] == "2 | -5 | =1+1 | @three | +4"  # only a cell's start matters
    odd = next(r for r in rows if r["id"] == "q-short-odd")
    assert odd["prompt"].startswith("'-Odd")
    assert odd["accepted"] == "[html]fifty percent | a \\| b"
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_short_header_with_inferred_kinds():
    result = _csv(
        "question,answer,alternatives,choices\n"
        "Capital of France?,Paris,Paris city | Lutetia,\n"
        "The sky is green.,FALSE,,\n"
        "The ___ of Italy is Rome.,capital,,\n"
        '"Pick the ""right"" one",b,,a | b | c\n'
        ",,,\n"
    )
    short, tf, cloze, mcq = result.questions
    assert (short["kind"], short["accepted"]) == ("short", ["Paris city", "Lutetia"])
    assert (tf["kind"], tf["answer"]) == ("truefalse", "false")
    assert cloze["kind"] == "cloze"
    assert (mcq["kind"], mcq["prompt"], mcq["choices"]) == ("mcq", 'Pick the "right" one',
                                                            ["a", "b", "c"])
    assert {q["category"] for q in result.questions} == {"what"}
    assert result.title == "my quiz"
    assert _csv("question,answer\nCapital of France?,Paris\n").questions[0]["id"] == short["id"]


def test_semicolons_and_tabs_are_read_too():
    for sep in (";", "\t"):
        result = _csv(f"Question{sep}Answer{sep}Category\nWho won?{sep}Ann{sep}who\n")
        assert result.questions[0]["category"] == "who"


def test_problems_name_their_line_counting_multi_line_cells():
    with pytest.raises(FormatError) as error:
        _csv(
            "question,answer,choices,kind\n"
            '"A question\nover two lines?",yes,,\n'
            "Pick one,d,a | b | c,\n"
            "Which kind?,x,,essay\n"
            "Too,many,cells,,here\n"
            "Fine?,yes,,\n"
        )
    problems = error.value.problems
    assert any(p.startswith("line 4: question 2 (Pick one): choices: the answer must be one")
               for p in problems)
    assert any(p.startswith("line 5: question 3 (Which kind?): kind 'essay'") for p in problems)
    assert any(p.startswith("line 6: question 4 (Too): 5 cells") for p in problems)
    assert not any("question 1 " in p or "question 5 " in p for p in problems)


def test_header_problems():
    with pytest.raises(FormatError) as error:
        _csv("prompt,solution,prompt\nx,y,z\n")
    assert error.value.problems == [
        "line 1: the column 'prompt' appears twice",
        ("line 1: unknown column 'solution'; known columns are question, alternatives, id, kind, "
        "category, prompt, answer, accepted, choices, explanation, tags"),
        "line 1: no 'answer' column",
    ]


def test_a_header_alone_holds_no_questions():
    with pytest.raises(FormatError, match="no questions"):
        _csv("question,answer\n")


def test_unclosed_quote_is_a_located_error():
    with pytest.raises(FormatError) as error:
        _csv('question,answer\n"Never closed,x\n')
    assert error.value.problems[0].startswith("line ")
    assert "not readable as CSV" in error.value.problems[0]
