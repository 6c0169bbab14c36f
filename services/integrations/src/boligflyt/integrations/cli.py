"""The property-system import by command, against the service's own database and the maintenance API:

    python -m boligflyt.integrations.cli import-export EXPORT.csv [--format csv|json]

Prints the report as JSON; exits 1 when rows were rejected, 2 when the import failed. Settings as for the
service (BOLIGFLYT_DATABASE_URL_INTEGRATIONS, BOLIGFLYT_SERVICE_URL_MAINTENANCE or BOLIGFLYT_PUBLIC_BASE_URL, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from boligflyt.integrations.api import maintenance_register
from boligflyt.integrations.main import definition
from boligflyt.integrations.property_import import import_file
from boligflyt.platform.bus import create_bus
from boligflyt.platform.errors import DomainError
from boligflyt.platform.migrate import migrate
from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.platform.settings import Settings

ACTOR = "system:property-import-command"


async def import_export(path: Path, source_format: str | None) -> int:
    settings = Settings()
    runtime = ServiceRuntime(definition, settings, create_bus(settings))  # the bus is never started
    try:
        await migrate(runtime.database, definition.migrations)
        report = await import_file(
            runtime.database, maintenance_register(runtime), path, source_format=source_format, actor=ACTOR
        )
    except DomainError as exc:
        print(f"import failed: {exc.detail}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"import failed: {exc}", file=sys.stderr)
        return 2
    finally:
        await runtime.database.dispose()
    print(report.model_dump_json(indent=2))
    return 1 if report.rejected else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m boligflyt.integrations.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import-export", help="import a property-system export into the dwelling register")
    command.add_argument("path", type=Path)
    command.add_argument("--format", choices=["csv", "json"], default=None, help="default: from the file's suffix")
    arguments = parser.parse_args(argv)
    return asyncio.run(import_export(arguments.path, arguments.format))


if __name__ == "__main__":
    sys.exit(main())
