"""Question banks from news articles: who, what, where, when, operation names and numbers.

Pure: no Flask, no SQLAlchemy. ``read_article`` reads a file or pasted text, ``generate_bank``
turns it into a bank dict that ``quizapp.bank.validate_bank`` accepts. The language model is
loaded on the first ``generate_bank`` call, not at import.
"""
from __future__ import annotations

import random
from collections import Counter

from quizapp.bank import FORMAT_NAME, FORMAT_VERSION
from quizapp.generation.article import Article, ArticleError, read_article

GENERATOR_NAME = "quizapp"
GENERATOR_VERSION = "0.1.0"

__all__ = [
    "GENERATOR_VERSION",
    "Article",
    "ArticleError",
    "corpus_entities",
    "generate_bank",
    "read_article",
    "summary",
]


def generate_bank(article: Article, *, corpus_entities=(), rng: random.Random | None = None,
                  progress=None) -> dict:
    """A bank of questions about ``article``.

    ``corpus_entities`` are entity records of other banks (``bank["entities"]``), drawn on for
    distractors when the article has too few of a kind. ``rng`` defaults to one seeded by the
    article's text, so the same article gives the same bank. ``progress``, when given, is called
    as ``progress(sentences_read, sentences_total, questions_written)`` as the work goes on.
    """
    from quizapp.generation.entities import collect_entities
    from quizapp.generation.facts import find_facts
    from quizapp.generation.grounding import about_markets
    from quizapp.generation.nlp import analyse
    from quizapp.generation.questions import Context, build_questions

    rng = rng or random.Random(article.sha256)
    doc = analyse(article.text)
    from quizapp.generation.orgs import refine_sorts

    corpus = [r for r in corpus_entities if isinstance(r, dict)]
    entities = collect_entities(doc)
    refine_sorts(entities, corpus)
    records = [e.record() for e in entities]
    ctx = Context(text=article.text, sha256=article.sha256, sentences=_sentences(doc),
                  published=article.published, article_records=records,
                  corpus_records=corpus, rng=rng, doc=doc, markets=about_markets(doc),
                  headline=article.headline)
    total = len(ctx.sentences)
    facts = find_facts(doc, entities, dated=article.published is not None,
                       on_sentence=progress and (lambda read: progress(read, total, 0)))
    questions, rejected = build_questions(
        facts, ctx, on_fact=progress and (lambda written: progress(total, total, written)))
    return {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION,
        "generator": {"name": GENERATOR_NAME, "version": GENERATOR_VERSION},
        "article": article.as_bank_article(), "entities": records,
        "questions": questions, "rejected": rejected,
    }


def _sentences(doc) -> list[tuple[int, int]]:
    """Each sentence's character range without surrounding whitespace."""
    from quizapp.generation.nlp import text_of

    out, text = [], text_of(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return out


def corpus_entities(banks) -> list[dict]:
    """The entity records of several banks, for ``generate_bank(corpus_entities=...)``."""
    return [record for bank in banks for record in bank.get("entities", ())]


def summary(bank_or_banks) -> dict:
    """Articles, questions by category and kind, rejected candidates by reason."""
    banks = [bank_or_banks] if isinstance(bank_or_banks, dict) else list(bank_or_banks)
    by_category = Counter(q["category"] for b in banks for q in b["questions"])
    by_kind = Counter(q["kind"] for b in banks for q in b["questions"])
    rejected = Counter(r["reason"] for b in banks for r in b.get("rejected", ()))
    return {"articles": len(banks), "questions": sum(by_category.values()),
            "by_category": dict(sorted(by_category.items())),
            "by_kind": dict(sorted(by_kind.items())),
            "rejected": dict(rejected.most_common())}
