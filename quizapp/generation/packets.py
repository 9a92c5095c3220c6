"""Blind judging packets: what a judge reads (``packet.md``) and what only the measure keeps
(``key.json``).

A packet draws articles at random (seeded) from one split of the Wikinews corpus, generates
each article's bank, and takes its ``top`` best-scored questions — best first, as a teacher's
review queue shows them — and ``random`` others. The judge sees each article's title, date and
full text, then its questions shuffled under opaque item numbers: kind, prompt, answer, accepted
alternatives and choices, nothing else. The key maps each item back to its article, question,
group (top or random), score and the signals the score was computed from.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from quizapp.generation.splits import CorpusArticle

KEY_FORMAT = "quizapp-judging-key"
TOPS = ("top", "random")
KIND_WORDS = {"mcq": "multiple choice", "short": "short answer", "cloze": "cloze (fill the blank)",
              "truefalse": "true or false"}
RUBRIC_TESTS = ("well-formed", "correct", "stands alone", "multiple choice", "worth asking")


@dataclass(frozen=True)
class Item:
    """One question as judged: its opaque number, its article and how it was picked."""

    number: int
    article: CorpusArticle
    question: dict
    group: str  # "top" or "random"
    rank: int  # 1 for the best-scored question of its bank


def draw_articles(articles: list[CorpusArticle], count: int, seed: int) -> list[CorpusArticle]:
    """``count`` articles drawn at random with ``seed`` (the same seed, the same articles)."""
    if count > len(articles):
        raise ValueError(f"{count} articles asked for, the split has {len(articles)}")
    ordered = sorted(articles, key=lambda a: a.id)
    return random.Random(f"draw:{seed}").sample(ordered, count)


def generate_banks(articles: list[CorpusArticle]) -> list[dict]:
    """A bank per article, each drawing distractors from the other drawn articles' entities."""
    from quizapp.generation import generate_bank
    from quizapp.generation.entities import collect_entities
    from quizapp.generation.nlp import get_nlp

    read = [a.article() for a in articles]
    records = [[e.record() for e in collect_entities(doc)]
               for doc in get_nlp().pipe(a.text for a in read)]
    banks = []
    for i, article in enumerate(read):
        others = [r for j, rs in enumerate(records) if j != i for r in rs]
        banks.append(generate_bank(article, corpus_entities=others))
    return banks


def best_first(questions: list[dict]) -> list[dict]:
    """The questions as the review queue lists them: highest score first, then bank order."""
    order = sorted(enumerate(questions),
                   key=lambda iq: (-(iq[1].get("quality") or {}).get("score", 0.0), iq[0]))
    return [q for _, q in order]


def pick(bank: dict, top: int, others: int, rng: random.Random) -> list[tuple[str, int, dict]]:
    """(group, rank, question): the ``top`` best-scored questions and ``others`` at random."""
    ranked = best_first(bank["questions"])
    chosen = [("top", rank, q) for rank, q in enumerate(ranked[:top], start=1)]
    rest = list(enumerate(ranked[top:], start=top + 1))
    chosen += [("random", rank, q) for rank, q in rng.sample(rest, min(others, len(rest)))]
    return chosen


def build_items(articles: list[CorpusArticle], banks: list[dict], top: int, others: int,
                seed: int) -> list[Item]:
    """Every article's picked questions, shuffled within the article and numbered from 1."""
    items: list[Item] = []
    for article, bank in zip(articles, banks, strict=True):
        rng = random.Random(f"pick:{seed}:{article.id}")
        chosen = pick(bank, top, others, rng)
        rng.shuffle(chosen)
        items += [Item(len(items) + i, article, q, group, rank)
                  for i, (group, rank, q) in enumerate(chosen, start=1)]
    return items


def key_document(articles: list[CorpusArticle], banks: list[dict], items: list[Item],
                 meta: dict) -> dict:
    """``key.json``: the draw's settings, each drawn article's bank size, and per item where it
    came from, its group, its score and the signals the score was computed from."""
    return {
        "format": KEY_FORMAT, "format_version": 1, **meta,
        "articles": [{"id": a.id, "title": a.title, "date": a.date, "url": a.url,
                      "questions": len(b["questions"]), "rejected": len(b.get("rejected", ()))}
                     for a, b in zip(articles, banks, strict=True)],
        "items": {str(item.number): _key_entry(item) for item in items},
    }


def _key_entry(item: Item) -> dict:
    q = item.question
    quality = q.get("quality") or {}
    return {
        "article_id": item.article.id, "question_id": q["id"], "kind": q["kind"],
        "category": q["category"], "group": item.group, "rank": item.rank,
        "score": quality.get("score"), "signals": dict(quality.get("signals", {})),
        "prompt": q["prompt"], "answer": q["answer"], "accepted": list(q.get("accepted", ())),
        "choices": list(q.get("choices", ())),
    }


def packet_markdown(items: list[Item], meta: dict) -> str:
    """``packet.md``: how to answer, then each article and its numbered questions."""
    lines = [
        "# Judging packet", "",
        f"{len(items)} generated quiz questions about "
        f"{len({i.article.id for i in items})} news articles. Judge each question by the "
        "rubric you were given (`JUDGING.md`): a question is acceptable only if all five tests "
        "hold — " + ", ".join(f"**{t}**" for t in RUBRIC_TESTS) + ".", "",
        "## How to answer", "",
        "Write `verdicts.tsv`, one line per item, three fields separated by a tab:", "",
        "```", "ITEM<TAB>yes|no<TAB>one-line reason", "```", "",
        "- `ITEM` is the item number as printed here; every item once.",
        "- `yes` when the question is acceptable, `no` when it is not.",
        "- The reason of a `no` starts with the first rubric test that fails, then a colon: "
        + ", ".join(f"`{t}:`" for t in RUBRIC_TESTS) + ". For a `yes`, a few words or `-`.",
        "- Lines starting with `#` and blank lines are ignored.", "",
        "Example:", "", "```",
        "17	no	worth asking: a currency conversion in brackets",
        "18	yes	the company that bought the startup, named with its story", "```", "",
        "Article text from Wikinews (https://en.wikinews.org), CC BY 2.5; each article links "
        "its page. The questions quote it.", "",
    ]
    current = None
    for item in items:
        if item.article.id != current:
            current = item.article.id
            lines += _article_lines(item.article)
        lines += _item_lines(item)
    return "\n".join(lines).rstrip() + "\n"


def _article_lines(article: CorpusArticle) -> list[str]:
    text = article.text.strip()
    return ["---", "", f"## {_inline(article.title)}", "",
            f"Published {article.date} · Wikinews, CC BY 2.5 · <{article.url}>", "",
            *(f"> {p}" if p.strip() else ">" for p in text.split("\n")), "",
            "### Questions", ""]


def _item_lines(item: Item) -> list[str]:
    q = item.question
    lines = [f"**Item {item.number}** · {KIND_WORDS.get(q['kind'], q['kind'])}", "",
             f"- Prompt: {_inline(q['prompt'])}"]
    if q.get("choices"):
        lines.append("- Choices: " + " · ".join(_inline(c) for c in q["choices"]))
    lines.append(f"- Answer: {_inline(q['answer'])}")
    if q.get("accepted"):
        lines.append("- Also accepted: " + " · ".join(_inline(a) for a in q["accepted"]))
    return [*lines, ""]


def _inline(text: str) -> str:
    """Text on one line, as typed (blanks stay "_____")."""
    return " ".join(str(text).split())
