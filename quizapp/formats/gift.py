"""Moodle GIFT: writing bank questions as GIFT text and reading GIFT files back.

What we write, one block per question (blocks are separated by blank lines)::

    $CATEGORY: $course$/top/<set title>/who

    // source: <the article sentence the question was drawn from>
    // quizapp: {"fact": …, "source": {…}, "tags": […]}
    ::<question id>::[plain]Who struck first? {
    \t=Iran
    \t~Pakistan
    \t####<explanation>
    }

- Multiple choice ``{=right ~wrong}``; short answer ``{=answer =alternative}``; true/false
  ``{TRUE}``/``{FALSE}``; a cloze is Moodle's missing-word form, the answer block standing where
  the blank is (``The {=Iran} strike…``) and read back with a blank there.
- The question name carries our id (a name that is not a valid quizapp id, such as "Capital of
  France", is kept out and the id hashed from the content); ``$CATEGORY:`` paths end in our
  category (who, what, …); ``####`` general feedback carries the explanation; ``// quizapp:``
  comments carry what GIFT has no place for. Moodle ignores comments, so the file imports into
  Moodle as it is. A short answer whose prompt has a blank reads back as a cloze.
- Text is written ``[plain]``: Moodle shows it as text, never as HTML. ``~ = # { } :`` and ``\\``
  are escaped with a backslash and newlines written as ``\\n``, as Moodle's own exporter does.

Reading follows Moodle's parser (question/format/gift/format.php); per-answer feedback is read
past and dropped, as quizapp has no place for it. Numerical, matching, essay and description
questions have no quizapp kind: as Moodle does with what it cannot read, they are skipped and
listed with their line, and the rest of the file is imported. Partial credit is a located
problem. A blank line ends a question: two questions with none between them read as one.
"""
from __future__ import annotations

import json
import re

from quizapp.bank.kinds import BLANK
from quizapp.formats.common import (
    DEFAULT_CATEGORY,
    ID_PATTERN,
    MOODLE_BLANK,
    Draft,
    ImportResult,
    category_path,
    check_markup,
    decode_text,
    finish,
    read_category_path,
    skipped_of,
    title_from_filename,
)
from quizapp.formats.html_text import has_media, html_to_text

# Escaped characters stand in as private-use characters while the structure is parsed,
# as Moodle's parser does with its "&&058;" placeholders.
_ESCAPES = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004",
            "}": "\ue005", "~": "\ue006", "n": "\ue007"}
_UNESCAPE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
_WEIGHT = re.compile(r"^%(-*[0-9]{1,2}\.?[0-9]*|100)%")
_FORMAT_PREFIX = re.compile(r"^\[(moodle|html|plain|markdown)\]")
_TRUE_FALSE = {"T": "true", "TRUE": "true", "F": "false", "FALSE": "false"}


def escape(text: str) -> str:
    """Text with GIFT's reserved characters escaped and newlines written as ``\\n``."""
    text = text.replace("\\", "\\\\")
    for char in "#=~{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _answer(mark: str, text: str, *, weighted: bool) -> str:
    prefix = ""
    if weighted and _WEIGHT.match(text):
        prefix = "%100%" if mark == "=" else "%0%"  # so a leading "%5%" stays part of the text
    if _FORMAT_PREFIX.match(text):
        prefix += "[plain]"  # so a leading "[html]" stays part of the text
    return f"\t{mark}{prefix}{escape(text)}\n"


def _question_text(q: dict, meta: dict) -> tuple[str, str]:
    """The question text, split where the answer block goes (before, after)."""
    prompt = q["prompt"]
    blank = BLANK.search(prompt)
    if q["kind"] == "cloze" and blank and prompt[blank.end():].strip():
        if blank.group() != MOODLE_BLANK:
            meta["blank"] = blank.group()
        return escape(prompt[:blank.start()]), escape(prompt[blank.end():])
    return escape(prompt), ""


def _write_question(q: dict) -> str:
    meta = {k: q[k] for k in ("fact", "origin", "source", "tags", "quality") if q.get(k)}
    if q["kind"] == "mcq" and q.get("accepted"):
        meta["accepted"] = q["accepted"]
    before, after = _question_text(q, meta)
    lines = ""
    if (q.get("source") or {}).get("text"):
        lines += "// source: " + " ".join(q["source"]["text"].split()) + "\n"
    if meta:
        lines += "// quizapp: " + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n"
    block = "{\n"
    if q["kind"] == "truefalse":
        block = "{" + q["answer"].upper() + "\n"
    elif q["kind"] == "mcq":
        for choice in q["choices"]:
            mark = "=" if choice == q["answer"] else "~"
            block += _answer(mark, choice, weighted=mark == "~")
    else:
        for text in [q["answer"], *(a for a in q.get("accepted", []) if a != q["answer"])]:
            block += _answer("=", text, weighted=True)
    if q.get("explanation"):
        block += "\t####[plain]" + escape(q["explanation"]) + "\n"
    return f"{lines}::{escape(q['id'])}::[plain]{before}{block}}}{after}\n"


