"""Boligkontoret's operations commands (`./dev import-tenancies FILE` runs the import of the existing stock):

    python -m boligflyt.applications.cli import-tenancies CONTRACTS.csv [--format csv|json] [--dry-run]

Settings as for the service (BOLIGFLYT_DATABASE_URL_APPLICATIONS, BOLIGFLYT_PERSON_REF_KEY, ...). Exits 1 when rows
were rejected (the good rows are stored all the same), 2 when the file could not be read.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from boligflyt.applications import domain, service
from boligflyt.applications.main import definition
from boligflyt.applications.schemas import StockImportReport
from boligflyt.platform.clock import SystemClock
from boligflyt.platform.db import Database
from boligflyt.platform.errors import DomainError
from boligflyt.platform.migrate import migrate
from boligflyt.platform.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Boligkontoret: operations commands.")
console = Console(stderr=True)


@app.callback()
def main() -> None:
    """Boligkontoret: operations commands."""


async def import_file(
    settings: Settings, text: str, source_format: str, actor: str, progress: Progress, *, dry_run: bool
) -> StockImportReport:
    database = Database(settings.database_url(definition.name), service=definition.name)
    try:
        await migrate(database, definition.migrations)
        task = progress.add_task("importing contracts", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = await service.import_stock(
            database,
            settings.person_ref_key,
            SystemClock(),
            text,
            source_format,
            actor=actor,
            dry_run=dry_run,
            progress=advance,
        )
        return report
    finally:
        await database.dispose()


@app.command("import-tenancies")
def import_tenancies(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV or JSON.")],
    source_format: Annotated[
        str | None, typer.Option("--format", help="csv or json; default: from the file's suffix or first character.")
    ] = None,
    actor: Annotated[str, typer.Option(help="Who runs the import, for the audit log.")] = "boligkontoret:import",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and report, store nothing.")] = False,
) -> None:
    """Import current tenancy contracts (the existing stock): dwelling, contract type, start, end, the tenant's
    national id, rent. The good rows are stored; rejected rows are listed with their line and reason."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        console.print(f"[red]{file} is not UTF-8[/red]")
        raise typer.Exit(code=2) from None
    chosen = source_format or domain.format_of(file.name, text)
    settings = Settings()
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        ) as progress:
            report = asyncio.run(import_file(settings, text, chosen, actor, progress, dry_run=dry_run))
    except DomainError as exc:
        console.print(f"[red]import failed: {exc.detail}[/red]")
        raise typer.Exit(code=2) from None
    out = Console()
    summary = Table(title=f"Import of {file.name}" + (" (dry run: nothing stored)" if dry_run else ""))
    summary.add_column("outcome")
    summary.add_column("rows", justify="right")
    for outcome, count in (("created", report.created), ("unchanged", report.unchanged), ("rejected", report.rejected)):
        summary.add_row(outcome, str(count))
    out.print(summary)
    if report.rejections:
        rejected = Table(title="Rejected rows (nothing of them was stored)")
        rejected.add_column("line", justify="right")
        rejected.add_column("dwelling")
        rejected.add_column("reason")
        for row in report.rejections:
            rejected.add_row(str(row.line), row.dwelling_id or "", "; ".join(row.reasons))
        out.print(rejected)
    out.print(f"created {report.created}, unchanged {report.unchanged}, rejected {report.rejected}")
    if report.rejected:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
