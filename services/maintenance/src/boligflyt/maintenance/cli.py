"""`boligflyt-maintenance`: LKE's operations commands (`./dev import-dwellings FILE.csv` runs the import)."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from boligflyt.maintenance import service
from boligflyt.maintenance.main import definition
from boligflyt.maintenance.schemas import SyncReport
from boligflyt.platform.clock import SystemClock
from boligflyt.platform.db import Database
from boligflyt.platform.migrate import migrate
from boligflyt.platform.settings import Settings

app = typer.Typer(no_args_is_help=True, help="LKE maintenance: operations commands.")
console = Console(stderr=True)


@app.callback()
def main() -> None:
    """LKE maintenance: operations commands."""


def read_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "external_ref" not in reader.fieldnames:
            raise typer.BadParameter(f"{path} has no header row with an external_ref column")
        return [dict(row) for row in reader]


async def import_rows(
    settings: Settings, rows: list[dict[str, Any]], actor: str, progress: Progress, *, dry_run: bool = False
) -> SyncReport:
    """Every good row in one transaction: a failure part-way writes nothing at all (nor does a dry run)."""
    database = Database(settings.database_url(definition.name), service=definition.name)
    try:
        await migrate(database, definition.migrations)
        task = progress.add_task("importing dwellings", total=len(rows))
        clock = SystemClock()
        async with database.unit_of_work(actor) as uow:
            report = await service.sync_dwellings(
                uow, rows, clock.today(), clock.now(), first_row=2, progress=lambda: progress.advance(task)
            )
            uow.audit(
                "dwelling.imported",
                "dwelling_import",
                actor,
                detail={
                    "created": len(report.created),
                    "changed": len(report.changed),
                    "rejected": len(report.rejected),
                },
            )
            if not dry_run:
                await uow.commit()
        return report
    finally:
        await database.dispose()


@app.command("import-dwellings")
def import_dwellings(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="A CSV with a header row.")],
    actor: Annotated[str, typer.Option(help="Who runs the import, for the audit log.")] = "lke:import",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and report, write nothing.")] = False,
) -> None:
    """Upsert dwellings from a property-system CSV keyed by external_ref; report created, changed and rejected rows.

    Columns: external_ref, address, zone, category, owner, coop_board_approval, rooms, bedrooms, floor_area_m2,
    monthly_rent, accessible, staffed, near_services, acquired_via, order_ref, head_lease_end, status.
    """
    rows = read_rows(file)
    settings = Settings()
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    ) as progress:
        report = asyncio.run(import_rows(settings, rows, actor, progress, dry_run=dry_run))
    summary = Table(title=f"Import of {file.name}" + (" (dry run: nothing written)" if dry_run else ""))
    summary.add_column("outcome")
    summary.add_column("rows", justify="right")
    for outcome, count in (
        ("created", len(report.created)),
        ("changed", len(report.changed)),
        ("unchanged", len(report.unchanged)),
        ("rejected", len(report.rejected)),
    ):
        summary.add_row(outcome, str(count))
    out = Console()
    out.print(summary)
    if report.rejected:
        rejected = Table(title="Rejected rows")
        rejected.add_column("row (file line)", justify="right")
        rejected.add_column("external_ref")
        rejected.add_column("reason")
        for row in report.rejected:
            rejected.add_row(str(row.row), row.external_ref or "", row.reason)
        out.print(rejected)
    out.print(
        f"created {len(report.created)}, changed {len(report.changed)}, unchanged {len(report.unchanged)}, "
        f"rejected {len(report.rejected)}"
    )
    if report.rejected:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