def export_gift(questions: list[dict], *, title: str, article: dict | None = None) -> bytes:
    """The questions as a GIFT file Moodle imports, with categories under the set's title."""
    out = [(f"// title: {' '.join(title.split())}\n"
           "// Written by quizapp. In Moodle: Question bank > Import > GIFT format.\n")]
    category = None
    for q in questions:
        if q["category"] != category:
            category = q["category"]
            # Moodle reads a category path raw: no GIFT escapes.
            out.append(f"$CATEGORY: {category_path(title, category)}\n")
        out.append(_write_question(q))
    return "\n".join(out).encode("utf-8")


def _blocks(text: str):
    """(first line number, comment lines, other lines) for each blank-line-separated block."""
    start, comments, lines = None, [], []
    for number, line in enumerate(text.split("\n") + [""], 1):
        if not line.strip():
            if start is not None:
                yield start, comments, lines
            start, comments, lines = None, [], []
            continue
        if line.strip().startswith("//"):
            comments.append(line.strip()[2:].strip())
        else:
            lines.append((number, line))
        start = start or number


def _pre(text: str) -> str:
    return re.sub(r"\\([\\:#={}~n])", lambda m: _ESCAPES[m.group(1)], text)


def _post(text: str) -> str:
    return "".join(_UNESCAPE.get(c, c) for c in text).strip()


def _with_format(text: str, default: str) -> tuple[str, str]:
    """(format, text without its "[format]" prefix)."""
    match = _FORMAT_PREFIX.match(text.strip())
    return (match.group(1), text.strip()[match.end():]) if match else (default, text.strip())


def _plain(text: str, fmt: str) -> str:
    text = _post(text)
    return html_to_text(text) if fmt == "html" else text


def _split_answers(answer_text: str, kind: str) -> list[tuple[str, str]]:
    """(mark, text without feedback) for each answer in an answer block."""
    parts = re.split(r"([=~])", answer_text)
    if parts[0].strip():  # text before any mark: Moodle reads a wrong choice or a right answer
        parts[:1] = ["", "~" if kind == "mcq" else "=", parts[0]]
    return [(mark, text.split("#", 1)[0].strip()) for mark, text in zip(parts[1::2], parts[2::2])]


def _weight(mark: str, text: str, kind: str) -> tuple[float, str]:
    if kind == "mcq" and mark == "=":
        return 100.0, text
    match = _WEIGHT.match(text)
    if match:
        number = match.group(1)
        weight = -float(number.lstrip("-")) if number.startswith("-") else float(number)
        return max(weight, 0.0), text[match.end():]  # a penalty is still a wrong answer
    return (100.0 if mark == "=" else 0.0), text


def _read_answers(kind: str, answer_text: str, fmt: str, problems: list[str]) -> list[tuple]:
    """(weight, text) of each answer, with problems for what quizapp cannot hold."""
    out = []
    for mark, raw in _split_answers(answer_text, kind):
        weight, text = _weight(mark, raw, kind)
        text_fmt, text = _with_format(text, fmt)
        text = _plain(text, text_fmt if kind == "mcq" else "plain")
        if not text:
            problems.append("an empty answer")
        elif weight not in (0.0, 100.0):
            problems.append(f"answer {text!r} has partial credit ({weight:g}%): not supported")
        out.append((weight, text))
    return out


def _unsupported(answer_text: str) -> str | None:
    """Which question of a kind quizapp does not have the answer block makes, if it does."""
    if not answer_text:
        return "an essay question"
    if answer_text.startswith("#"):
        return "a numerical question"
    if "=" in answer_text and "->" in answer_text and "~" not in answer_text:
        return "a matching question"
    return None


def _kind_of(answer_text: str) -> str:
    if "~" in answer_text:
        return "mcq"
    return "truefalse" if answer_text.split("#", 1)[0].strip() in _TRUE_FALSE else "short"


_UNSUPPORTED = "has no quizapp kind (not supported)"
_BLANK_LINE_RULE = ("a blank line ends a question in GIFT: two questions need a blank line "
                    "between them, and a question has none inside it")


def _fill(q: dict, kind: str, answer_text: str, fmt: str, problems: list[str]) -> None:
    if kind == "truefalse":
        q["answer"] = _TRUE_FALSE[answer_text.split("#", 1)[0].strip()]
        return
    answers = _read_answers(kind, answer_text, fmt, problems)
    right = [text for weight, text in answers if weight == 100.0]
    if len(right) != 1 and kind == "mcq":
        problems.append(f"multiple choice needs exactly one right answer, found {len(right)}")
    elif not right:
        problems.append("no right answer")
    if not right:
        return
    q["answer"] = right[0]
    if kind == "mcq":
        q["choices"] = [text for _, text in answers]
    else:
        q["accepted"] = right[1:]


