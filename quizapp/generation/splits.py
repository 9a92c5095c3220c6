"""The fixed split of the Wikinews development corpus into a development and a test split.

An article of ``corpus/wikinews-articles/articles.jsonl`` is in the **test split** when the
SHA-256 of its id, read as an integer, is divisible by 4 (293 of the 1,200 articles); every other
article is in the **development split**. Rules and weights are tuned on the development split
only; the test split is generated and judged blind, to measure, and read by nobody else.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from quizapp.generation.article import Article
from quizapp.generation.cleaning import clean, tidy_title

CORPUS = Path("../shared/corpus")
ARTICLES = "wikinews-articles/articles.jsonl"
SPLITS = ("dev", "test")
LICENCE = "CC BY 2.5"
ATTRIBUTION = "Wikinews"


def split_of(article_id: str) -> str:
    """"test" or "dev": the split the corpus article with this id belongs to."""
    digest = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16)
    return "test" if digest % 4 == 0 else "dev"


@dataclass(frozen=True)
class CorpusArticle:
    """One line of ``articles.jsonl``: a Wikinews article with its id, date and address."""

    id: str
    title: str
    date: str
    url: str
    text: str

    @property
    def split(self) -> str:
        return split_of(self.id)

    def article(self) -> Article:
        """The article as the generator reads it: headline, body, date, source and licence."""
        return Article(title=tidy_title(self.title), text=clean(self.text),
                       published=date.fromisoformat(self.date), source=self.url,
                       licence=LICENCE, attribution=ATTRIBUTION)


def corpus_articles(split: str | None = None, corpus: Path = CORPUS) -> list[CorpusArticle]:
    """The corpus articles of ``split`` ("dev" or "test"; None for all), in file order."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    path = Path(corpus) / ARTICLES
    articles = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            articles.append(CorpusArticle(id=row["id"], title=row["title"], date=row["date"],
                                          url=row["url"], text=row["text"]))
    return [a for a in articles if split is None or a.split == split]
