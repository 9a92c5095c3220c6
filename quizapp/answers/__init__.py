"""Typed-answer checking: is what a student typed the answer, allowing for spelling and form?

Pure: no Flask, no SQLAlchemy. ``check_typed`` is called by the question kinds
(``quizapp.bank.kinds``); ``normalise`` gives the folded text used for comparisons.
"""
from quizapp.answers.acronyms import acronym_forms, is_acronym
from quizapp.answers.check import (MAX_LENGTH, TYPO, Verdict, allowed_edits, check_typed,
                                   similarity)
from quizapp.answers.normalise import Form, form_of, normalise

__all__ = ["MAX_LENGTH", "TYPO", "Form", "Verdict", "acronym_forms", "allowed_edits",
           "check_typed", "form_of", "is_acronym", "normalise", "similarity"]
