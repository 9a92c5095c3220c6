"""Signed tokens carried by the study forms, so the server trusts what it sent itself.

The card token holds the question, the answer's idempotency key and when the card was shown
(for the response time); never the answer. The rating token, sent only after an answer, holds
the outcome. Tokens are signed with the app's secret key, not encrypted.
"""
from __future__ import annotations

import hashlib
import hmac
import random
from datetime import datetime, timezone

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

MAX_AGE = 24 * 3600


class TokenError(ValueError):
    """A token that is forged, belongs to someone else, or is older than a day."""


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"quizapp-{salt}")


def dump(kind: str, user_id: int, **data) -> str:
    return _serializer(kind).dumps({"u": user_id, **data})


def load(kind: str, user_id: int, token: str) -> dict:
    try:
        data = _serializer(kind).loads(token, max_age=MAX_AGE)
    except SignatureExpired:
        raise TokenError("This card was shown more than a day ago; here is a fresh one.") from None
    except BadSignature:
        raise TokenError("That answer could not be read; here is the card again.") from None
    if data.get("u") != user_id:
        raise TokenError("That answer belongs to another account.")
    return data


def choice_order(user_id: int, question_id: int) -> random.Random:
    """The shuffle of a card's choices, seeded by an HMAC of the secret key, user and card:
    stable for one student, and not reproducible from anything the page carries."""
    key = current_app.config["SECRET_KEY"]
    digest = hmac.new(key.encode() if isinstance(key, str) else key,
                      f"choices:{user_id}:{question_id}".encode(), hashlib.sha256).hexdigest()
    return random.Random(digest)


def epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def from_epoch_ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, tz=timezone.utc)
