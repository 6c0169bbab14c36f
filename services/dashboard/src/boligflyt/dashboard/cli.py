"""The dashboard's command line: `boligflyt-dashboard rebuild` (python -m boligflyt.dashboard.cli rebuild)."""

from __future__ import annotations

import asyncio

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from boligflyt.platform.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Coordinator dashboard operations.")


@app.callback()
def main() -> None:
    """Coordinator dashboard operations."""


@app.command()
def rebuild() -> None:
    """Wipe the dashboard's read model and replay every topic from the start (new consumer group)."""
    from boligflyt.dashboard.main import definition
    from boligflyt.dashboard.rebuild import rebuild as rebuild_read_model
    from boligflyt.platform.bus import create_bus
    from boligflyt.platform.db import Database
    from boligflyt.platform.migrate import migrate

    settings = Settings()

    async def run() -> int:
        database = Database(settings.database_url(definition.name), service=definition.name)
        bus = create_bus(settings)
        await bus.start()
        try:
            await migrate(database, definition.migrations)
            with Progress(
                TextColumn("[bold]rebuilding the read model"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
            ) as bar:
                task = bar.add_task("replay", total=None)

                def advance(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                return await rebuild_read_model(database, bus, progress=advance)
        finally:
            await bus.stop()
            await database.dispose()

    typer.echo(f"rebuilt the read model from {asyncio.run(run())} events")


if __name__ == "__main__":
    app()
