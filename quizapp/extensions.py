"""The Flask extensions, created unbound; ``create_app`` binds them."""
from __future__ import annotations

import sqlite3
import time

from flask import has_request_context, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import Pool

from quizapp.models.base import db

migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)

__all__ = ["db", "migrate", "login_manager", "csrf", "limiter"]


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, _record):
    """Foreign keys on, WAL, a busy timeout; and we issue BEGIN ourselves (see below)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@event.listens_for(Engine, "connect")
def _postgresql_on_connect(dbapi_connection, _record):
    """No JIT compilation: the study queue's statements look at a few index entries, but a
    correlated look-up per card is costed as if it read many, and past ``jit_above_cost``
    PostgreSQL spends 200–500 ms compiling a statement that runs in 2 ms."""
    if not type(dbapi_connection).__module__.startswith("psycopg"):
        return
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()


IDLE_PING_AFTER_S = 30  # a connection unused this long may have been dropped by the server


@event.listens_for(Pool, "checkin")
def _idle_since(_dbapi_connection, record):
    record.info["idle_since"] = time.monotonic()


@event.listens_for(Pool, "checkout")
def _ping_after_idle(dbapi_connection, record, _proxy):
    """A server connection that sat idle is checked before use; one in steady use is not (a
    ping per request costs a round trip). A dead one makes the pool connect afresh."""
    since = record.info.get("idle_since")
    if (isinstance(dbapi_connection, sqlite3.Connection) or since is None
            or time.monotonic() - since < IDLE_PING_AFTER_S):
        return
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
        dbapi_connection.rollback()
    except Exception as exc:  # any failure: let the pool replace this connection
        raise DisconnectionError("idle connection is gone") from exc


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def may_write() -> bool:
    """Whether this transaction may write: everything but a request that only reads (GET,
    HEAD, OPTIONS: HTTP's safe methods, which in quizapp never write)."""
    return not (has_request_context() and request.method in READ_ONLY_METHODS)


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    """A deferred transaction that later writes fails with "database is locked" at once when
    another writer holds the lock; IMMEDIATE takes the write lock up front and waits politely.
    Only transactions that may write take it: a page that only reads begins a deferred
    transaction, which in WAL mode reads a snapshot beside the writer and never waits for it."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE" if may_write() else "BEGIN")
