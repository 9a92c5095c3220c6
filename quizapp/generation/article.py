"""Reading an article — a .txt, .md (with front matter), .html file or pasted text — into an Article.

The article's ``text`` is the canonical string every character offset in a bank refers to: line
endings are normalised to ``\\n`` and the body is stripped once, here, and never touched again.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from quizapp.bank import slugify
from quizapp.generation.cleaning import clean, is_headline, tidy_title

MAX_BYTES = 2_000_000
TITLE_MAX = 120
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A leading adverbial ("In a historic development, ") carries no topic; the title starts after it.
_LEADING_ADVERBIAL = re.compile(r"^(?:In|On|At|After|Amid|As|With|For|Following)\b[^,]{0,60},\s+")


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message says why, for the user."""


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    source: str | None = None
    published: date | None = None
    licence: str | None = None
    attribution: str | None = None

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def headline(self) -> str | None:
        """The title when the article has one of its own; None when it was only derived from
        the first sentence (a question quoting it would quote the article, not a headline)."""
        title = self.title.strip()
        return None if not title or title == derive_title(self.text) else title

    @property
    def slug(self) -> str:
        return slugify(self.title)

    def as_bank_article(self) -> dict:
        """The ``article`` object of a bank file."""
        return {
            "title": self.title, "slug": self.slug, "sha256": self.sha256, "text": self.text,
            "source": self.source, "licence": self.licence, "attribution": self.attribution,
            "published": self.published.isoformat() if self.published else None,
        }


def read_article(path_or_bytes: str | Path | bytes, *, filename: str | None = None,
                 max_bytes: int = MAX_BYTES) -> Article:
    """Read a file (path) or uploaded/pasted content (bytes or str) into an Article.

    ``filename`` picks the format for bytes and str (by its suffix); a ``str`` without it is
    pasted text. Raises ArticleError for empty, binary, non-UTF-8 or oversized input.
    """
    if isinstance(path_or_bytes, Path):
        raw, filename = _read_file(path_or_bytes, max_bytes), filename or path_or_bytes.name
    elif isinstance(path_or_bytes, bytes):
        raw = path_or_bytes
    elif isinstance(path_or_bytes, str):
        raw = path_or_bytes.encode("utf-8")
    else:
        raise TypeError("read_article takes a Path, bytes or str")
    label = filename or "the pasted text"
    text = _decode(raw, label, max_bytes)
    suffix = Path(filename).suffix.lower() if filename else ".txt"
    if suffix in (".html", ".htm"):
        return _from_html(text, label)
    if suffix in (".md", ".markdown"):
        return _from_markdown(text, label)
    if suffix in (".txt", ""):
        return _from_plain(text, label)
    raise ArticleError(f"{label}: unsupported file type {suffix!r} (use .txt, .md or .html)")


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(f"{path}: {size:,} bytes is more than the {max_bytes:,} allowed")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read {path}: {exc.strerror}") from exc


def _decode(raw: bytes, label: str, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise ArticleError(f"{label}: {len(raw):,} bytes is more than the {max_bytes:,} allowed")
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        raise ArticleError(f"{label}: binary content (NUL byte at offset {offset}); "
                           "give a text, Markdown or HTML article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{label}: not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at "
                           f"offset {exc.start}); save the file as UTF-8") from exc
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{label}: the article is empty")
    return text


def _body(text: str, label: str) -> str:
    body = text.strip()
    if not body:
        raise ArticleError(f"{label}: the article has a title but no text")
    return body


def _from_plain(text: str, label: str) -> Article:
    text = clean(text)
    if not text:
        raise ArticleError(f"{label}: the article has no text besides labels, bylines and links")
    first, sep, rest = text.partition("\n")
    # A short first line without a closing full stop, before a blank line or a paragraph, is
    # a title — unless it is a section label, a byline or a dateline (``cleaning``).
    if sep and rest.strip() and len(first) <= TITLE_MAX and not first.endswith(".") and \
            is_headline(first) and (rest.startswith("\n") or _paragraph(rest)):
        return Article(title=first.strip(), text=_body(rest, label))
    return Article(title=derive_title(text), text=text)


def _paragraph(rest: str) -> bool:
    """Whether the text after a one-line break starts a paragraph written on one line, not the
    rest of a hard-wrapped sentence: a headline pasted straight above its story."""
    line = rest.split("\n", 1)[0]
    return line[:1].isupper() and len(line) > 100


_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]\.?)+$|(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Co|Inc|Corp|Ltd|"
                           r"Jr|Sr|No|Gen|Lt|Col|Sgt|Rep|Sen|Gov|Prof|[A-Z](?:\.[A-Z])+)$")


def first_sentence(text: str) -> str:
    """The first sentence, not cut at an abbreviation's full stop ("EADS N.V. said …")."""
    for found in re.finditer(r"[.!?](?=\s)", text):
        if not _ABBREVIATION.search(text[:found.start()]):
            return text[:found.end()]
    return text


def derive_title(text: str) -> str:
    """A title for an article that has none: the main clause of its first sentence, ending
    on a whole word ("… EADS N.V.", never "… EADS N.V")."""
    first = first_sentence(text.strip())
    first = _LEADING_ADVERBIAL.sub("", first)
    if not _ABBREVIATION.search(first.rstrip(".!?")):
        first = first.rstrip(".!?")
    first = first.split(", ")[0]
    words = first.split()
    if len(words) > 14:
        words = words[:12]
    title = " ".join(words).strip(" ,;:")
    return (title[:1].upper() + title[1:]) if title else "Untitled article"


def _front_matter(block: str, label: str) -> dict[str, str]:
    meta = {}
    for number, line in enumerate(block.splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ArticleError(f"{label}: front matter line {number} is not 'key: value'")
        meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta


def _parse_date(value: str | None, label: str) -> date | None:
    if not value:
        return None
    found = _ISO_DATE.match(value.strip())
    try:
        return date(*map(int, found.groups())) if found else _bad_date(value, label)
    except ValueError:
        return _bad_date(value, label)


def _bad_date(value: str, label: str):
    raise ArticleError(f"{label}: published date {value!r} is not YYYY-MM-DD")


def _from_markdown(text: str, label: str) -> Article:
    found = _FRONT_MATTER.match(text.lstrip("\n"))
    meta = _front_matter(found.group(1), label) if found else {}
    body = _body(clean(text.lstrip("\n")[found.end():] if found else text), label)
    title = meta.get("title")
    if not title:
        heading = re.match(r"#\s+(.+)\n+", body)
        if heading:
            title, body = heading.group(1).strip(), _body(body[heading.end():], label)
    return Article(
        title=title or derive_title(body), text=body, source=meta.get("source") or None,
        published=_parse_date(meta.get("published") or meta.get("date"), label),
        licence=meta.get("licence") or meta.get("license") or None,
        attribution=meta.get("attribution") or meta.get("author") or None,
    )


def _from_html(text: str, label: str) -> Article:
    import trafilatura  # only HTML input needs the extractor

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise ArticleError(f"{label}: no article text found in the HTML page")
    body = clean(body.replace("\r\n", "\n"))
    if not body:
        raise ArticleError(f"{label}: no article text found in the HTML page")
    title = tidy_title(doc.title or "")
    published = None
    if getattr(doc, "date", None):
        published = _parse_date(doc.date[:10], label)
    return Article(
        title=title if title and is_headline(title) else derive_title(body), text=body,
        source=doc.url or None, published=published, licence=doc.license or None,
        attribution=doc.author or doc.sitename or None,
    )
