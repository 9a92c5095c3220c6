"""easy days in the study settings; the interval each review scheduled

Revision ID: 0005_easy_days_review_intervals
Revises: 0004_task_queue
Create Date: 2026-12-02 03:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_easy_days_review_intervals'
down_revision = '0004_task_queue'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('easy_days', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.create_check_constraint(op.f('ck_users_easy_days'),
                                        'easy_days >= 0 AND easy_days <= 127')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('interval_days', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_column('interval_days')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_users_easy_days'), type_='check')
        batch_op.drop_column('easy_days')
