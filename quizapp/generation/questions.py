"""Questions from facts: short answer, multiple choice, cloze and true/false, with provenance.

A fact with a wh-question makes a short-answer and a multiple-choice question; a fact whose
answer is a span of a sentence makes a cloze and (once per sentence) a true/false statement with
the answer swapped for a distractor. Every question keeps where it came from (``source``) and how
good it is (``quality``); candidates that fail a check go to ``rejected`` with the reason.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

from quizapp.bank import fact_id, normalise_answer, question_id
from quizapp.generation.distractors import ENOUGH, pick_distractors
from quizapp.generation.entities import takes_the
from quizapp.generation.fact import Fact
from quizapp.generation.grounding import unsaid
from quizapp.generation.headline import cloze_lead, gives_away, masked, true_false_lead, wh_lead
from quizapp.generation.nlp import TITLE_WORDS
from quizapp.generation.quality import balanced, priority, score
from quizapp.generation.selection import (
    LEAD_SENTENCES,
    TEMPLATE_RULES,
    not_worth_asking,
    salience,
    select,
)
from quizapp.generation.strict import expand_surnames, problem

BLANK = "_____"
RELATIVE_DAY = re.compile(r"(?<=\w)\s+(?:later |earlier )?(?:today|yesterday|tonight|tomorrow)"
                          r"\b(?!['’-])")
# Swapping one of these for another makes a statement that is plainly false; swapping peoples or
# events ("Baloch" for "Sunni") can make one that is true in the world while false in the article.
# Organisations are left out too: "the Lufthansa A380" for "the Airbus A380" may well be true.
TRUE_FALSE_KINDS = {"person", "country", "province", "operation", "date", "year", "count"}
# A sentence opening with a connective leans on the one before; the question leaves it out.
CONNECTIVE = re.compile(r"(?:However|Meanwhile|Moreover|Furthermore|Nevertheless|Nonetheless|"
                        r"Still|Also|But|And|Yet|Instead|Additionally|In addition),?\s+")


@dataclass
class Context:
    """What every question of one article shares."""

    text: str
    sha256: str
    sentences: list[tuple[int, int]]   # trimmed character range of each sentence
    published: date | None
    article_records: list[dict]
    corpus_records: list[dict]
    rng: random.Random
    doc: Doc | None = None   # the analysed article, for checks on the tokens a question shows
    markets: bool = False    # the article is about stock markets
    headline: str | None = None  # the article's own title (None when only derived from its text)

    @property
    def when(self) -> str | None:
        return self.published.strftime("%B %Y") if self.published else None

    def headline_for(self, fact: Fact, *others: str) -> str | None:
        """The headline; when it gives away the fact's answer (or ``others``, such as the
        entity a true/false statement swaps in), the headline without the words that do, or
        None (the question names only its date) when too little is left."""
        if not self.headline:
            return None
        forms = [fact.answer, *fact.accepted, *others, *self._aliases(fact.answer)]
        if fact.span:
            forms.append(self.text[fact.span[0]:fact.span[1]])
        if not gives_away(self.headline, forms):
            return self.headline
        # The answer's words left out, the rest still names the story.
        return masked(self.headline, forms)

    @cached_property
    def records_by_form(self) -> dict[str, dict]:
        """Each article entity record under every normalised form of its name."""
        out: dict[str, dict] = {}
        for record in self.article_records:
            for form in (record["text"], *record["aliases"]):
                out.setdefault(normalise_answer(form), record)
        return out

    def _aliases(self, answer: str) -> list[str]:
        record = self.records_by_form.get(normalise_answer(answer))
        return [record["text"], *record["aliases"]] if record else []


def build_questions(facts: list[Fact], ctx: Context,
                    on_fact=None) -> tuple[list[dict], list[dict]]:
    """(questions, rejected): the bank's questions best first, one per fact (see ``selection``);
    ``on_fact(n)`` is told how many candidate questions are written after each fact."""
    candidates = []
    tf_sentences: set[int] = set()
    for fact in facts:
        candidates += _from_fact(fact, ctx, tf_sentences)
        if on_fact:
            on_fact(len(candidates))
    kept, rejected = select(candidates)
    for question in kept:
        for key in ("_about", "_unsaid", "_body", "_salience", "_priority", "_strict"):
            question.pop(key, None)
    return kept, rejected


def _from_fact(fact: Fact, ctx: Context, tf_sentences: set[int]) -> list[dict]:
    out = []
    fact = _full_name(fact)
    if fact.prompt and fact.rule not in TEMPLATE_RULES:
        fact = replace(fact, prompt=expand_surnames(fact.prompt, ctx.article_records))
    if fact.prompt:
        prompt = wh_lead(fact.prompt, ctx.headline_for(fact), ctx.when) if fact.timely \
            else fact.prompt
        out.append(_question(fact, ctx, "short", prompt, fact.answer, body=fact.prompt))
        choices = pick_distractors(fact.answer, fact.accepted, fact.kind, prompt,
                                   ctx.article_records, ctx.corpus_records, ctx.rng,
                                   latest=ctx.published and ctx.published.year)
        if len(choices) == ENOUGH and choice_kind(fact):  # three of the answer's kind, or none
            mcq = _question(fact, ctx, "mcq", prompt, fact.answer, body=fact.prompt)
            mcq["choices"] = sorted([fact.answer, *choices], key=str.casefold)
            out.append(mcq)
    elif fact.span:
        cloze = _cloze(fact, ctx)
        out.append(cloze)
        choices = pick_distractors(fact.answer, fact.accepted, fact.kind, cloze["_body"],
                                   ctx.article_records, ctx.corpus_records, ctx.rng,
                                   latest=ctx.published and ctx.published.year)
        if len(choices) == ENOUGH and choice_kind(fact, cloze["_body"]):  # choices of its kind
            mcq = _question(fact, ctx, "mcq", cloze["prompt"], fact.answer, body=cloze["_body"])
            mcq["choices"] = sorted([fact.answer, *choices], key=str.casefold)
            out.append(mcq)
        if fact.frame is None and fact.sentence not in tf_sentences:
            statement = _true_false(fact, ctx)
            if statement is not None:
                tf_sentences.add(fact.sentence)
                out.append(statement)
    return out


# Judged blind, choices of these kinds were alike enough to be real choices: countries beside
# neighbours, full names beside the story's other people, dates, years and counts, companies
# beside the story's other companies. Roles, places, peoples and groups of no known sort were
# refused far more often than kept, so they are asked as short answers or clozes instead.
CHOICE_KINDS = {"country", "person", "date", "year", "count", "company", "airline", "carmaker",
                "planemaker", "financial firm"}


_FEMALE = re.compile(r"\b(?:she|her|hers|herself|woman|Mrs|Ms)\b", re.IGNORECASE)


def choice_kind(fact: Fact, shown: str = "") -> bool:
    """Whether a fact's answer is of a kind whose distractors make a fair multiple choice."""
    if fact.kind not in CHOICE_KINDS:
        return False
    if fact.prompt and fact.kind not in ("person", "country", "company"):
        return False  # a wh-question's choices: people, countries, companies only
    if fact.kind != "person":
        return True
    if fact.attributive:
        return False  # "At the _____ rally": a place the model took for a person
    # No surname against full names, and no choices a pronoun narrows to the one woman.
    return len(fact.answer.split()) > 1 and not _FEMALE.search(fact.prompt or shown)


