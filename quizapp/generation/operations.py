"""Named military and police operations: where an article names one, its gloss, and what only
looks like one.

News names operations in several ways: quoted after a code word ("code-named ‘Marg Bar
Sarmachar’"), quoted whole ("'operation Sinbad'") or bare ("Operation Cast Lead", "Operation
Sulat al-Fursan", "Operation Fahwat al Asad 2"); the name's meaning follows in words ("loosely
translating to …") or in brackets ("Operation Sulat al-Fursan (Knights Charge)"). An organisation
whose name starts with "Operation" ("the charity Operation USA") is no operation. Pure text
rules, so that the language model's component (``nlp.quizapp_rules``) only maps them to tokens.
"""
from __future__ import annotations

import re

QUOTES = "‘’“”'\""
# "operation code-named 'Marg Bar Sarmachar'", "Operation ‘Zarb-e-Azb’"
QUOTED_AFTER = re.compile(
    r"\b(?:[Oo]peration|[Cc]ode)[ -]?(?:name[ds]?|code[- ]?named|dubbed|called)?,?\s*"
    rf"[{QUOTES}]([A-Z][^{QUOTES}\n]{{1,60}}?)[,.]?[{QUOTES}]")
# "'operation Sinbad '", "“Operation Black Eagle”"
QUOTED_AROUND = re.compile(rf"[{QUOTES}]\s*[Oo]peration\s+([A-Z][^{QUOTES}\n]{{1,60}}?)\s*[,.]?"
                           rf"[{QUOTES}]")
_PARTICLES = ("al", "el", "ul", "e", "de", "du", "la", "of", "the", "y")
_WORD = rf"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|(?:{'|'.join(_PARTICLES)})(?:-[A-Z][\w'’]*)?)"
# "Operation Cast Lead", "Operation Sulat al-Fursan", "Operation Fahwat al Asad 2"
BARE = re.compile(rf"\bOperation\s+([A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+{_WORD})*(?:\s+\d+\b)?)")
GLOSS = re.compile(
    r"\A[,\s]*(?:\(|—|–|-)?\s*(?:which\s+)?(?:loosely\s+|roughly\s+|literally\s+)?"
    r"(?:translat\w+|mean\w*)\s+(?:to\s+|as\s+)?"
    rf"[{QUOTES}]([^{QUOTES}\n]{{2,80}}?)[,.]?[{QUOTES}]")
# "Operation Sulat al-Fursan (Knights Charge)": words in brackets, not an acronym or a figure
BRACKET_GLOSS = re.compile(r"\A\s*\(\s*((?:[A-Za-z][a-z'’]+|of|the)(?:[ -](?:[A-Za-z][a-z'’]*))"
                           r"{0,5})\s*\)")
# How an article speaks of an organisation named "Operation …": "the charity Operation USA",
# "Operation Smile, a non-profit organisation".
_ORG_BEFORE = re.compile(r"\b(?:charity|charities|relief agency|relief group|non-?profit|NGO|"
                         r"organi[sz]ation|foundation|group|agency)\s+(?:called\s+)?$",
                         re.IGNORECASE)
_ORG_AFTER = re.compile(r"\A,?\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:charity|relief agency|"
                        r"relief group|non-?profit|NGO|organi[sz]ation|foundation|aid group)\b",
                        re.IGNORECASE)
_PLACES = {"USA", "US", "U.S.", "UK", "U.K.", "America", "Britain", "Canada", "Australia",
           "India", "Africa", "Europe", "Asia", "International", "Hope", "Smile", "Blessing"}


def find(text: str) -> list[tuple[int, int]]:
    """The character ranges of the operation names in ``text``, longest first where they
    overlap; an organisation named "Operation …" is left out (see ``is_organisation``)."""
    found: list[tuple[int, int]] = []
    for pattern in (QUOTED_AFTER, QUOTED_AROUND, BARE):
        for match in pattern.finditer(text):
            start, end = _trimmed(text, match.start(1), match.end(1))
            if end > start and not is_organisation(text, start, end):
                found.append((start, end))
    found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without trailing particles or spaces: "Operation Cast Lead of" → "Operation Cast Lead"."""
    words = text[start:end].rstrip(" ,.").split(" ")
    while len(words) > 1 and words[-1] in _PARTICLES:
        words.pop()
    return start, start + len(" ".join(words))


_CALLED = re.compile(rf"[Oo]peration\s*[{QUOTES}]?\s*$")


def is_organisation(text: str, start: int, end: int) -> bool:
    """"Operation USA", "the charity Operation Smile": an organisation, not an operation.
    ``start``..``end`` is the name, with or without the word "Operation" before it."""
    called = _CALLED.search(text, max(0, start - 12), start)
    begin = called.start() if called else start
    name = re.sub(r"^[Oo]peration\s+", "", text[start:end]).strip()
    if (called or text[start:end].lower().startswith("operation")) and name in _PLACES:
        return True
    return bool(_ORG_BEFORE.search(text[max(0, begin - 40):begin].rstrip(" '‘“\"")) or
                _ORG_AFTER.match(text[end:end + 60].lstrip("'’”\"")))


def gloss_after(text: str, end: int) -> tuple[int, int] | None:
    """The range of what an operation's name means, said right after it, or None."""
    rest = text[end:end + 120]
    rest_start = end
    closing = re.match(rf"[,.]?[{QUOTES}]", rest)
    if closing:
        rest, rest_start = rest[closing.end():], end + closing.end()
    for pattern in (GLOSS, BRACKET_GLOSS):
        found = pattern.match(rest)
        if found:
            return rest_start + found.start(1), rest_start + found.end(1)
    return None
