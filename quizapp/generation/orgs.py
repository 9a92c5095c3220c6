"""What sort an organisation is: a company, a stock index, a government body, a union, …

The language model labels all of them ORG. A multiple-choice question about an organisation is
only plausible when its distractors are of the same sort (an index for an index, a company for a
company), so each organisation gets a sort as its ``kind``: from well-known names, from the words
of its name ("… Airways", "… Department", "… Workers"), and from how the article speaks of it
("automaker Chrysler", "the Nasdaq fell 54.97 points", "militant group Jaish al-Adl"). One of no
known sort keeps the kind ``organisation`` and is not asked as multiple choice.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from itertools import pairwise

SORTS = ("index", "international", "government", "union", "media", "company", "group")
# How an article speaks of a company or a group just before its name ("the automaker Ford",
# "German airline Air Berlin", "separatist group Jaish al-Adl").
_COMPANY_BEFORE = re.compile(
    r"\b(?:automaker|carmaker|car maker|company|firm|manufacturer|maker|airline|carrier|"
    r"planemaker|airframer|rival|insurer|retailer|giant|conglomerate|supplier|lender|bank|"
    r"subsidiary|parent|competitor|dealer|brokerage|investment bank|corporation)\s+(?:the\s+)?$",
    re.IGNORECASE)
_COMPANY_AFTER = re.compile(
    r"^(?:'s?|’s?)?\s+(?:shares|stock|CEO|chief executive|chief financial officer|spokesman|"
    r"spokeswoman|spokesperson|chairman|executives?|employees|"
    r"senior vice president|executive vice president|dealers|dealerships|plant|plants|factory|"
    r"factories|shareholders|stockholders|earnings|revenue|profits?|sales|vehicles|cars|"
    r"aircraft|jets|airliners?|models?|brand|Inc\b|Corp\b)")
_GROUP_AROUND = re.compile(r"\b(?:militant|militants|separatist|rebel|rebels|insurgent|"
                           r"insurgents|terrorist|extremist|armed|jihadist|guerrilla)\b",
                           re.IGNORECASE)
_GROUP_BEFORE = re.compile(r"\bgroups?\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
# A stock index moves by points: "the Nasdaq fell 54.97 points", "the FTSE 100 index, down 2%".
_INDEX_AFTER = re.compile(r"^\s*(?:\d{2,3}\s+)?(?:index|Index|indices|Composite|Industrial Average)\b"
                          r"|^(?:\s+\w+){0,3}?\s+(?:fell|rose|dropped|gained|lost|closed|climbed|"
                          r"slid|declined|jumped|surged|plunged|finished|ended|added|shed|was up|"
                          r"was down)\b[^.;]{0,40}?\bpoints\b")
_INDEX_BEFORE = re.compile(r"(?:index|indices)\s*,?\s*(?:the\s+)?$")


@lru_cache(maxsize=1)
def _data() -> dict:
    # JSON, so that the package data rule that ships the bank schema ships it too.
    text = resources.files("quizapp.generation").joinpath("data", "organisations.json")
    return json.loads(text.read_text("utf-8"))


@lru_cache(maxsize=1)
def sort_words() -> frozenset[str]:
    """Words that name an organisation's sort, not the organisation ("Airlines", "Motor")."""
    return frozenset(w for words in _data()["words"].values() for w in words if " " not in w)


def _words(name: str) -> list[str]:
    return [w.lower().strip(".,()") for w in re.split(r"[\s-]+", name) if w.strip(".,()")]


def sort_by_name(name: str) -> str | None:
    """The sort a name says by itself ("Qatar Airways": company), or None."""
    names, words = _data()["names"], _data()["words"]
    bare = re.sub(r"^(?:the|The)\s+", "", name).strip()
    for sort in ("media", "index", "international", "government", "union"):
        if bare in names[sort]:
            return sort
    parts = _words(bare)
    if not parts:
        return None
    if "central" in parts and "bank" in parts:
        return "government"  # "European Central Bank", not a commercial bank
    first, last = parts[0], parts[-1]
    for sort in ("index", "union", "media"):
        if last in words[sort]:
            return sort
    if last in words["government"] or first in words["government"] or \
            any(f"{a} {b}" in words["government"] for a, b in pairwise(parts)):
        return "government"  # "US Treasury Department", "Department of Labor", "House of Lords"
    if any(p in words["company"] for p in parts):
        return "company"
    return None


