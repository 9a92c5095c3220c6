"""The commands a school's administrator runs: users, banks, the demo classroom."""
from pathlib import Path

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Assignment, Enrolment, Question, QuestionSet, User

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny_bank.json"


def test_user_add_with_a_password_file(app, runner, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text("a-long-password\n")
    result = runner.invoke(args=["user", "add", "t@example.com", "--role", "teacher",
                                 "--password-file", str(secret)])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert user.role == "teacher" and user.check_password("a-long-password")
    again = runner.invoke(args=["user", "add", "T@example.com", "--password-file", str(secret)])
    assert again.exit_code != 0 and "already exists" in again.output


def test_user_add_prompts_for_the_password(app, runner):
    result = runner.invoke(args=["user", "add", "kim@example.com"],
                           input="password123\npassword123\n")
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User.role)) == "student"


def test_bank_import_is_idempotent(app, runner):
    first = runner.invoke(args=["bank", "import", str(TINY)])
    second = runner.invoke(args=["bank", "import", str(TINY)])
    assert first.exit_code == 0 and "4 new" in first.output
    assert second.exit_code == 0 and "4 unchanged" in second.output
    assert db.session.scalar(select(func.count()).select_from(Question)) == 4


def test_bank_import_names_the_bad_line_and_imports_nothing(app, runner, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "format": "quizapp-bank",\n  "questions": [,]\n}\n')
    result = runner.invoke(args=["bank", "import", str(broken), str(TINY)])
    assert result.exit_code != 0
    assert "line 3" in result.output
    assert db.session.scalar(select(func.count()).select_from(QuestionSet)) == 1  # the good one


def test_demo_is_idempotent_and_prints_logins(app, runner):
    runner.invoke(args=["bank", "import", str(TINY)])
    first = runner.invoke(args=["demo"])
    second = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    assert "teacher@demo.quizapp.org" in first.output and "password:" in first.output
    assert first.output.splitlines()[1] == second.output.splitlines()[1]
    assert db.session.scalar(select(func.count()).select_from(User)) == 3
    assert db.session.scalar(select(func.count()).select_from(Enrolment)) == 2
    assert db.session.scalar(select(func.count()).select_from(Assignment)) == 1


def test_commands_on_an_unmigrated_database_say_what_to_do(make_app, tmp_path):
    empty = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.sqlite'}")
    result = empty.test_cli_runner().invoke(args=["bank", "import", str(TINY)])
    assert result.exit_code != 0
    assert "is empty. Run `flask --app quizapp db upgrade` first" in result.output
