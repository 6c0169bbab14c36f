from alembic import context

from boligflyt.platform.migrate import run_env
from boligflyt.temporary_housing.models import metadata

run_env(context, metadata)
