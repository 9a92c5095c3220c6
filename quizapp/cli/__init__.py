"""Commands under ``flask --app quizapp …``, one module per group."""
from flask import Flask

from quizapp.cli.banks import bank_cli
from quizapp.cli.database import create_database_command
from quizapp.cli.srs import srs_cli
from quizapp.cli.users import demo_command, user_cli
from quizapp.cli.worker import worker_command


def register(app: Flask) -> None:
    app.cli.add_command(user_cli)
    app.cli.add_command(bank_cli)
    app.cli.add_command(demo_command)
    app.cli.add_command(srs_cli)
    app.cli.add_command(worker_command)
    app.cli.add_command(create_database_command)
