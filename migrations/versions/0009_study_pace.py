"""the daily workload a student aims for: new cards come while the coming days stay under it

Revision ID: 0009_study_pace
Revises: 0008_report_indexes
Create Date: 2026-12-02 07:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_study_pace'
down_revision = '0008_report_indexes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('daily_reviews', sa.Integer(), nullable=False,
                                      server_default='10'))
        batch_op.create_check_constraint(op.f('ck_users_daily_reviews'),
                                        'daily_reviews >= 1 AND daily_reviews <= 9999')


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_users_daily_reviews'), type_='check')
        batch_op.drop_column('daily_reviews')
