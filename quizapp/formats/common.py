"""What every format shares: the error and result types, reading uploaded bytes as text, and
turning drafted questions into valid bank questions.

An importer parses its file into ``Draft`` questions (a question dict plus where it came from).
``finish`` validates every draft against the bank schema and its kind, gives drafts without an id
a stable one, and either returns all the questions or raises ``FormatError`` listing every problem
with its place: an import never yields part of a file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.bank.format import CATEGORIES, question_id, question_validator
from quizapp.bank.kinds import get_kind

# Uploads are read whole into memory; a bank of a few thousand questions is well under 1 MB.
# The limit stays under the web request's (``MAX_CONTENT_LENGTH``, 5 MB), so a file between
# the two is answered on the form with its size.
MAX_IMPORT_BYTES = 4 * 1024 * 1024
# The longest set title a file may name (its category, bank title or file name).
TITLE_MAX = 300
# A category for questions from files that do not say which of ours they belong to.
DEFAULT_CATEGORY = "what"
# What Moodle writes for the blank of a missing-word question; imported cloze prompts use it too.
MOODLE_BLANK = "_____"
# Imported questions without an id get one hashed from their content under this namespace.
IMPORT_NAMESPACE = "imported"
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
# Characters XML 1.0 cannot hold and no quiz text needs (tab, newline and return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class FormatError(ValueError):
    """A file that cannot be imported or questions that cannot be exported.

    ``problems`` lists every problem, each starting with its place ("line 12: …").
    """

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        count = len(self.problems)
        summary = self.problems[0] if count == 1 else f"{count} problems: {self.problems[0]} …"
        super().__init__(summary)


@dataclass
class ImportResult:
    """Valid bank questions read from one file, with the set's title and article if it has one;
    ``skipped`` says, with its place, each question of a kind quizapp does not have."""

    questions: list[dict]
    title: str
    article: dict | None = None
    format: str = ""
    skipped: list[str] = field(default_factory=list)
    named: bool = True  # False: the title is only the file's name (the file names no set)


@dataclass
class Draft:
    """A question read from a file, not yet validated; ``where`` says where it came from."""

    question: dict
    where: str
    problems: list[str] = field(default_factory=list)
    skipped: str | None = None  # why quizapp cannot hold it (a kind it does not have)


def check_size(data: bytes) -> None:
    """FormatError for an empty file or one over the import limit."""
    if not data or not data.strip():
        raise FormatError("the file is empty")
    if len(data) > MAX_IMPORT_BYTES:
        raise FormatError(f"the file is {megabytes(len(data))}; the limit is "
                          f"{megabytes(MAX_IMPORT_BYTES)}")


def megabytes(size: int) -> str:
    """A size in bytes as people read it: "4.3 MB", "4 MB", "0.2 MB"."""
    value = size / 1024 / 1024
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def check_title(title: str, where: str) -> None:
    """FormatError for a set title (from ``where``: the file name, its category...) too long."""
    if len(title) > TITLE_MAX:
        raise FormatError(f"{where}: the set's title would be {len(title):,} characters long; "
                          f"the limit is {TITLE_MAX}")


# Reading HTML costs a few microseconds a tag: a file's markup is bounded so that no upload
# holds a worker for long. A Moodle export of 1,000 questions has about 30,000 tags.
MAX_MARKUP = 100_000


def check_markup(text: str) -> None:
    """FormatError for a file with more tags (written "<" or escaped "&lt;") than MAX_MARKUP."""
    tags = text.count("<") + text.count("&lt;")
    if tags > MAX_MARKUP:
        raise FormatError(f"the file holds {tags:,} HTML or XML tags; the limit is "
                          f"{MAX_MARKUP:,} (about 3,000 questions)")


def decode_text(data: bytes) -> str:
    """Uploaded bytes as text, or a FormatError saying why they are not readable text."""
    check_size(data)
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError("byte 0: UTF-16 text; save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise FormatError(f"byte {nul}: a binary file, not text")
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"byte {exc.start + skip}: not UTF-8 text; save the file as "
                          "UTF-8") from exc
    if not text.strip():
        raise FormatError("the file is empty")  # a byte order mark and nothing else
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_from_filename(filename: str) -> str:
    """A set title from an upload's name: "capitals of europe.gift" → "capitals of europe"."""
    stem = filename.replace("\\", "/").rsplit("/", 1)[-1]
    while re.search(r"\.(txt|gift|xml|csv|tsv|json|apkg)$", stem, re.IGNORECASE):
        stem = stem.rsplit(".", 1)[0]
    stem = " ".join(stem.replace("_", " ").split())
    return stem or "Imported questions"