_BLANK_HERE = "\ue010"  # where a missing-word answer block stood, until the blank is chosen
_META_KEYS = ("fact", "origin", "source", "tags", "quality", "accepted", "blank")


def _meta(comments: list[str], problems: list[str]) -> dict:
    meta = {}
    for comment in comments:
        if comment.startswith("quizapp:"):
            try:
                found = json.loads(comment[len("quizapp:"):])
            except json.JSONDecodeError as exc:
                problems.append(f"the quizapp comment is not valid JSON ({exc.msg})")
                continue
            if not isinstance(found, dict):
                problems.append("the quizapp comment is not a JSON object")
                continue
            meta.update({k: v for k, v in found.items() if k in _META_KEYS})
    return meta


def _split_block(text: str, problems: list[str]) -> tuple[str, str, bool] | None:
    """(question text with a blank marker if missing-word, answer text, missing-word?)."""
    start, end = text.find("{"), text.find("}")
    if end < 0:
        problems.append("a '{' without its '}' (write \\{ for a brace in the text; "
                        f"{_BLANK_LINE_RULE})")
        return None
    if start < 0 or end < start:
        problems.append("a '}' without its '{' (write \\} for a brace in the text)")
        return None
    after = text[end + 1:]
    if "{" in after or "}" in after:
        problems.append(f"more than one answer block: a GIFT question has one ({_BLANK_LINE_RULE})")
    missing = bool(after.strip())
    question_text = text[:start] + (_BLANK_HERE + after if missing else "")
    return question_text, text[start + 1:end].strip(), missing


def _parse_question(lines: list[tuple[int, str]], comments: list[str], category: str,
                    number: int) -> Draft:
    problems: list[str] = []
    text, name = _pre("\n".join(line for _, line in lines).strip()), None
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            problems.append("a question name '::' without its closing '::'")
        else:
            name, text = _post(text[2:end]), text[end + 2:].strip()
    q: dict = {"category": category}
    if "{" not in text and "}" not in text:
        label = name or " ".join(_post(text).split())[:40] or "no text"
        return Draft(q, f"line {lines[0][0]}: question {number} ({label})", problems,
                     skipped=f"a description (no answer block {{ … }}) {_UNSUPPORTED}")
    parts = _split_block(text, problems)
    if parts:
        question_text, answer_text, missing = parts
        meta = _meta(comments, problems)
        feedback = answer_text.rfind("####")
        if feedback >= 0:
            answer_text, feedback_text = answer_text[:feedback].strip(), answer_text[feedback + 4:]
        fmt, question_text = _with_format(question_text, "moodle")
        if fmt in ("html", "moodle") and has_media(question_text):
            problems.append("the question shows an image or other media; quizapp questions are "
                            "text")
        blank = meta.pop("blank", MOODLE_BLANK)
        blank = blank if isinstance(blank, str) and BLANK.fullmatch(blank) else MOODLE_BLANK
        q["prompt"] = _plain(question_text, fmt).replace(_BLANK_HERE, blank)
        if feedback >= 0:
            feedback_fmt, feedback_text = _with_format(feedback_text, fmt)
            q["explanation"] = _plain(feedback_text, feedback_fmt)
        skipped = _unsupported(answer_text)
        if not skipped:
            kind = _kind_of(answer_text)
            if kind == "short" and (missing or BLANK.search(q["prompt"])):
                kind = "cloze"
            q["kind"] = kind
            _fill(q, kind, answer_text, fmt, problems)
            if kind != "mcq":  # a short answer's accepted answers are in its answer block
                meta.pop("accepted", None)
            q.update(meta)
    else:
        skipped = None
    if name and ID_PATTERN.match(name):
        q["id"] = name
    label = name or " ".join((q.get("prompt") or _post(text)).split())[:40] or "no text"
    return Draft(q, f"line {lines[0][0]}: question {number} ({label})", problems,
                 skipped=f"{skipped} {_UNSUPPORTED}" if skipped else None)


def import_gift(data: bytes, *, filename: str) -> ImportResult:
    """Questions from a GIFT file, or FormatError listing every problem with its line."""
    text = decode_text(data)
    check_markup(text)
    drafts, category, titles, category_titles = [], DEFAULT_CATEGORY, [], []
    for _, comments, lines in _blocks(text):
        if not lines:
            titles += [c[len("title:"):].strip() for c in comments if c.startswith("title:")]
            continue
        first = "\n".join(line for _, line in lines).strip()
        if first.startswith("$CATEGORY:"):
            found, above = read_category_path(first[len("$CATEGORY:"):])
            category = found or DEFAULT_CATEGORY
            category_titles += [above] if above else []
            continue
        drafts.append(_parse_question(lines, comments, category, len(drafts) + 1))
    title = next((t for t in titles + category_titles if t), None)
    return ImportResult(finish(drafts), title or title_from_filename(filename), None, "gift",
                        skipped_of(drafts), named=bool(title))
