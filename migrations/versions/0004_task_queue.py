"""Background work on a task queue: job heartbeats, attempts and progress; a fit counter.

Revision ID: 0004_task_queue
Revises: 0003_study_answers
"""
import sqlalchemy as sa
from alembic import op

from quizapp.models.base import UTCDateTime

revision = "0004_task_queue"
down_revision = "0003_study_answers"
branch_labels = None
depends_on = None

JOB_COUNTS = ("sentences_read", "sentences_total", "questions_written", "attempt")
LIVE_REVIEWS = ("(SELECT count(*) FROM reviews WHERE reviews.user_id = users.id "
                "AND reviews.undone_at IS NULL)")


def upgrade():
    with op.batch_alter_table("generation_jobs", schema=None) as batch_op:
        for name in JOB_COUNTS:
            batch_op.add_column(sa.Column(name, sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("heartbeat_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviews_since_fit", sa.Integer(), server_default="0",
                                      nullable=False))
    # The counter takes over from the count at the last fit.
    op.execute(f"UPDATE users SET reviews_since_fit = {LIVE_REVIEWS} - reviews_at_fit")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("reviews_at_fit")


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviews_at_fit", sa.Integer(), server_default="0",
                                      nullable=False))
    op.execute(f"UPDATE users SET reviews_at_fit = {LIVE_REVIEWS} - reviews_since_fit")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("reviews_since_fit")
    with op.batch_alter_table("generation_jobs", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
        for name in reversed(JOB_COUNTS):
            batch_op.drop_column(name)