def category_path(title: str, category: str) -> str:
    """The Moodle category path we write: ``$course$/top/<set title>/<category>``.

    Moodle separates levels with "/" and reads "//" as a "/" inside a name.
    """
    return f"$course$/top/{' '.join(title.split()).replace('/', '//')}/{category}"


MOODLE_ROOTS = ("$course$", "$system$", "$module$", "$coursecategory$", "top")


def read_category_path(path: str) -> tuple[str | None, str | None]:
    """(our category, the set's title) from a Moodle category path, each if there is one.

    "$course$/top/Capitals/who" → ("who", "Capitals"); "$course$/top/Geography" → (None,
    "Geography"); Moodle's "Default for History" (a course's own category) → "History".
    """
    levels = [p.replace("\x00", "/").strip()
              for p in path.strip().replace("//", "\x00").split("/") if p.strip()]
    levels = [p for p in levels if p.casefold() not in MOODLE_ROOTS]
    category = levels[-1].casefold() if levels and levels[-1].casefold() in CATEGORIES else None
    named = levels[:-1] if category else levels
    title = re.sub(r"^Default for\s+", "", named[-1], flags=re.IGNORECASE) if named else None
    return category, title or None


def question_problems(question: dict) -> list[str]:
    """Schema and kind problems of one bank question, as "field: message"."""
    problems = []
    for error in question_validator().iter_errors(question):
        place = ".".join(str(p) for p in error.absolute_path) or "question"
        problems.append(f"{place}: {error.message}")
    if problems:
        return sorted(problems)
    problems += get_kind(question["kind"]).validate(question)
    texts = {name: [question.get(name) or ""] for name in ("prompt", "answer", "explanation")}
    texts.update({name: question.get(name, []) for name in ("accepted", "choices", "tags")})
    texts["source"] = [(question.get("source") or {}).get("text") or ""]
    for name, values in texts.items():
        found = next((m for m in map(_CONTROL.search, values) if m), None)
        if found:
            problems.append(f"{name}: contains the control character U+{ord(found.group()):04X}")
    return problems


def stable_id(question: dict) -> str:
    """An id from the question's content, the same every time the same question is imported."""
    return question_id(IMPORT_NAMESPACE, question.get("kind", ""), question.get("category", ""),
                       question.get("answer", ""), question.get("prompt", ""))


def skipped_of(drafts: list[Draft]) -> list[str]:
    """"<place>: <why>; skipped" for each draft of a kind quizapp does not have."""
    return [f"{d.where}: {d.skipped}; skipped" for d in drafts if d.skipped]


def finish(drafts: list[Draft]) -> list[dict]:
    """Validated bank questions from drafts, or FormatError with every problem located.

    Drafts marked ``skipped`` are left out (``skipped_of`` lists them); a file with a problem
    lists them too, and so does a file with nothing else."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    questions = []
    skipped = skipped_of(drafts)
    for draft in (d for d in drafts if not d.skipped):
        question = {k: v for k, v in draft.question.items() if v not in (None, [], "")}
        if "id" not in question and not draft.problems:
            question["id"] = stable_id(question)
        # A draft the parser could not read whole would only add follow-on schema problems.
        found = draft.problems or question_problems(question)
        qid = question.get("id")
        if not found and qid in seen:
            found.append(f"the same question (id {qid}) as {seen[qid]}")
        problems += [f"{draft.where}: {p}" for p in found]
        if qid is not None:
            seen.setdefault(qid, draft.where)
        questions.append(question)
    if problems:
        raise FormatError(problems + skipped)
    if not questions and skipped:
        raise FormatError(["the file holds no question quizapp can import", *skipped])
    if not questions:
        raise FormatError("the file holds no questions")
    return questions


def check_exportable(questions: list[dict]) -> None:
    """Refuse to write questions that are not valid bank questions: an export must import again."""
    problems, seen = [], set()
    for number, question in enumerate(questions, 1):
        if not isinstance(question, dict):
            problems.append(f"question {number}: not a question")
            continue
        name = question.get("id", "no id")
        problems += [f"question {number} ({name}): {p}" for p in question_problems(question)]
        if name in seen:
            problems.append(f"question {number} ({name}): a second question with this id")
        seen.add(name)
    if problems:
        raise FormatError(problems)
