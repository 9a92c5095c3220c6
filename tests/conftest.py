"""Fixtures shared by every test: the project root and the shared development material."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# QUIZAPP_SHARED names the shared material when it is not beside the checkout.
SHARED = Path(os.environ.get("QUIZAPP_SHARED") or ROOT.parent / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"SKIPPED LOUDLY: the shared development material is missing at {SHARED}")
    return SHARED


POSTGRES_WARNING = (
    "WARNING: the database tests ran on SQLite only. PostgreSQL, what a school deploys, was "
    "NOT tested: set QUIZAPP_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test "
    "(.ci/run does).")


def pytest_report_header(config):
    url = os.environ.get("QUIZAPP_TEST_POSTGRES_URL")
    return f"databases: sqlite + postgresql ({url})" if url else POSTGRES_WARNING


def pytest_terminal_summary(terminalreporter):
    if not os.environ.get("QUIZAPP_TEST_POSTGRES_URL"):
        terminalreporter.write_sep("!", POSTGRES_WARNING, red=True, bold=True)
