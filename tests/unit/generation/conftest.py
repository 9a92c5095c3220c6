"""Shared fixtures of the generator's tests: the seed article, analysed once per test session."""
from pathlib import Path

import pytest

from quizapp.generation import generate_bank, read_article

ROOT = Path(__file__).parents[3]
SEED = ROOT / "seeds" / "000_a09212d6aeb45f40.txt"


@pytest.fixture(scope="session")
def seed_article():
    return read_article(SEED)


@pytest.fixture(scope="session")
def seed_doc(seed_article):
    from quizapp.generation.nlp import analyse

    return analyse(seed_article.text)


@pytest.fixture(scope="session")
def seed_bank(seed_article):
    return generate_bank(seed_article)
