"""report indexes: each student's live reviews by card in time order, covering what reports read

Revision ID: 0008_report_indexes
Revises: 0007_assignment_due
Create Date: 2026-12-02 07:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008_report_indexes'
down_revision = '0007_assignment_due'
branch_labels = None
depends_on = None

LIVE = sa.text("undone_at IS NULL")


def upgrade():
    # A student's live reviews card by card in time order (the order the progress page's
    # LAG and LEAD read them in, and the item analysis's first study review of each card),
    # carrying the columns those reports read, so PostgreSQL answers from the index alone.
    op.create_index('ix_reviews_live_user_question', 'reviews',
                    ['user_id', 'question_id', 'reviewed_at', 'id'], unique=False,
                    postgresql_include=['rating', 'origin', 'study_day', 'interval_days',
                                        'duration_ms'],
                    postgresql_where=LIVE, sqlite_where=LIVE)


def downgrade():
    op.drop_index('ix_reviews_live_user_question', table_name='reviews')