def _full_name(fact: Fact) -> Fact:
    """A blank that holds a surname the article gave in full before ("_____ said …" where the
    story named "Evan Kohlmann") asks for the full name, the surname still accepted."""
    if not fact.span or fact.kind != "person" or " " in fact.answer.strip():
        return fact
    full = next((a for a in fact.accepted if " " in a and a.split()[-1] == fact.answer), None)
    if full is None:
        return fact
    return replace(fact, answer=full, accepted=sorted({*fact.accepted, fact.answer} - {full}))


def _frame(fact: Fact, ctx: Context) -> tuple[int, int]:
    return fact.frame or ctx.sentences[fact.sentence]


def _shown(ctx: Context, start: int, end: int, a: int, b: int, middle: str) -> str:
    """The words from ``start`` to ``end`` with ``a``..``b`` replaced by ``middle``."""
    lead = CONNECTIVE.match(ctx.text, start, a)
    if lead:
        start = lead.end()
    shown = f"{ctx.text[start:a]}{middle}{ctx.text[b:end]}"
    return shown[:1].upper() + shown[1:] if lead else shown


def _cloze(fact: Fact, ctx: Context) -> dict:
    start, end = _frame(fact, ctx)
    a, b = fact.span
    shown = expand_surnames(_shown(ctx, start, end, a, b, BLANK), ctx.article_records)
    prompt = cloze_lead(shown, ctx.headline_for(fact), ctx.when, framed=fact.frame is not None)
    return _question(fact, ctx, "cloze", prompt, fact.answer, body=shown)


