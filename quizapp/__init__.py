"""quizapp: a quiz and flashcard web app for classrooms.

``create_app`` builds the Flask application. It touches no database: migrations are run by
``flask --app quizapp db upgrade`` (``make run`` does it).
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.config import Config, derived_settings, from_environment, instance_secret_key

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(Config)
    app.config.update(from_environment())
    app.config.from_pyfile("quizapp.cfg", silent=True)
    if config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", f"sqlite:///{Path(app.instance_path) / 'quizapp.sqlite'}")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    app.config["QUESTIONS_DIR"] = app.config["QUESTIONS_DIR"] or str(PROJECT_ROOT / "questions")
    app.config["SEEDS_DIR"] = app.config["SEEDS_DIR"] or str(PROJECT_ROOT / "seeds")

    app.config.update(derived_settings(app.config))
    if app.config["TRUSTED_PROXIES"]:
        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    from quizapp import converters

    converters.register(app)
    _init_extensions(app)
    _register_blueprints(app)
    from quizapp import cli, errors, security, tasks, templating

    tasks.init_app(app)

    errors.register(app)
    security.register(app)
    templating.register(app)
    cli.register(app)
    return app


def _init_extensions(app: Flask) -> None:
    from quizapp import models  # noqa: F401  (registers the tables with the metadata)
    from quizapp.extensions import csrf, db, limiter, login_manager, migrate
    from quizapp.models.base import render_item

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"),
                     render_as_batch=True, compare_type=True, render_item=render_item)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from quizapp.admin import bp as admin_bp
    from quizapp.auth import bp as auth_bp
    from quizapp.main import bp as main_bp
    from quizapp.student import bp as student_bp
    from quizapp.teacher import bp as teacher_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(student_bp, url_prefix="/student")
    app.register_blueprint(teacher_bp, url_prefix="/teacher")
    app.register_blueprint(admin_bp, url_prefix="/admin")
