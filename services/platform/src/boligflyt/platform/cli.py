"""The `boligflyt` command (operations and development). Add commands with `@app.command()`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Boligflyt operations and development commands.")


# The callback keeps `token` a subcommand: with a single command and no callback, Typer would make the
# program itself that command.
@app.callback()
def main() -> None:
    """Boligflyt operations and development commands."""


# Every event type, and the property-system import.
DEV_INTEGRATOR_SCOPES = ("events:read:*", "property-import:write")


@app.command()
def token(
    agency: Annotated[Agency, typer.Option(help="The agency the token speaks for.", case_sensitive=False)],
    subject: Annotated[
        str | None, typer.Option(help="The `sub` claim; defaults to dev-<agency>.", show_default=False)
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option("--scope", help="A scope to grant; repeat for more.", show_default=False),
    ] = None,
    ttl: Annotated[int, typer.Option(help="Lifetime in seconds.", min=1)] = 3600,
) -> None:
    """Print a bearer token signed with BOLIGFLYT_JWT_SECRET (embedded mode and tests)."""
    settings = Settings()
    if settings.jwt_jwks_url:
        typer.echo(
            "warning: BOLIGFLYT_JWT_JWKS_URL is set, so services verify RS256 tokens from the identity "
            "provider and will refuse this HS256 token",
            err=True,
        )
    if not scope and agency is Agency.integrator:
        # An integrator without scopes is granted nothing (no event types, no import): give it what a
        # development integrator needs, and say so.
        scope = list(DEV_INTEGRATOR_SCOPES)
        typer.echo(f"integrator token with scopes {' '.join(scope)} (--scope to choose)", err=True)
    typer.echo(
        mint_token(
            settings,
            subject=subject or f"dev-{agency}",
            agency=agency,
            scopes=scope or (),
            ttl_seconds=ttl,
        )
    )


@app.command()
def up(
    distributed: Annotated[
        bool, typer.Option("--distributed", help="One process per service on PostgreSQL and Kafka.")
    ] = False,
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Embedded mode: the port of the one process.")] = 8000,
    data_dir: Annotated[Path, typer.Option(help="Embedded mode: where SQLite files and the log live.")] = Path("data"),
) -> None:
    """Run the whole system and print where to look."""
    from boligflyt.platform import launcher

    if distributed:
        import os

        launcher.run_distributed(
            host,
            Path("var/log"),
            kafka_bootstrap=os.environ["BOLIGFLYT_KAFKA_BOOTSTRAP"],
            postgres_server=os.environ["BOLIGFLYT_POSTGRES_URL"],
        )
    else:
        launcher.run_embedded(host, port, data_dir)


@app.command()
def redrive(
    topic: Annotated[str, typer.Argument(help="The topic whose dead letters go back, e.g. boligflyt.applications")],
    consumer: Annotated[
        str | None, typer.Option(help="Only this consumer's dead letters (its service name).", show_default=False)
    ] = None,
) -> None:
    """Put the dead letters of TOPIC back on it; consumers that handled one before skip it."""
    import asyncio

    from rich.progress import Progress

    from boligflyt.platform.bus import create_bus
    from boligflyt.platform.inbox import redrive as redrive_topic

    async def run() -> int:
        bus = create_bus(Settings())
        await bus.start()
        try:
            with Progress(transient=True) as progress:
                task = progress.add_task(f"redriving {topic}.dlq", total=None)
                return await redrive_topic(bus, topic, consumer=consumer, progress=lambda n: progress.advance(task, n))
        finally:
            await bus.stop()

    typer.echo(f"redrove {asyncio.run(run())} dead letters to {topic}")


@app.command()
def migration(
    service: Annotated[str, typer.Argument(help="The service, e.g. applications")],
    message: Annotated[str, typer.Option("--message", "-m", help="What the revision changes.")],
) -> None:
    """Autogenerate a new Alembic revision of SERVICE's schema from its models (against a scratch SQLite)."""
    import asyncio
    import tempfile

    from boligflyt.platform.db import Database
    from boligflyt.platform.host import service_definition
    from boligflyt.platform.migrate import make_revision

    migrations = service_definition(service).migrations
    if migrations is None:
        raise typer.BadParameter(f"{service} has no migrations folder")

    async def run() -> None:
        with tempfile.TemporaryDirectory() as scratch:
            database = Database(f"sqlite+aiosqlite:///{scratch}/scratch.sqlite", service=service)
            try:
                await make_revision(database, migrations, message)
            finally:
                await database.dispose()

    asyncio.run(run())


if __name__ == "__main__":
    app()
