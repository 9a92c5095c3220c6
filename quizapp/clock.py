"""The one reader of the wall clock. Everything else takes ``now`` as an argument."""
from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
