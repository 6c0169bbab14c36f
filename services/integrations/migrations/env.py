from alembic import context

from boligflyt.integrations.models import metadata
from boligflyt.platform.migrate import run_env

run_env(context, metadata)