def _true_false(fact: Fact, ctx: Context) -> dict | None:
    if fact.kind not in TRUE_FALSE_KINDS or fact.attributive:
        return None  # "stakes in China companies", "Renault's Constantin Stroe plant"
    a, b = fact.span
    if fact.kind == "person" and ctx.text[max(0, a - 4):a].lower() == "the ":
        return None  # "the 787" read as a person: a person swapped in gives "the Louis Gallois"
    start, end = ctx.sentences[fact.sentence]
    sentence = ctx.text[start:end]
    # Swaps come from the same article only: a name from another story makes a statement that
    # is false at a glance.
    swaps = pick_distractors(fact.answer, fact.accepted, fact.kind, sentence,
                             ctx.article_records, [], ctx.rng, n=4)
    if fact.kind == "country":  # "a recession in the Canada": keep "the" where it belongs
        after_the = ctx.text[max(0, a - 4):a].lower() == "the "
        swaps = [c for c in swaps if takes_the(c) == after_the]
    swaps = swaps[:1]
    truth = not swaps or ctx.rng.random() < 0.5
    said = fact.answer if truth else swaps[0]
    statement = _shown(ctx, start, end, a, b, said)
    prompt = true_false_lead(statement, ctx.headline_for(fact, *swaps), ctx.when)
    question = _question(fact, ctx, "truefalse", prompt, "true" if truth else "false",
                         body=statement)
    question["accepted"] = []
    question["explanation"] = f"The article says: {sentence}"
    return question


def _question(fact: Fact, ctx: Context, kind: str, prompt: str, answer: str, *,
              body: str) -> dict:
    """``body`` is the prompt without its context lead: the checks on what a question leaves
    unsaid read the question's own words, not the headline's."""
    start, end = ctx.sentences[fact.sentence]
    sentence = ctx.text[start:end]
    # A true/false question is identified by the fact it tests, not by "true"/"false".
    about = fact.answer
    question = {
        "id": question_id(ctx.sha256, kind, fact.category, about, sentence),
        "fact": fact_id(ctx.sha256, fact.category, fact.answer, sentence),
        "kind": kind, "category": fact.category, "prompt": undated(prompt), "answer": answer,
        "accepted": accepted_forms(fact.accepted, answer),
        "source": {"sentence": fact.sentence, "start": start, "end": end, "text": sentence},
        "origin": "generated", "_about": about, "_body": body,
    }
    lead = ctx.sentences[:LEAD_SENTENCES]
    question["_salience"] = salience(fact, len(ctx.sentences), ctx.headline,
                                     ctx.records_by_form, lead[-1][1] if lead else None)
    question["quality"] = score(question, fact.rule, sentence, question["_salience"])
    question["_priority"] = priority(question, fact.rule, question["_salience"])
    question["_worth"] = not_worth_asking(question, fact, ctx.doc,
                                          fact.sentence < LEAD_SENTENCES)
    question["_strict"] = problem(question, fact, salience=question["_salience"], text=ctx.text,
                                  headline=ctx.headline, records=ctx.article_records,
                                  verbless=_verbless(ctx, start, end))
    question["_unsaid"] = _unsaid(fact, ctx, kind, start, end)
    return question


def _verbless(ctx: Context, start: int, end: int) -> bool:
    """Whether the source sentence has no verb at its root: "Dustin R. Donica on the last day
    of the year, bringing …" lost its verb, and a question that shows it reads as broken."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.pos_ not in ("VERB", "AUX")


def accepted_forms(accepted: list[str], answer: str) -> list[str]:
    """The alternatives a typed answer may give: not a broken one ("John Birch Society (JBS"),
    nor a bare title that fits many ("president" for "Ecuadorian president", "CEO")."""
    short = _STATE_OF.match(answer)
    if short:  # "Republic of Djibouti": plain "Djibouti" is right too
        accepted = [*accepted, short.group(1)]
    return sorted({a for a in accepted if a.strip() and a != answer and balanced(a) and
                   normalise_answer(a) not in TITLE_WORDS})


_STATE_OF = re.compile(r"(?:[Tt]he )?(?:Republic|Kingdom|State|Commonwealth|Federation|Sultanate|"
                       r"Emirate|Principality|Islamic Republic|People's Republic|Federal Republic|"
                       r"Democratic Republic) of (?:the )?([A-Z][\w' -]+)$")


def undated(prompt: str) -> str:
    """A dated question without the article's own "today", "yesterday" or "tonight": "has
    died today in a Jakarta hospital" → "has died in a Jakarta hospital"."""
    return RELATIVE_DAY.sub("", prompt)


def _unsaid(fact: Fact, ctx: Context, kind: str, start: int, end: int) -> str | None:
    """What the words shown leave unsaid (a true/false statement shows its whole sentence)."""
    if ctx.doc is None:
        return None
    if kind == "truefalse":
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        return unsaid(span, markets=ctx.markets) if span is not None else None
    if fact.shown is None:
        return None  # a template: its words are the generator's own
    return unsaid((ctx.doc[i] for i in fact.shown), markets=ctx.markets)
