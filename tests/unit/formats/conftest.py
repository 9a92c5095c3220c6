"""A small hand-written bank of every kind, full of text that formats must escape."""
from __future__ import annotations

import copy
import hashlib

import pytest

ARTICLE_TEXT = (
    "Iran struck targets in Balochistan on 16 January 2024. Pakistan struck back on 18 January, "
    "calling it Operation Marg Bar Sarmachar. Amir-Abdollahian’s ministry defended the strikes."
)

QUESTIONS = [
    {
        "id": "q-0a1b2c3d4e5f6071", "fact": "f-000000000001", "kind": "mcq", "category": "who",
        "prompt": ('Who said "<script>alert(1)</script>" after the strikes?\n'
                   "Hint: ~ = # { } : \\ //"),
        "answer": "Amir-Abdollahian’s ministry",
        "choices": ["Amir-Abdollahian’s ministry", "Jalil Abbas Jilani",
                    "A {curly} ~tilde = #hash: choice", "<b>bold</b> & co"],
        "explanation": "He spoke for Iran.\nSecond line with 'quotes' & <i>tags</i>.",
        "tags": ["iran", "foreign ministers"], "origin": "generated",
        "source": {"sentence": 2, "start": 132, "end": 181,
                   "text": "Amir-Abdollahian’s ministry defended the strikes."},
        "quality": {"score": 0.91},
    },
    {
        "id": "q-cloze:where.1", "kind": "cloze", "category": "where",
        "prompt": 'Iran struck targets in _____ province.\nIt was "a surprise".',
        "answer": "Balochistan", "accepted": ["Baluchistan", "Balochistan Province"],
        "origin": "authored",
    },
    {
        "id": "q-short-when", "kind": "short", "category": "when",
        "prompt": "When did Pakistan strike back? (day/month: #1)",
        "answer": "18 January", "accepted": ["January 18", "18/01"],
    },
    {
        "id": "q-tf-1", "kind": "truefalse", "category": "operation",
        "prompt": 'Pakistan called its strikes "Operation Marg Bar Sarmachar" {yes}.',
        "answer": "true", "explanation": "See the second sentence.",
    },
    {
        "id": "q-tf-2", "kind": "truefalse", "category": "operation",
        "prompt": "Iran struck first = false?", "answer": "false",
    },
    {
        "id": "q-cloze-end", "kind": "cloze", "category": "who",
        "prompt": "The strikes were defended by the ministry of ___",
        "answer": "Iran",
    },
    {
        "id": "q-number-1", "kind": "mcq", "category": "number",
        "prompt": "=SUM(A1) How many days apart were the strikes?",
        "answer": "2", "choices": ["2", "-5", "=1+1", "@three", "+4"],
        "tags": ["=cmd"],
    },
    {
        "id": "q-short-odd", "kind": "short", "category": "number",
        "prompt": "-Odd answers: which rise was reported?",
        "answer": "%50% rise", "accepted": ["[html]fifty percent", "a | b"],
    },
]


@pytest.fixture
def questions() -> list[dict]:
    return copy.deepcopy(QUESTIONS)


@pytest.fixture
def article() -> dict:
    return {
        "title": "Iran and Pakistan strike each other", "slug": "iran-and-pakistan-strike",
        "sha256": hashlib.sha256(ARTICLE_TEXT.encode("utf-8")).hexdigest(),
        "text": ARTICLE_TEXT, "source": None, "published": "2024-01-18",
        "attribution": None, "licence": None,
    }
