"""Migrations build the whole schema from empty, match the models exactly, and go back down."""
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db
from tests.web.conftest import BACKENDS, make_postgres_database, app_config


@pytest.fixture(params=BACKENDS)
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
    else:
        url, drop = make_postgres_database()
        yield url
        drop()


def test_upgrade_to_head_matches_the_models_and_downgrade_empties(empty_database):
    app = create_app(app_config(empty_database))
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        downgrade(revision="base")
        tables = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        db.engine.dispose()
