"""Converting question banks to and from the formats teachers already use.

Our bank JSON, Moodle GIFT, Moodle XML, CSV (import and export) and Anki packages (export only).
Everything works on bank question dicts (``quizapp/bank/schema.json``). Pure: no Flask, no
SQLAlchemy, no models.

    data = export_questions("gift", questions, title="Iran and Pakistan")
    result = import_questions(uploaded_bytes, filename="quiz.xml")  # result.questions, .title

An import either returns every question of the file, each valid for its kind, or raises
``FormatError`` whose ``problems`` name each problem's line or question.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from quizapp.bank.format import slugify
from quizapp.formats.apkg import export_apkg
from quizapp.formats.common import (
    MAX_IMPORT_BYTES,
    FormatError,
    ImportResult,
    check_exportable,
    check_size,
    check_title,
)
from quizapp.formats.csv_format import export_csv, import_csv
from quizapp.formats.gift import export_gift, import_gift
from quizapp.formats.json_bank import export_json, import_json
from quizapp.formats.moodle_xml import export_moodle_xml, import_moodle_xml


class Format(NamedTuple):
    exporter: Callable[..., bytes]
    importer: Callable[..., ImportResult] | None  # None: export only
    extension: str
    media_type: str
    label: str


FORMATS: dict[str, Format] = {
    "json": Format(export_json, import_json, ".json", "application/json", "quizapp bank (JSON)"),
    # Moodle's GIFT import takes .txt files; ".gift.txt" says what the file is as well.
    "gift": Format(export_gift, import_gift, ".gift.txt", "text/plain; charset=utf-8",
                   "Moodle GIFT"),
    "moodle": Format(export_moodle_xml, import_moodle_xml, ".xml", "application/xml",
                     "Moodle XML"),
    "apkg": Format(export_apkg, None, ".apkg", "application/apkg", "Anki package (export only)"),
    "csv": Format(export_csv, import_csv, ".csv", "text/csv; charset=utf-8", "CSV"),
}

_EXTENSIONS = {".json": "json", ".gift": "gift", ".gift.txt": "gift", ".xml": "moodle",
               ".apkg": "apkg", ".csv": "csv", ".tsv": "csv"}
_NOT_OURS = {
    ".xlsx": "an Excel workbook: save it as CSV UTF-8 (File > Save as)",
    ".xls": "an Excel workbook: save it as CSV UTF-8 (File > Save as)",
    ".ods": "a spreadsheet: save it as CSV (UTF-8)",
    ".docx": "a Word document: save it as plain text in GIFT format, or as CSV",
    ".zip": "a zip archive: unpack it and import the files inside",
    ".mbz": "a Moodle course backup: export the question bank as Moodle XML instead",
}
_GIFT_SIGNS = re.compile(r"(?m)^\s*(::|\$CATEGORY:|//)|\{\s*(=|~|T\s*\}|F\s*\}|TRUE|FALSE)")
_CSV_HEADER = re.compile(r"^\W*(question|prompt|id)\W*[,;\t]", re.IGNORECASE)


def _extension(filename: str) -> str:
    name = filename.casefold().replace("\\", "/").rsplit("/", 1)[-1]
    if name.endswith(".gift.txt"):
        return ".gift.txt"
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def detect_format(filename: str, data: bytes) -> str:
    """The format of an uploaded file: its content's signature first, then its name."""
    extension = _extension(filename)
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if extension in _NOT_OURS:
        raise FormatError(f"{filename}: {_NOT_OURS[extension]}")
    if head.startswith(b"PK\x03\x04"):
        if extension == ".apkg":
            return "apkg"
        raise FormatError(f"{filename}: a zip archive, not a question file")
    if head.startswith(b"{"):
        return "json"
    if head.startswith(b"<") and (b"<quiz" in head or head.startswith(b"<?xml")):
        return "moodle"
    if extension in _EXTENSIONS:
        return _EXTENSIONS[extension]
    text = head.decode("utf-8", errors="replace")
    if _CSV_HEADER.match(text):
        return "csv"
    if _GIFT_SIGNS.search(text):
        return "gift"
    raise FormatError(f"{filename}: cannot tell the format; name the file .json (quizapp bank), "
                      ".gift or .txt (Moodle GIFT), .xml (Moodle XML) or .csv")


def import_questions(data: bytes, *, filename: str, fmt: str | None = None) -> ImportResult:
    """Every question of an uploaded file, or FormatError listing each problem with its place.

    The format is detected from the file unless ``fmt`` names it.
    """
    check_size(data)
    fmt = fmt or detect_format(filename, data)
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if FORMATS[fmt].importer is None:
        raise FormatError(f"{filename}: {FORMATS[fmt].label} files cannot be imported; import "
                          "the set's quizapp bank (JSON), GIFT, Moodle XML or CSV instead")
    result = FORMATS[fmt].importer(data, filename=filename)
    result.format = fmt
    check_title(result.title, f"{filename[:60]}{'…' if len(filename) > 60 else ''}")
    return result


def export_questions(fmt: str, questions: list[dict], *, title: str, article: dict | None = None,
                     slug: str | None = None, now: datetime | None = None) -> bytes:
    """The questions (valid bank questions) as a file of format ``fmt``.

    ``article`` is written by the JSON format and credited in Anki decks. The Anki package also
    needs ``now`` (timezone-aware UTC: its notes' modification time) and uses ``slug`` (default:
    the title's) for its stable deck id.
    """
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    check_exportable(questions)
    if fmt == "apkg":
        if now is None:
            raise ValueError("an Anki export needs now, the time of the export")
        return export_apkg(questions, title=title, article=article, slug=slug, now=now)
    return FORMATS[fmt].exporter(questions, title=title, article=article)


def export_filename(fmt: str, title: str) -> str:
    """A download name for a set exported as ``fmt``: "iran-and-pakistan.gift.txt"."""
    return slugify(title) + FORMATS[fmt].extension


__all__ = ["FORMATS", "MAX_IMPORT_BYTES", "Format", "FormatError", "ImportResult",
           "detect_format", "export_filename", "export_questions", "import_questions"]
