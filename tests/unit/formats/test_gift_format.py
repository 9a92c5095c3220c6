"""Moodle GIFT: our questions survive a round trip; Moodle's own GIFT reads; errors name lines."""
from __future__ import annotations

import pytest

from quizapp.formats import FormatError, export_questions, import_questions
from quizapp.formats.gift import escape, import_gift


def _gift(text: str):
    return import_gift(text.encode("utf-8"), filename="quiz.gift")


def test_round_trip_keeps_every_question(questions):
    data = export_questions("gift", questions, title="Strikes: Iran/Pakistan")
    result = import_questions(data, filename="strikes.gift.txt")
    assert result.format == "gift"
    assert result.title == "Strikes: Iran/Pakistan"
    assert result.questions == questions


def test_round_trip_compares_as_sets_when_order_is_irrelevant(questions):
    result = import_questions(export_questions("gift", questions, title="T"), filename="t.gift")
    for before, after in zip(questions, result.questions):
        assert (after["id"], after["kind"], after["category"]) == (
            before["id"], before["kind"], before["category"])
        assert after["prompt"] == before["prompt"]
        assert after["answer"] == before["answer"]
        assert set(after.get("accepted", [])) == set(before.get("accepted", []))
        assert set(after.get("choices", [])) == set(before.get("choices", []))


def test_export_escapes_special_characters_and_writes_plain_text(questions):
    text = export_questions("gift", questions, title="T").decode("utf-8")
    assert r"\~tilde \= \#hash\: choice" in text
    assert r"\{curly\}" in text
    assert "::q-cloze\\:where.1::" in text
    # Newlines are written as \n so a question stays one block; text is [plain], never HTML.
    assert r"strikes?\nHint" in text
    assert "::q-0a1b2c3d4e5f6071::[plain]" in text
    assert "$CATEGORY: $course$/top/T/where" in text


def test_cloze_is_written_in_missing_word_form(questions):
    text = export_questions("gift", questions, title="T").decode("utf-8")
    assert "Iran struck targets in {\n\t=Balochistan\n\t=Baluchistan\n" in text
    assert '} province.\\nIt was "a surprise".' in text


def test_escape_matches_moodles_reserved_characters():
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_reads_moodle_documentation_examples():
    result = _gift(
        "// from the GIFT documentation\n"
        "::Grant::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}\n\n"
        "Grant is {~buried =entombed ~living} in Grant's tomb.\n\n"
        "Grant is buried in Grant's tomb.{FALSE}\n\n"
        "Who's buried in Grant's tomb?{=no one =nobody}\n\n"
        "The capital of France is {=Paris =paris} by law.\n\n"
        "::Q5:: Which is the capital? {\n  =Paris#right!\n  ~%-50%Lyon#no\n  ~Nice\n"
        "  ####General feedback here\n}\n"
    )
    first, missing, tf, short, cloze, q5 = result.questions
    assert (first["id"], first["kind"], first["answer"]) == ("Grant", "mcq", "no one")
    assert first["choices"] == ["Grant", "Jefferson", "no one"]
    assert missing["kind"] == "mcq" and missing["prompt"] == "Grant is _____ in Grant's tomb."
    assert (tf["kind"], tf["answer"]) == ("truefalse", "false")
    assert (short["kind"], short["answer"], short["accepted"]) == ("short", "no one", ["nobody"])
    assert (cloze["kind"], cloze["prompt"]) == ("cloze", "The capital of France is _____ by law.")
    assert q5["choices"] == ["Paris", "Lyon", "Nice"]
    assert q5["explanation"] == "General feedback here"
    assert {q["category"] for q in result.questions} == {"what"}
    assert result.title == "quiz" and not result.named  # no category: the page asks


def test_ids_are_computed_stably_when_the_file_has_none():
    text = "What is the capital of France?{=Paris}\n"
    first, second = _gift(text).questions[0]["id"], _gift(text).questions[0]["id"]
    assert first == second and first.startswith("q-")
    assert _gift("What is the capital of Italy?{=Rome}\n").questions[0]["id"] != first


def test_html_questions_are_read_as_text():
    result = _gift("[html]<p>Is <b>this</b> &amp; that <script>x()</script>safe?</p>{TRUE}\n")
    assert result.questions[0]["prompt"] == "Is this & that safe?"


