"""The Flask extensions, created unbound; ``create_app`` binds them."""
from __future__ import annotations

import sqlite3

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine

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


@event.listens_for(Engine, "begin")
def _sqlite_begin_immediate(conn):
    """A deferred transaction that later writes fails with "database is locked" at once when
    another writer holds the lock; IMMEDIATE takes the write lock up front and waits politely."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
