from alembic import context

from boligflyt.maintenance.models import metadata
from boligflyt.platform.migrate import run_env

run_env(context, metadata)
