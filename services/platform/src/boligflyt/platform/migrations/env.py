from alembic import context

from boligflyt.platform.migrate import platform_env

platform_env(context)
