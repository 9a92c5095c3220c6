"""Moodle XML: round trips, Moodle's own files, escaping, and a parser that refuses entities."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from quizapp.formats import FormatError, export_questions, import_questions
from quizapp.formats.moodle_xml import import_moodle_xml

# What Moodle XML does not carry: the fact key, origin and quality score.
NOT_CARRIED = ("fact", "origin", "quality")


def _xml(text: str):
    return import_moodle_xml(text.encode("utf-8"), filename="export.xml")


def test_round_trip_keeps_every_question(questions):
    data = export_questions("moodle", questions, title="Strikes: Iran/Pakistan & <b>")
    result = import_questions(data, filename="strikes.xml")
    assert result.format == "moodle"
    assert result.title == "Strikes: Iran/Pakistan & <b>"
    expected = [{k: v for k, v in q.items() if k not in NOT_CARRIED} for q in questions]
    assert result.questions == expected


def test_round_trip_fields_one_by_one(questions):
    result = import_questions(export_questions("moodle", questions, title="T"), filename="t.xml")
    for before, after in zip(questions, result.questions, strict=True):
        assert after["id"] == before["id"]
        assert (after["kind"], after["category"]) == (before["kind"], before["category"])
        assert (after["prompt"], after["answer"]) == (before["prompt"], before["answer"])
        assert set(after.get("accepted", [])) == set(before.get("accepted", []))
        assert set(after.get("choices", [])) == set(before.get("choices", []))


def test_export_is_moodle_xml_with_escaped_html(questions):
    root = ET.fromstring(export_questions("moodle", questions, title="T"))
    assert root.tag == "quiz"
    mcq = root.find("question[@type='multichoice']")
    assert mcq.findtext("idnumber") == "q-0a1b2c3d4e5f6071"
    text = mcq.findtext("questiontext/text")
    # The stored HTML shows the script tag as text, it does not contain one.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    assert text.endswith("<br>Hint: ~ = # { } : \\ //")
    assert [a.get("fraction") for a in mcq.findall("answer")] == ["100", "0", "0", "0"]
    feedback = mcq.findtext("generalfeedback/text")
    assert 'class="quizapp-source" data-sentence="2" data-start="132"' in feedback
    types = [q.get("type") for q in root.findall("question")]
    assert types.count("shortanswer") == 4 and types.count("truefalse") == 2
    assert root.find("question[@type='category']/category/text").text == "$course$/top/T/who"


def test_reads_a_file_written_by_moodle():
    result = _xml("""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Default for Geography</text>
  </category></question>
  <question type="multichoice">
    <name><text>Capital of France</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>What is the <b>capital</b> of France?</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Paris since 987.</p>]]></text>
    </generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text><![CDATA[<p>Paris</p>]]></text></answer>
    <answer fraction="-33.33333" format="html"><text>Lyon</text></answer>
    <answer fraction="0" format="html"><text>Nice</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Q2</text></name>
    <questiontext format="moodle_auto_format"><text>Who wrote Hamlet?
Give a surname.</text></questiontext>
    <answer fraction="100"><text>Shakespeare</text></answer>
    <answer fraction="100"><text>Shakspere</text></answer>
    <answer fraction="0"><text>Marlowe</text></answer>
  </question>
  <question type="truefalse">
    <name><text>tf</text></name>
    <questiontext format="plain_text"><text>The sky is &lt;green&gt;.</text></questiontext>
    <answer fraction="0"><text>true</text></answer>
    <answer fraction="100"><text>false</text></answer>
  </question>
</quiz>""")
    mcq, short, tf = result.questions
    assert mcq["prompt"] == "What is the capital of France?"
    assert (mcq["answer"], mcq["choices"]) == ("Paris", ["Paris", "Lyon", "Nice"])
    assert mcq["explanation"] == "Paris since 987."
    assert mcq["id"].startswith("q-")  # "Capital of France" is a name, not an id
    assert short["prompt"] == "Who wrote Hamlet?\nGive a surname."
    assert (short["id"], short["kind"], short["accepted"]) == ("Q2", "short", ["Shakspere"])
    assert (tf["prompt"], tf["answer"]) == ("The sky is <green>.", "false")
    assert {q["category"] for q in result.questions} == {"what"}
    assert result.title == "Geography" and result.named


@pytest.mark.parametrize("attack", [
    '<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<quiz>&xxe;</quiz>',
    ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
    "<quiz><question type='truefalse'><questiontext><text>&lol2;</text></questiontext>"
    "</question></quiz>"),
])
def test_entities_and_doctypes_are_refused(attack):
    with pytest.raises(FormatError) as error:
        _xml('<?xml version="1.0"?>\n' + attack)
    assert error.value.problems[0].startswith("line 2: a DOCTYPE or ENTITY declaration")


def test_undeclared_entities_are_an_error_not_a_lookup():
    with pytest.raises(FormatError) as error:
        _xml("<quiz>\n<question type='truefalse'>&ext;</question></quiz>")
    assert error.value.problems[0].startswith("line 2: not well-formed XML")


def test_malformed_xml_names_its_line():
    with pytest.raises(FormatError) as error:
        _xml("<quiz>\n<question type='truefalse'>\n<name><text>x</name>\n</question></quiz>")
    assert error.value.problems[0].startswith("line 3: not well-formed XML")


def test_other_root_element_is_refused():
    with pytest.raises(FormatError, match="not Moodle's <quiz>"):
        _xml("<html><body/></html>")


def test_every_bad_question_is_located_and_nothing_is_returned():
    with pytest.raises(FormatError) as error:
        _xml("""<quiz>
<question type="essay"><name><text>Essay one</text></name>
<questiontext><text>Discuss.</text></questiontext></question>
<question type="multichoice"><name><text>Two right</text></name>
<questiontext><text>Pick</text></questiontext>
<answer fraction="100"><text>a</text></answer><answer fraction="100"><text>b</text></answer>
</question>
<question type="shortanswer"><name><text>Half</text></name>
<questiontext><text>Say</text></questiontext>
<answer fraction="50"><text>a</text></answer></question>
<question type="truefalse"><name><text>fine</text></name>
<questiontext><text>True?</text></questiontext>
<answer fraction="100"><text>true</text></answer></question>
</quiz>""")
    problems = error.value.problems
    assert any(p.startswith("line 2: question 1 (Essay one): Moodle type 'essay'")
               for p in problems)
    assert any(p.startswith("line 4: question 2 (Two right): needs exactly one right answer")
               for p in problems)
    assert any(p.startswith("line 8: question 3 (Half): partial credit") for p in problems)
    assert not any("question 4" in p for p in problems)


def test_a_question_with_an_image_is_located_not_silently_emptied():
    with pytest.raises(FormatError) as error:
        _xml("""<quiz><question type="truefalse"><name><text>pic</text></name>
<questiontext format="html"><text><![CDATA[<p>Is this Rome? <img src="@@PLUGINFILE@@/r.png"></p>]]>
</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
</question></quiz>""")
    assert error.value.problems == [
        ("line 1: question 1 (pic): the question shows an image or other media; quizapp questions "
        "are text")]
