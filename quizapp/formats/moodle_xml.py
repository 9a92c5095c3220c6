"""Moodle XML: writing bank questions as a Moodle question-bank file and reading one back.

Kinds map to Moodle types: mcq → ``multichoice`` (one right answer), short → ``shortanswer``,
cloze → ``shortanswer`` with the blank in its text (as Moodle's own missing-word questions are),
truefalse → ``truefalse``. ``<idnumber>`` carries our id, ``<name>`` too (on reading, the first
of them that is a valid quizapp id is kept; otherwise the id is hashed from the content); a
``category`` entry ``$course$/top/<set title>/<category>`` before each run of questions carries
the category; ``<generalfeedback>`` carries the explanation and, in a ``quizapp-source``
blockquote, the source sentence with its place in the article; ``<tags>`` carries the tags. The
fact key, origin and quality score are not carried (the bank JSON keeps everything).

Question text and choices are written as HTML with every ``<``, ``>`` and ``&`` escaped, so a
``<script>`` in a question shows as text in Moodle. Reading is hardened: a DOCTYPE or entity
declaration is refused outright (no external entities, no entity expansion bombs), nothing is
fetched, and HTML is reduced to its text. A question of a Moodle type quizapp does not have
(essay, numerical, matching...) is skipped and listed with its line; the rest are imported.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lxml import etree

from quizapp.bank.kinds import BLANK
from quizapp.formats.common import (
    DEFAULT_CATEGORY,
    ID_PATTERN,
    Draft,
    FormatError,
    ImportResult,
    category_path,
    check_markup,
    decode_text,
    finish,
    read_category_path,
    skipped_of,
    title_from_filename,
)
from quizapp.formats.html_text import has_media, html_to_text, split_marked, text_to_html

_TYPES = {"mcq": "multichoice", "short": "shortanswer", "cloze": "shortanswer",
          "truefalse": "truefalse"}
_SOURCE_CLASS = "quizapp-source"
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text
    return element


def _feedback_html(q: dict) -> str:
    html = f"<p>{text_to_html(q['explanation'])}</p>" if q.get("explanation") else ""
    source = q.get("source")
    if source and source.get("text"):
        html += (f'<blockquote class="{_SOURCE_CLASS}" data-sentence="{source["sentence"]}" '
                 f'data-start="{source["start"]}" data-end="{source["end"]}">'
                 f'{text_to_html(source["text"])}</blockquote>')
    return html


def _answers(element: ET.Element, q: dict) -> None:
    if q["kind"] == "mcq":
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        rows = [(c, "100" if c == q["answer"] else "0", "html") for c in q["choices"]]
    elif q["kind"] == "truefalse":
        rows = [(v, "100" if v == q["answer"] else "0", "moodle_auto_format")
                for v in ("true", "false")]
    else:
        ET.SubElement(element, "usecase").text = "0"
        texts = [q["answer"], *(a for a in q.get("accepted", []) if a != q["answer"])]
        # Moodle compares typed answers with these texts as they are: never HTML.
        rows = [(a, "100", "moodle_auto_format") for a in texts]
    for text, fraction, fmt in rows:
        answer = _text(element, "answer", text_to_html(text) if fmt == "html" else text, fmt)
        answer.set("fraction", fraction)
        _text(answer, "feedback", "", "html")


def _write_question(quiz: ET.Element, q: dict) -> None:
    element = ET.SubElement(quiz, "question", {"type": _TYPES[q["kind"]]})
    _text(element, "name", q["id"])
    _text(element, "questiontext", text_to_html(q["prompt"]), "html")
    _text(element, "generalfeedback", _feedback_html(q), "html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if q["kind"] == "truefalse" else "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = q["id"]
    _answers(element, q)
    if q.get("tags"):
        tags = ET.SubElement(element, "tags")
        for tag in q["tags"]:
            _text(tags, "tag", tag)


def export_moodle_xml(questions: list[dict], *, title: str, article: dict | None = None) -> bytes:
    """The questions as a Moodle XML file, in categories under the set's title."""
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(" Written by quizapp. In Moodle: Question bank > Import > Moodle XML "))
    category = None
    for q in questions:
        if q["category"] != category:
            category = q["category"]
            entry = ET.SubElement(quiz, "question", {"type": "category"})
            _text(entry, "category", category_path(title, category))
        _write_question(quiz, q)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _parse(text: str) -> etree._Element:
    declaration = _DECLARATION.search(text)
    if declaration:
        line = text.count("\n", 0, declaration.start()) + 1
        raise FormatError(f"line {line}: a DOCTYPE or ENTITY declaration; refused, as Moodle "
                          "files have none and they can make a parser fetch or expand content")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"line {exc.lineno}: not well-formed XML: {exc.msg}") from None
    if root.tag != "quiz":
        raise FormatError(f"line {root.sourceline}: the root element is <{root.tag}>, "
                          "not Moodle's <quiz>")
    return root


