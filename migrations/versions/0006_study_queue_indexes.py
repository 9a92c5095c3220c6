"""study queue in SQL: cards keep their last review's study day; indexes for the queue

Revision ID: 0006_study_queue_indexes
Revises: 0005_easy_days_review_intervals
Create Date: 2026-12-02 03:30:00

"""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006_study_queue_indexes'
down_revision = '0005_easy_days_review_intervals'
branch_labels = None
depends_on = None


def last_review_days(conn) -> list[dict]:
    """Each reviewed card's last review as a study day in its student's zone (toordinal)."""
    rows = conn.execute(sa.text(
        "SELECT c.id, c.last_review, u.timezone, u.rollover_hour FROM cards c "
        "JOIN users u ON u.id = c.user_id WHERE c.last_review IS NOT NULL"))
    days = []
    for card_id, last_review, zone, rollover in rows:
        if isinstance(last_review, str):  # SQLite hands back text
            last_review = datetime.fromisoformat(last_review)
        moment = last_review.replace(tzinfo=last_review.tzinfo or timezone.utc)
        local = moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
        days.append({"card": card_id, "day": (local - timedelta(hours=rollover)).toordinal()})
    return days


def drop_column(table: str, column: str) -> None:
    """Drop in place: on SQLite a batch copy of the table would drop and recreate it, and with
    foreign keys on, dropping a table deletes every row that refers to it (SQLite 3.35+ drops
    a column itself)."""
    op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


def upgrade():
    op.add_column('cards', sa.Column('last_review_day', sa.Integer(), nullable=True))
    conn = op.get_bind()
    days = last_review_days(conn)
    if days:
        conn.execute(sa.text("UPDATE cards SET last_review_day = :day WHERE id = :card"), days)
    op.create_index('ix_reviews_user_id_question_id', 'reviews',
                    ['user_id', 'question_id', 'reviewed_at'],
                    unique=False)
    op.drop_index('ix_cards_user_id', table_name='cards')
    op.create_index('ix_cards_user_id_due', 'cards', ['user_id', 'due', 'phase',
                                                      'last_review_day', 'stability',
                                                      'question_id'], unique=False)
    op.create_index('ix_questions_set_id_status_position', 'questions',
                    ['set_id', 'status', 'position', 'id', 'fact'], unique=False)


def downgrade():
    op.drop_index('ix_questions_set_id_status_position', table_name='questions')
    op.drop_index('ix_cards_user_id_due', table_name='cards')
    op.create_index('ix_cards_user_id', 'cards', ['user_id', 'due'], unique=False)
    op.drop_index('ix_reviews_user_id_question_id', table_name='reviews')
    drop_column('cards', 'last_review_day')
