"""A fact found in an article: one answer in one sentence, and the ways to ask about it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Fact:
    """One answer in one source sentence; questions of several kinds are built from it.

    ``prompt`` is a wh-question (None when the fact only makes a cloze); ``span`` is where the
    answer stands in the article text (None when the answer is not a literal span, as for a
    role asked the other way round). ``shown`` are the indices of the document's tokens that
    the question shows (None for templates, whose words are the generator's own). ``timely``
    facts get the article's date as context.
    """

    category: str
    answer: str
    sentence: int
    prompt: str | None = None
    span: tuple[int, int] | None = None
    accepted: list[str] = field(default_factory=list)
    kind: str = ""          # the answer's kind, for distractors of the same kind
    rule: str = ""          # which rule found it, kept as a quality signal
    timely: bool = True
    frame: tuple[int, int] | None = None  # the words a cloze shows, when not the whole sentence
    attributive: bool = False  # the answer modifies a noun ("U.S. companies"), as a cloze shows
    shown: tuple[int, ...] | None = None  # the tokens the question shows, for grounding checks