def test_every_problem_is_reported_with_its_line_and_nothing_is_returned():
    text = (
        "::ok::A fine question?{=yes}\n"
        "\n"
        "// a comment line\n"
        "::Numbers::When was Grant born?{#1822:5}\n"
        "\n"
        "::Broken::Missing its brace {=x\n"
        "\n"
        "::Match::Match these.{=a -> b =c -> d}\n"
        "\n"
        "::Partial::Pick{~%50%a ~%50%b ~c}\n"
        "\n"
        "A description with no answers.\n"
    )
    with pytest.raises(FormatError) as error:
        _gift(text)
    problems = error.value.problems
    assert any(p.startswith("line 4: question 2 (Numbers): ") and "not supported" in p
               for p in problems)
    assert any(p.startswith("line 6: question 3 (Broken): ") and "'{' without" in p
               for p in problems)
    assert any(p.startswith("line 8: question 4 (Match): ") for p in problems)
    assert any(p.startswith("line 10: question 5 (Partial): ") and "partial credit" in p
               for p in problems)
    assert any(p.startswith("line 12: question 6 (A description") for p in problems)
    assert not any("question 1 " in p for p in problems)


def test_an_invalid_question_of_a_known_kind_is_located():
    with pytest.raises(FormatError) as error:
        _gift("\n\n::dup::One?{=a ~a}\n\n::dup::Two?{=b}\n\n::dup::Two?{=b}\n")
    problems = error.value.problems
    assert any(p.startswith("line 3: question 1 (dup): choices:") for p in problems)
    assert any(p.startswith("line 7: question 3 (dup): the same question") for p in problems)


MOODLE_EXPORT = """// question: 0  name: Switch category to $course$/top/Default for History
$CATEGORY: $course$/top/Default for History


// question: 101  name: Capital
::Capital::[html]<p>What is the capital of <b>France</b>?</p>{
\t=%100%Paris#Right.
\t=%0%Lyon#Wrong city.
}


// question: 102  name: Battle
::Battle::[html]The battle of Hastings was in 1066.{TRUE#No#Yes}


// question: 103  name: Rivers
::Rivers::[moodle]Which river flows through Rome?{
\t=Tiber
\t~Seine
\t~Thames
\t####[html]<p>The <i>Tevere</i>.</p>
}
"""


def test_reads_a_gift_file_exported_by_moodle():
    result = _gift(MOODLE_EXPORT)
    capital, battle, rivers = result.questions
    assert (capital["id"], capital["kind"], capital["prompt"]) == (
        "Capital", "short", "What is the capital of France?")
    assert (capital["answer"], capital.get("accepted")) == ("Paris", None)  # 0% is not accepted
    assert (battle["kind"], battle["answer"]) == ("truefalse", "true")
    assert (rivers["answer"], rivers["choices"]) == ("Tiber", ["Tiber", "Seine", "Thames"])
    assert rivers["explanation"] == "The Tevere."
    # Moodle's category names the set: "Default for History" is the History course's own.
    assert result.title == "History" and result.named


@pytest.mark.parametrize("path,expected", [
    ("$course$/top/Capitals of Europe", (None, "Capitals of Europe")),
    ("$course$/top/Default for Geography", (None, "Geography")),
    ("$course$/top/Capitals/who", ("who", "Capitals")),
    ("$course$/top/Week 3/Rivers", (None, "Rivers")),
    ("$course$/top/who", ("who", None)),
    ("$course$/top", (None, None)),
    ("$system$/top/A//B", (None, "A/B")),
])
def test_a_category_path_names_the_set(path, expected):
    from quizapp.formats.common import read_category_path

    assert read_category_path(path) == expected


def test_a_gift_files_category_names_its_set_not_its_file_name():
    result = _gift("$CATEGORY: $course$/top/Capitals of Europe\n\n::a:: Capital of France? "
                   "{=Paris}\n")
    assert (result.title, result.named) == ("Capitals of Europe", True)


def test_control_characters_are_refused_with_their_place():
    with pytest.raises(FormatError) as error:
        _gift("::c::Bell\x07 rings?{=yes =y\x0bes}\n")
    assert error.value.problems == [
        "line 1: question 1 (c): prompt: contains the control character U+0007",
        "line 1: question 1 (c): accepted: contains the control character U+000B",
    ]


def test_an_answer_before_any_mark_is_read_as_moodle_does():
    short, mcq = _gift("Capital of France?{Paris =Paris city}\n\nPick one {a =b ~c}\n").questions
    assert (short["answer"], short["accepted"]) == ("Paris", ["Paris city"])
    assert (mcq["answer"], mcq["choices"]) == ("b", ["a", "b", "c"])


def test_hand_edited_metadata_cannot_replace_the_answer_block():
    result = _gift('// quizapp: {"accepted": ["wrong"], "blank": "<b>", "tags": ["t"]}\n'
                   "The {=Tiber =Tevere} flows through Rome.\n")
    question = result.questions[0]
    assert question["accepted"] == ["Tevere"] and question["tags"] == ["t"]
    assert question["prompt"] == "The _____ flows through Rome."
