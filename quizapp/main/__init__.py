"""The front door: sends each person to the home page of their role; the health check."""
from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import current_user
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from quizapp.extensions import db, limiter

bp = Blueprint("main", __name__)
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


@bp.route("/")
def home():
    if not current_user.is_authenticated:
        return render_template("main/welcome.html")
    if current_user.is_teacher:
        return redirect(url_for("teacher.home"))
    return redirect(url_for("student.home"))


@bp.route("/healthz")
def healthz():
    """200 when the database answers, and the limit store and the task queue when they are
    shared (Redis); else 503, naming what failed."""
    checks = {"database": _database_answers()}
    if not current_app.config["RATELIMIT_STORAGE_URI"].startswith("memory://"):
        checks["limit store"] = _limit_store_answers()
    config = current_app.config
    if ((config.get("TASK_QUEUE_URL") or "").startswith(REDIS_SCHEMES)
            and not config.get("TASK_QUEUE_IMMEDIATE")):  # immediate: tasks never reach Redis
        checks["task queue"] = _task_queue_answers()
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "failing",
            **{name: "ok" if up else "unreachable" for name, up in checks.items()}}
    return body, 200 if healthy else 503


def _database_answers() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        current_app.logger.exception("Health check: the database does not answer")
        db.session.rollback()
        return False
    finally:
        db.session.remove()


def _task_queue_answers() -> bool:
    try:
        return bool(current_app.extensions["tasks"].huey.storage.conn.ping())
    except RedisError:
        current_app.logger.exception("Health check: the task queue's Redis does not answer")
        return False


def _limit_store_answers() -> bool:
    try:
        if limiter.storage.check():
            return True
    except Exception:  # noqa: BLE001  (any storage error means the store is unusable)
        pass
    current_app.logger.error("Health check: the rate limit store does not answer")
    return False