def sort_by_context(text: str, mentions: list[tuple[int, int]]) -> str | None:
    """The sort the article gives an organisation where it names it, or None."""
    votes: dict[str, int] = {}
    for start, end in mentions:
        before, after = text[max(0, start - 40):start], text[end:end + 60]
        if _INDEX_AFTER.match(after) or _INDEX_BEFORE.search(before):
            votes["index"] = votes.get("index", 0) + 2
        if _GROUP_BEFORE.search(before) or re.match(r"^\s*(?:group|militants)\b", after) or \
                _GROUP_AROUND.search(before[-25:]):
            votes["group"] = votes.get("group", 0) + 1
        if _COMPANY_BEFORE.search(before) or _COMPANY_AFTER.match(after):
            votes["company"] = votes.get("company", 0) + 1
    return max(votes, key=lambda s: (votes[s], s == "index")) if votes else None


# A company's trade, from its name ("Qatar Airways") or from what the article calls it ("the
# automaker Ford"): distractors from other stories must be of the same trade to be plausible.
TRADES = {"airline": {"airways", "airlines", "air", "airline", "carrier"},
          "carmaker": {"motors", "motor", "automotive", "auto", "automaker", "carmaker",
                       "automobile", "automobiles"},
          "planemaker": {"aerospace", "aircraft", "airplanes", "planemaker", "airframer",
                         "aviation"},
          "financial firm": {"bank", "capital", "financial", "securities", "investments",
                             "partners", "management", "insurance", "insurer", "lender",
                             "mortgage", "brokerage", "investment"}}
_TRADE_BEFORE = re.compile(r"\b(automaker|carmaker|car maker|auto maker|airline|carrier|"
                           r"planemaker|aircraft maker|aircraft manufacturer|airframer|"
                           r"aerospace (?:company|firm|giant)|bank|lender|insurer|"
                           r"investment bank|brokerage)\s+(?:the\s+)?$", re.IGNORECASE)


def trade_of(name: str, text: str = "", mentions: list[tuple[int, int]] = ()) -> str | None:
    """"airline", "carmaker", "planemaker" or "financial firm" when a company's trade is known."""
    words = set(_words(name))
    found = next((t for t, marks in TRADES.items() if words & marks), None)
    if found:
        return found
    for start, _ in mentions:
        said = _TRADE_BEFORE.search(text[max(0, start - 40):start])
        if said:
            word = said[1].lower()
            return _DESCRIBED.get(word) or _DESCRIBED[word.split()[0]]
    return None


_DESCRIBED = {"automaker": "carmaker", "carmaker": "carmaker", "car": "carmaker",
              "auto": "carmaker", "airline": "airline", "carrier": "airline",
              "planemaker": "planemaker", "aircraft": "planemaker", "airframer": "planemaker",
              "aerospace": "planemaker", "bank": "financial firm", "lender": "financial firm",
              "insurer": "financial firm", "investment": "financial firm",
              "brokerage": "financial firm"}


def organisation_sort(name: str, text: str, mentions: list[tuple[int, int]]) -> str:
    """``index``, ``company``, ``government``, … or ``organisation`` when no sort is known.

    A stock index is known by how the article speaks of it even when its name says company
    ("Standard & Poor's"); otherwise the name decides, and the article's words only where the
    name says nothing (a bare brand such as "Boeing").
    """
    context = sort_by_context(text, mentions)
    if context == "index":
        return "index"
    sort = sort_by_name(name) or context or "organisation"
    if sort == "company":
        return trade_of(name, text, mentions) or "company"
    return sort


def refine_sorts(entities: list, corpus_records: list[dict]) -> None:
    """Sharpen organisations' kinds with what other articles said of the same name: "Boeing",
    of no known sort here, is a planemaker where another article calls it one."""
    seen: dict[str, dict[str, int]] = {}
    for record in corpus_records:
        kind = record.get("kind")
        if kind in SORTS or kind in TRADES:
            counts = seen.setdefault(record.get("text", ""), {})
            counts[kind] = counts.get(kind, 0) + max(1, len(record.get("mentions", ())))
    for entity in entities:
        if entity.label != "ORG" or entity.kind not in ("organisation", "company"):
            continue
        counts = seen.get(entity.text, {})
        trades = {k: n for k, n in counts.items() if k in TRADES}
        if trades:  # a trade is the most specific word on a company
            entity.kind = max(sorted(trades), key=trades.get)
        elif entity.kind == "organisation" and counts:
            entity.kind = max(sorted(counts), key=counts.get)