def _plain(element, default_format: str = "moodle_auto_format") -> str:
    """The text of a ``<… format=…><text>…</text></…>`` element as plain text."""
    if element is None:
        return ""
    text, fmt = element.findtext("text") or "", element.get("format", default_format)
    if fmt == "moodle_auto_format":
        return html_to_text(text.replace("\n", "<br>"))
    return html_to_text(text) if fmt == "html" else text.strip()


def _fractions(element, problems: list[str]) -> list[tuple[float, etree._Element]]:
    out = []
    for answer in element.findall("answer"):
        try:
            out.append((float(answer.get("fraction", "0")), answer))
        except ValueError:
            problems.append(f"line {answer.sourceline}: answer fraction "
                            f"{answer.get('fraction')!r} is not a number")
    return out


def _fill(q: dict, qtype: str, element, problems: list[str]) -> None:
    answers = _fractions(element, problems)
    if any(0 < f < 100 for f, _ in answers):
        problems.append("partial credit answers: not supported")
    if qtype == "multichoice":
        q["kind"] = "mcq"
        q["choices"] = [_plain(a, "html") for _, a in answers]
        right = [_plain(a, "html") for f, a in answers if f >= 100]
    else:
        # Short answers are compared as typed, so their text is never read as HTML.
        right = [(a.findtext("text") or "").strip() for f, a in answers if f >= 100]
    if qtype == "truefalse":
        q["kind"] = "truefalse"
        right = [r.casefold() for r in right]
        if right not in (["true"], ["false"]):
            problems.append("a true/false question needs one right answer, 'true' or 'false'")
    elif qtype == "shortanswer":
        q["kind"] = "cloze" if BLANK.search(q["prompt"]) else "short"
        q["accepted"] = right[1:]
        if "*" in "".join(right):
            problems.append("wildcard (*) answers: not supported")
        if not right:
            problems.append("no right answer")
    elif len(right) != 1:
        problems.append(f"needs exactly one right answer, found {len(right)}")
    if right:
        q["answer"] = right[0]


def _source(attrs: dict[str, str], text: str, problems: list[str]) -> dict | None:
    try:
        return {"sentence": int(attrs["data-sentence"]), "start": int(attrs["data-start"]),
                "end": int(attrs["data-end"]), "text": text}
    except (KeyError, ValueError):
        problems.append("the source sentence lacks its place (data-sentence, data-start, "
                        "data-end)")
        return None


def _read_question(element, number: int, category: str) -> Draft:
    problems: list[str] = []
    qtype = element.get("type", "")
    name = (element.findtext("name/text") or "").strip()
    q: dict = {"category": category, "prompt": _plain(element.find("questiontext"))}
    if has_media(element.findtext("questiontext/text") or ""):
        problems.append("the question shows an image or other media; quizapp questions are text")
    explanation, source_text, attrs = split_marked(
        _plain_html(element.find("generalfeedback")), _SOURCE_CLASS)
    q["explanation"] = explanation
    if source_text is not None:
        q["source"] = _source(attrs, source_text, problems)
    q["tags"] = [t for t in ((e.findtext("text") or "").strip()
                             for e in element.findall("tags/tag")) if t]
    skipped = None
    if qtype in ("multichoice", "shortanswer", "truefalse"):
        _fill(q, qtype, element, problems)
    else:
        skipped = f"Moodle type {qtype!r} has no quizapp kind (not supported)"
    idnumber = (element.findtext("idnumber") or "").strip()
    qid = next((i for i in (idnumber, name) if ID_PATTERN.match(i)), None)
    if qid:
        q["id"] = qid
    label = name or " ".join(q["prompt"].split())[:40] or "no text"
    return Draft(q, f"line {element.sourceline}: question {number} ({label})", problems,
                 skipped=skipped)


def _plain_html(element) -> str:
    """A feedback element as HTML, whatever format it was written in."""
    if element is None:
        return ""
    text, fmt = element.findtext("text") or "", element.get("format", "moodle_auto_format")
    if fmt in ("plain_text", "markdown"):
        return text_to_html(text)
    return text.replace("\n", "<br>") if fmt == "moodle_auto_format" else text


def import_moodle_xml(data: bytes, *, filename: str) -> ImportResult:
    """Questions from a Moodle XML file, or FormatError listing every problem with its line."""
    text = decode_text(data)
    check_markup(text)
    root = _parse(text)
    drafts, category, titles = [], DEFAULT_CATEGORY, []
    for element in root.iterchildren("question"):
        if element.get("type") == "category":
            found, above = read_category_path(element.findtext("category/text") or "")
            category = found or DEFAULT_CATEGORY
            titles += [above] if above else []
            continue
        drafts.append(_read_question(element, len(drafts) + 1, category))
    title = titles[0] if titles else title_from_filename(filename)
    return ImportResult(finish(drafts), title, None, "moodle", skipped_of(drafts),
                        named=bool(titles))
