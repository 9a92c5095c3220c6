"""a due date on each assignment of a set to a class

Revision ID: 0007_assignment_due
Revises: 0006_study_queue_indexes
Create Date: 2026-12-02 07:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_assignment_due'
down_revision = '0006_study_queue_indexes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_column('due_on')
