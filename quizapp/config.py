"""Configuration: defaults here, then ``QUIZAPP_*`` environment variables, then the instance folder.

``DATABASE_URL`` picks the database (SQLite in the instance folder by default);
``SECRET_KEY`` comes from the environment or from a file generated once in the instance folder.
"""
from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path


class Config:
    # No ping on every checkout: quizapp.extensions pings only a connection idle for a while.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": False}
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_DAYS = 30  # "keep me logged in" lasts this long
    HTTPS = False  # served over HTTPS: cookies are marked Secure, external links use https
    PUBLIC_URL = None  # e.g. https://quiz.school.example: the start of links people share
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # Redis down: count in memory, and log it
    # Exact counts over the last minute or hour: a fixed window would allow twice the limit
    # across a window's edge (and tests would pass or fail by the clock).
    RATELIMIT_STRATEGY = "moving-window"
    # A school shares one address: accounts are limited closely, addresses generously.
    LOGIN_LIMITS_PER_ACCOUNT = "10 per minute; 50 per hour"  # wrong passwords only
    LOGIN_LIMITS_PER_ADDRESS = "300 per minute"  # wrong passwords only
    REGISTER_LIMITS_PER_ACCOUNT = "10 per hour"
    REGISTER_LIMITS_PER_ADDRESS = "100 per minute; 1000 per hour"
    JOIN_LIMITS_PER_ACCOUNT = "10 per minute; 50 per hour"
    JOIN_LIMITS_PER_ADDRESS = "300 per minute"
    TRUSTED_PROXIES = 0  # how many proxies in front whose X-Forwarded-For/-Proto count
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024
    QUESTIONS_DIR = None  # default: <project>/questions
    TASK_QUEUE_URL = None  # redis://… or sqlite:///…; default: SQLite in the instance folder
    TASK_QUEUE_IMMEDIATE = False  # run each task at once in the caller (tests)
    TASK_LEASE_SECONDS = 120  # a generation job silent this long has lost its worker
    SEEDS_DIR = None  # default: <project>/seeds
    QUIZ_GRACE_SECONDS = 10  # answers sent this long after a quiz's time limit still count


def derived_settings(config) -> dict:
    """Settings of Flask and its extensions that follow from quizapp's own."""
    values = {"REMEMBER_COOKIE_DURATION": timedelta(days=int(config["REMEMBER_DAYS"]))}
    if config["HTTPS"]:
        values.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
                      PREFERRED_URL_SCHEME="https")
    return values


def _env_value(raw: str):
    """Environment values are JSON when they parse as JSON (numbers, booleans), else strings."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def from_environment(environ=os.environ) -> dict:
    values = {key[len("QUIZAPP_"):]: _env_value(v) for key, v in environ.items()
              if key.startswith("QUIZAPP_") and not key.startswith("QUIZAPP_TEST_")}
    if environ.get("DATABASE_URL"):
        values["SQLALCHEMY_DATABASE_URI"] = environ["DATABASE_URL"]
    if environ.get("SECRET_KEY"):
        values["SECRET_KEY"] = environ["SECRET_KEY"]
    return values


def instance_secret_key(instance_path: str) -> str:
    """A random key kept in ``<instance>/secret_key``, made the first time it is needed."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under a temporary name, then linked: several workers starting at once
        # all end up reading the one key that won.
        temporary = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text().strip()
