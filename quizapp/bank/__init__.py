"""The bank format: question banks as JSON documents, their schema, stable ids and question kinds.

Pure: no Flask, no SQLAlchemy. Generation writes banks, the import service reads them, the
formats package converts them.
"""
from quizapp.bank.format import (
    CATEGORIES,
    FORMAT_NAME,
    FORMAT_VERSION,
    KINDS,
    MAX_DEPTH,
    BankError,
    article_problems,
    dump_bank,
    fact_id,
    load_bank,
    normalise_answer,
    parse_json,
    question_id,
    slugify,
    validate_bank,
)

__all__ = [
    "CATEGORIES",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "KINDS",
    "MAX_DEPTH",
    "BankError",
    "article_problems",
    "dump_bank",
    "fact_id",
    "load_bank",
    "normalise_answer",
    "parse_json",
    "question_id",
    "slugify",
    "validate_bank",
]
