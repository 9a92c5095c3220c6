"""The bank format: question banks as JSON documents, their schema, stable ids and question kinds.

Pure: no Flask, no SQLAlchemy. Generation writes banks, the import service reads them, the
formats package converts them.
"""
from quizapp.bank.format import (
    MAX_DEPTH,
    BankError,
    article_problems,
    FORMAT_NAME,
    FORMAT_VERSION,
    CATEGORIES,
    KINDS,
    dump_bank,
    fact_id,
    load_bank,
    parse_json,
    normalise_answer,
    question_id,
    slugify,
    validate_bank,
)

__all__ = [
    "MAX_DEPTH", "article_problems", "parse_json", "BankError", "FORMAT_NAME", "FORMAT_VERSION", "CATEGORIES", "KINDS", "dump_bank", "fact_id",
    "load_bank", "normalise_answer", "question_id", "slugify", "validate_bank",
]
