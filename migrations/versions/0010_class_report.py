"""class report index: each student's live reviews in time order, carrying what the class
report counts

Revision ID: 0010_class_report
Revises: 0009_study_pace
Create Date: 2026-12-02 07:50:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010_class_report'
down_revision = '0009_study_pace'
branch_labels = None
depends_on = None

LIVE = sa.text("undone_at IS NULL")


def upgrade():
    # A student's live reviews in time order, carrying the question, study day, rating and
    # time spent: the class report's last 30 study days (fortnight, true retention) and last
    # active read a window of each student's rows from the index alone on PostgreSQL.
    op.create_index('ix_reviews_live_user_time', 'reviews', ['user_id', 'reviewed_at', 'id'],
                    unique=False,
                    postgresql_include=['question_id', 'study_day', 'rating', 'duration_ms'],
                    postgresql_where=LIVE, sqlite_where=LIVE)


def downgrade():
    op.drop_index('ix_reviews_live_user_time', table_name='reviews')
