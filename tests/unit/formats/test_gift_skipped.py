"""A GIFT or Moodle XML file imports what quizapp can hold and lists what it skipped and why,
as Moodle does; a GIFT question run into the next without a blank line is told the rule."""
import pytest

from quizapp.formats import FormatError, import_questions

GOOD_AND_ESSAY = (
    "::one:: Who spoke in Tehran? {=Amir-Abdollahian}\n\n"
    "::two:: Which city was struck? {~Tehran =Panjgur ~Quetta}\n\n"
    "::essay:: Write about the strikes. {}\n\n"
    "::three:: Pakistan recalled its ambassador. {TRUE}\n\n"
    "::numbers:: When? {#2024}\n\n"
    "::match:: Match these. {=Iran -> Tehran =Pakistan -> Islamabad}\n\n"
    "Some words of introduction, with no answers.\n"
)


def test_the_questions_quizapp_holds_are_imported_and_the_others_listed():
    result = import_questions(GOOD_AND_ESSAY.encode(), filename="week.gift")
    assert [q["id"] for q in result.questions] == ["one", "two", "three"]
    assert [s.split(":")[0] for s in result.skipped] == ["line 5", "line 9", "line 11",
                                                         "line 13"]
    assert "an essay question" in result.skipped[0] and "skipped" in result.skipped[0]
    assert "a numerical question" in result.skipped[1]
    assert "a matching question" in result.skipped[2]
    assert "a description" in result.skipped[3]


def test_a_file_of_only_skipped_questions_is_refused_with_the_reasons():
    with pytest.raises(FormatError) as error:
        import_questions(b"::essay:: Write. {}\n\n::n:: When? {#2024}\n", filename="e.gift")
    problems = error.value.problems
    assert "no question quizapp can import" in problems[0]
    assert any("an essay question" in p for p in problems)


def test_questions_without_a_blank_line_between_them_are_told_the_rule():
    with pytest.raises(FormatError) as error:
        import_questions(b"::a:: Who? {=Ann}\n::b:: Where? {=Paris}\n", filename="run.gift")
    assert "blank line" in error.value.problems[0]


def test_a_moodle_xml_file_skips_the_types_quizapp_does_not_have():
    data = (b'<?xml version="1.0"?><quiz>\n'
            b'<question type="essay"><name><text>Essay</text></name><questiontext><text>Write.'
            b"</text></questiontext></question>\n"
            b'<question type="shortanswer"><name><text>one</text></name><questiontext>'
            b'<text>Who spoke?</text></questiontext><answer fraction="100"><text>Ann</text>'
            b"</answer></question>\n</quiz>")
    result = import_questions(data, filename="week.xml")
    assert [q["id"] for q in result.questions] == ["one"]
    assert result.skipped == [("line 2: question 1 (Essay): Moodle type 'essay' has no "
                               "quizapp kind (not supported); skipped")]
