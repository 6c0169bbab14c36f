from alembic import context

from boligflyt.ordering.models import metadata
from boligflyt.platform.migrate import run_env

run_env(context, metadata)
