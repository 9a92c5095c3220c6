"""Acronyms an article defines: "United States Air Force (USAF)" lets "US Air Force" stand for
"USAF".

Pure. ``acronym_forms(answer, text)`` returns nothing unless ``answer`` is an acronym that
``text`` spells out, as "Long Form (ACR)" or "ACR (Long Form)"; then it returns the long form
and its mixed forms, where any run of two or more words may be written as its initials ("US Air
Force", "United States AF"). Callers pass them to the answer check as accepted forms.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

ACRONYM = re.compile(r"[A-Z]{2,6}")
CONNECTIVES = frozenset({"of", "and", "for", "the", "&"})
MAX_WORDS = 7


def is_acronym(answer: str) -> bool:
    return bool(ACRONYM.fullmatch(answer.strip()))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in CONNECTIVES).upper()


def _spelled_before(words: list[str], acronym: str) -> list[str] | None:
    """The shortest run of words ending ``words`` whose initials are ``acronym``."""
    for start in range(len(words) - 1, max(-1, len(words) - 1 - MAX_WORDS), -1):
        run = words[start:]
        if run[0][:1].isupper() and _initials(run) == acronym:
            return run
    return None


def definitions(acronym: str, text: str) -> list[list[str]]:
    """Each long form of ``acronym`` that ``text`` gives, as its words."""
    found = []
    for match in re.finditer(rf"\(\s*{acronym}\s*\)", text):
        before = re.findall(r"[\w&'.-]+", text[max(0, match.start() - 200):match.start()])
        if run := _spelled_before(before, acronym):
            found.append(run)
    for match in re.finditer(rf"\b{acronym}\s*\(([^()]{{3,200}})\)", text):
        words = re.findall(r"[\w&'.-]+", match.group(1))
        if words and _initials(words) == acronym:
            found.append(words)
    return found


def _mixed(words: list[str]) -> set[str]:
    """The long form with any run of two or more significant words written as initials."""
    forms = set()
    for cuts in product((False, True), repeat=len(words) - 1):
        pieces, run = [], [words[0]]
        for word, cut in zip(words[1:], cuts):
            if cut:
                pieces.append(run)
                run = [word]
            else:
                run.append(word)
        pieces.append(run)
        for abbreviate in product((False, True), repeat=len(pieces)):
            forms.add(" ".join(_initials(p) if short and len(_initials(p)) >= 2 else " ".join(p)
                               for p, short in zip(pieces, abbreviate)))
    return forms


@lru_cache(maxsize=1024)
def acronym_forms(answer: str, text: str) -> tuple[str, ...]:
    """Long and mixed forms of ``answer`` when ``text`` defines it, else nothing."""
    answer = answer.strip()
    if not is_acronym(answer):
        return ()
    forms: set[str] = set()
    for words in definitions(answer, text):
        forms |= _mixed(words) if len(words) <= MAX_WORDS else {" ".join(words)}
    forms.discard(answer)
    return tuple(sorted(forms))
