"""The bad-input corpus: files a careless or hostile person uploads, each with the words the
answer must contain to name its problem.

Each entry is (name, filename, bytes, expected words). The same files are sent to every upload
and import route (``tests/web/test_bad_input.py``).
"""
from __future__ import annotations

import json
from pathlib import Path

TINY = Path(__file__).resolve().parent.parent / "data" / "tiny_bank.json"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
LONG = "Long " * 100  # 500 characters: more than any title, name or licence column holds


def bank_with(change) -> bytes:
    """The tiny test bank as JSON text after ``change(bank)``."""
    bank = json.loads(TINY.read_text("utf-8"))
    change(bank)
    return json.dumps(bank).encode("utf-8")


def _set(path: str, value):
    def change(bank):
        *parents, last = path.split(".")
        target = bank
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return change


def deep_json(levels: int) -> bytes:
    return b'{"format": ' + b"[" * levels + b"]" * levels + b"}"


def moodle(question_text: str, doctype: str = "", feedback: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<quiz><question type="shortanswer">'
            f"<name><text>q</text></name><questiontext format=\"html\"><text>{question_text}"
            f"</text></questiontext><generalfeedback format=\"html\"><text>{feedback}</text>"
            f'</generalfeedback><answer fraction="100"><text>Tehran</text></answer>'
            f"</question></quiz>").encode()


BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>')
XXE = '<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
SOURCE_2_40 = ('&lt;blockquote class="quizapp-source" data-sentence="1099511627776" '
               'data-start="0" data-end="5"&gt;Words&lt;/blockquote&gt;')

# Files every question import refuses (the import page and ``bank import``).
IMPORTS = [
    ("empty", "empty.json", b"", ["empty"]),
    ("only spaces", "blank.csv", b"   \n\n  ", ["empty"]),
    ("binary", "picture.csv", PNG, ["binary"]),
    ("non-UTF-8", "latin.csv", "question,answer\nCaf\u00e9?,oui\n".encode("latin-1"),
     ["UTF-8"]),
    ("UTF-16", "wide.gift", "::a:: Who? {=Ann}".encode("utf-16"), ["UTF-16"]),
    ("huge", "huge.csv", b"question,answer\n" + b"Who is it?,Ann\n" * 300_000,
     ["4.3 MB", "limit is 4 MB"]),
    ("huge bank", "huge.json", b'{"format": "' + b"a" * 4_500_000 + b'"}',
     ["4.3 MB", "limit is 4 MB"]),
    ("deep 5,000", "deep.json", deep_json(5_000), ["nested", "deeper than"]),
    ("deep 100,000", "deeper.json", deep_json(100_000), ["nested", "deeper than"]),
    ("a list, not a bank", "list.json", b"[1, 2, 3]", ["object"]),
    ("title too long", "long-title.json", bank_with(_set("title", LONG)), ["title", "long"]),
    ("article title too long", "long-article.json", bank_with(_set("article.title", LONG)),
     ["title", "long"]),
    ("licence too long", "licence.json", bank_with(_set("article.licence", LONG)),
     ["licence", "long"]),
    ("attribution too long", "attribution.json", bank_with(_set("article.attribution", LONG * 2)),
     ["attribution", "long"]),
    ("source too long", "source.json", bank_with(_set("article.source", LONG * 5)),
     ["source", "long"]),
    ("impossible date", "date.json", bank_with(_set("article.published", "2024-13-45")),
     ["published", "date"]),
    ("sentence 2^40", "sentence.json", bank_with(_set("questions.0.source.sentence", 2 ** 40)),
     ["sentence", "greater than the maximum"]),
    ("NaN score", "nan.json",
     bank_with(_set("questions.0.quality.score", 0.5)).replace(b"0.5", b"NaN"), ["NaN"]),
    ("infinite score", "inf.json",
     bank_with(_set("questions.0.quality.score", 0.5)).replace(b"0.5", b"1e999"), ["1e999"]),
    ("category name too long", "category.gift",
     f"$CATEGORY: $course$/top/{LONG}/who\n\n::a:: Who spoke? {{=Ann}}\n".encode(),
     ["title", "499 characters", "300"]),
    ("file name too long", LONG.replace(" ", "-") + ".gift", b"::a:: Who spoke? {=Ann}\n",
     ["title", "300"]),
    ("Moodle sentence 2^40", "sentence.xml", moodle("Where?", feedback=SOURCE_2_40),
     ["sentence", "greater than the maximum"]),
    ("entity bomb", "bomb.xml", moodle("&lol3;", BILLION_LAUGHS), ["DOCTYPE"]),
    ("external entity", "xxe.xml", moodle("&xxe;", XXE), ["DOCTYPE"]),
    ("an Excel workbook", "marks.xlsx", b"PK\x03\x04rest", ["Excel"]),
]

# Articles the article page refuses (uploaded as files).
ARTICLES = [
    ("empty", "empty.txt", b"", ["empty"]),
    ("binary", "picture.txt", PNG, ["binary"]),
    ("non-UTF-8", "latin.txt", "Caf\u00e9 news in Paris today.".encode("latin-1"), ["UTF-8"]),
    ("huge", "huge.txt", b"News. " * 500_000, ["3,000,000 bytes", "2,000,000"]),
    ("title too long", "long.md", f"---\ntitle: {LONG}\n---\nNews from Paris today.\n".encode(),
     ["title", "long"]),
    ("licence too long", "licence.md",
     f"---\nlicence: {LONG}\n---\nNews from Paris today.\n".encode(), ["licence", "long"]),
    ("attribution too long", "by.md",
     f"---\nauthor: {LONG * 2}\n---\nNews from Paris today.\n".encode(), ["attribution", "long"]),
    ("source too long", "source.md",
     f"---\nsource: {LONG * 5}\n---\nNews from Paris today.\n".encode(), ["source", "long"]),
    ("impossible date", "date.md",
     b"---\npublished: 2024-13-45\n---\nNews from Paris today.\n", ["date"]),
    ("a PDF", "paper.pdf", b"%PDF-1.4 binary", ["unsupported file type"]),
]
