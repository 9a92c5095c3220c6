"""The corpus split is fixed: the same ids in the test split for everyone, 293 of 1,200."""
import hashlib

import pytest

from quizapp.generation.splits import corpus_articles, split_of


def test_split_follows_the_sha256_of_the_id():
    for article_id in ("enwikinews-2837166", "enwikinews-1", "x"):
        test = int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 4 == 0
        assert split_of(article_id) == ("test" if test else "dev")


def test_split_counts_on_the_corpus(shared_dir):
    corpus = shared_dir / "corpus"
    every = corpus_articles(corpus=corpus)
    test, dev = corpus_articles("test", corpus), corpus_articles("dev", corpus)
    assert (len(every), len(test), len(dev)) == (1200, 293, 907)
    assert {a.id for a in test}.isdisjoint(a.id for a in dev)
    assert all(split_of(a.id) == "test" for a in test)


def test_unknown_split_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown split 'train'"):
        corpus_articles("train", tmp_path)


def test_corpus_article_reads_as_a_dated_attributed_article():
    from quizapp.generation.splits import CorpusArticle

    article = CorpusArticle(id="enwikinews-1", title=" Floods in Dhaka ", date="2007-08-01",
                            url="https://en.wikinews.org/wiki/Floods", text="Rain fell.\n").article()
    assert (article.title, article.text, article.published.isoformat()) == \
        ("Floods in Dhaka", "Rain fell.", "2007-08-01")
    assert (article.source, article.licence, article.attribution) == \
        ("https://en.wikinews.org/wiki/Floods", "CC BY 2.5", "Wikinews")
