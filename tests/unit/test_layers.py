"""The pure packages import no Flask, no SQLAlchemy and no models: they run anywhere."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"
PURE = ["bank", "answers", "generation", "scheduling", "formats", "quizzes", "reports"]
FORBIDDEN = ("flask", "flask_sqlalchemy", "flask_login", "flask_wtf", "sqlalchemy",
             "quizapp.models", "quizapp.services", "quizapp.extensions")


def imports_of(path: Path):
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


@pytest.mark.parametrize("package", PURE)
def test_pure_package_imports_nothing_from_the_web_ring(package):
    folder = PACKAGE / package
    if not folder.is_dir():
        pytest.skip(f"quizapp.{package} does not exist yet")
    bad = [f"{path.relative_to(PACKAGE)}: {name}" for path in folder.rglob("*.py")
           for name in imports_of(path) if name.startswith(FORBIDDEN)]
    assert bad == []


def test_no_service_builds_an_app():
    """Services take the session they are given; only entry points (the web server, the
    commands, the task worker's command) build an app."""
    bad = []
    for path in (PACKAGE / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            imported = isinstance(node, ast.ImportFrom) and any(
                alias.name == "create_app" for alias in node.names)
            if imported or (isinstance(node, ast.Attribute) and node.attr == "create_app"):
                bad.append(path.name)
    assert bad == []
