"""Operations commands against the service's own database:

    python -m boligflyt.integrations.cli import-export EXPORT.csv [--format csv|json] [--dry-run]
    python -m boligflyt.integrations.cli reseal-secrets

`import-export` runs the property-system import against the maintenance API; it prints the report as JSON and
exits 1 when rows were rejected, 2 when the import failed. `reseal-secrets` seals every stored webhook secret
with the first key of BOLIGFLYT_INTEGRATIONS_SECRET_KEYS (after a new key was put first; then the old key can
go). Settings as for the service (BOLIGFLYT_DATABASE_URL_INTEGRATIONS, BOLIGFLYT_SERVICE_URL_MAINTENANCE or
BOLIGFLYT_PUBLIC_BASE_URL, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from boligflyt.integrations import service
from boligflyt.integrations.api import maintenance_register
from boligflyt.integrations.main import definition
from boligflyt.integrations.property_import import import_file
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.platform.bus import create_bus
from boligflyt.platform.errors import DomainError
from boligflyt.platform.migrate import migrate
from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.platform.settings import Settings

ACTOR = "system:property-import-command"
RESEAL_ACTOR = "system:reseal-secrets-command"


@contextlib.asynccontextmanager
async def migrated_runtime() -> AsyncIterator[ServiceRuntime]:
    """The service's runtime for one command: its database migrated; the bus is never started."""
    settings = Settings()
    runtime = ServiceRuntime(definition, settings, create_bus(settings))
    try:
        await migrate(runtime.database, definition.migrations)
        yield runtime
    finally:
        await runtime.database.dispose()


async def import_export(path: Path, source_format: str | None, dry_run: bool = False) -> int:
    try:
        async with migrated_runtime() as runtime:
            report = await import_file(
                runtime.database,
                maintenance_register(runtime),
                path,
                source_format=source_format,
                actor=ACTOR,
                dry_run=dry_run,
            )
    except DomainError as exc:
        print(f"import failed: {exc.detail}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"import failed: {exc}", file=sys.stderr)
        return 2
    print(report.model_dump_json(indent=2))
    return 1 if report.rejected else 0


async def reseal_secrets() -> int:
    cipher = IntegrationsSettings().secret_cipher  # the keys as set for this run of the command
    async with migrated_runtime() as runtime:
        resealed = await service.reseal_secrets(runtime.database, cipher, RESEAL_ACTOR)
    print(f"resealed the secrets of {resealed} webhook subscriptions with the first key")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m boligflyt.integrations.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import-export", help="import a property-system export into the dwelling register")
    command.add_argument("path", type=Path)
    command.add_argument("--format", choices=["csv", "json"], default=None, help="default: from the file's suffix")
    command.add_argument(
        "--dry-run", action="store_true", help="report what the import would change, and change nothing"
    )
    commands.add_parser("reseal-secrets", help="seal every stored webhook secret with the first configured key")
    arguments = parser.parse_args(argv)
    if arguments.command == "reseal-secrets":
        return asyncio.run(reseal_secrets())
    return asyncio.run(import_export(arguments.path, arguments.format, arguments.dry_run))


if __name__ == "__main__":
    sys.exit(main())
