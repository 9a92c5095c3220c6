"""A question's context: the article's headline and date, and when the headline must stay out.

A sentence lifted from a news story often leaves out what it is about ("Two more plants will
close in _____" — whose?); the story's headline says it ("From “Ford Motor Company cutting
30,000 jobs by 2012” (January 2006): …"). A headline that gives the answer away is left out and
the question names only its date, as before: when a content word of the answer (or of one of its
other forms) is in the headline, when the headline holds the blanked phrase, or when one is the
other's acronym ("GM" and "General Motors").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that say nothing of the answer by themselves: "Bank of America" is not in a headline
# just because it has "of".
STOP_WORDS = {"the", "of", "and", "for", "de", "la", "le", "du", "von", "van", "der", "a", "an",
              "in", "on", "at", "to", "s", "by", "with", "from", "as", "or"}
# A number is one token ("30,000", "7.4"), so its digits alone do not match other numbers.
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+")
_CAPITALISED = re.compile(r"[A-Z][\w&'’.-]*")
SUBWORD_MIN = 4  # a word this long counts inside a longer one ("Iran" in "Iranian")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _content_words(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(_fold(text)) if w not in STOP_WORDS]


def _name_runs(text: str) -> list[str]:
    """The initials of each run of capitalised words ("General Motors Corp." → "GMC"); stop
    words inside a run are skipped ("Defence and Space" → "DS")."""
    runs, current = [], ""
    for word in re.findall(r"[\w&'’.-]+", text):
        if _CAPITALISED.fullmatch(word) and word.lower() not in STOP_WORDS:
            current += word[0]
        elif word.lower() in STOP_WORDS and current:
            continue
        else:
            if len(current) >= 2:
                runs.append(current)
            current = ""
    if len(current) >= 2:
        runs.append(current)
    return runs


def _acronyms(text: str) -> set[str]:
    return {w.replace("&", "") for w in re.findall(r"\b[A-Z][A-Z&]+\b", text)
            if len(w.replace("&", "")) >= 2}


def _acronym_of(short: set[str], long_text: str) -> bool:
    return any(a in run for a in short for run in _name_runs(long_text))


def gives_away(headline: str, forms: list[str]) -> bool:
    """Whether ``headline`` shows or hints at any of ``forms`` (the answer, its other accepted
    forms, the blanked phrase): the whole form, a content word of it, or its acronym."""
    folded = _fold(headline)
    words = set(_content_words(headline))
    for form in forms:
        if not form.strip():
            continue
        if _fold(form) in folded:
            return True
        for word in _content_words(form):
            if word in words or (len(word) >= SUBWORD_MIN and word in folded):
                return True
            # "Iran" in the headline hints at "Iranian", "sale" at "sales"
            if any(len(w) >= SUBWORD_MIN and word.startswith(w) for w in words):
                return True
        if _acronym_of(_acronyms(headline), form) or _acronym_of(_acronyms(form), headline):
            return True
    return False


MASK = "…"
NAME_HALVES = {"North", "South", "East", "West", "New", "United", "Saudi", "Sri", "El", "Costa",
               "Puerto", "Hong", "San", "Los", "Las", "St.", "Saint"}
MASKED_MIN = 3  # content words a masked headline keeps, or it says too little to name a story


def masked(headline: str, forms: list[str]) -> str | None:
    """The headline with every word that shows or hints at ``forms`` left out ("Nauru to hold
    parliamentary elections" → "… to hold parliamentary elections"), so a question can still
    name its story; None when too little is left or it still gives the answer away."""
    return _masked(headline, tuple(forms))


@lru_cache(maxsize=512)
def _masked(headline: str, forms: tuple[str, ...]) -> str | None:
    forms = list(forms)
    words = headline.split()
    out: list[str] = []
    for word in words:
        bare = word.strip(".,:;!?'’\"“”()")
        if bare and gives_away(bare, forms):
            if not out or out[-1] != MASK:
                out.append(MASK)
        else:
            out.append(word)
    for i, word in enumerate(out):  # "North …" of "North Korea": the whole name goes
        if word == MASK:
            for j in (i - 1, i + 1):
                if 0 <= j < len(out) and out[j] in NAME_HALVES:
                    out[j] = MASK
    out = [w for i, w in enumerate(out) if w != MASK or i == 0 or out[i - 1] != MASK]
    text = " ".join(out)
    if out.count(MASK) != 1 or len(_content_words(text.replace(MASK, " "))) < MASKED_MIN or \
            gives_away(text, forms):
        return None  # two gaps read as a puzzle, not a headline
    return text


def _named(headline: str, when: str | None) -> str:
    return f"“{headline}” ({when})" if when else f"“{headline}”"


def wh_lead(prompt: str, headline: str | None, when: str | None) -> str:
    """A wh-question in its context: "In “…” (December 2008), which …?"."""
    if not headline and not when:
        return prompt
    context = _named(headline, when) if headline else when
    return f"In {context}, {prompt[0].lower()}{prompt[1:]}"


def cloze_lead(shown: str, headline: str | None, when: str | None, framed: bool) -> str:
    """A cloze in its context: "From “…” (January 2006): Two more plants will close in _____"."""
    shown = f"{shown[:1].upper()}{shown[1:]}" if framed else shown
    if headline:
        return f"From {_named(headline, when)}, complete: {shown}" if framed else \
            f"From {_named(headline, when)}: {shown}"
    prompt = f"Complete: {shown}" if framed else shown
    return f"{when} news: {prompt}" if when else prompt


def true_false_lead(statement: str, headline: str | None, when: str | None) -> str:
    """A statement in its context: "True or false, from “…” (May 2009): …"."""
    if headline:
        return f"True or false, from {_named(headline, when)}: {statement}"
    return f"True or false ({when} news): {statement}" if when else f"True or false: {statement}"
