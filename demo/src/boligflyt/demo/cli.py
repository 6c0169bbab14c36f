"""`boligflyt-demo seed` and `boligflyt-demo simulate` (module `boligflyt.demo.cli:app`).

Against the embedded host give `--base-url` (services at /<name>, the dashboard and the demo clock at /);
against separate processes give each service with `--service-url name=URL` (repeatable).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from boligflyt.demo.agencies import SERVICES, embedded_urls
from boligflyt.platform.settings import Settings

app = typer.Typer(help="Demo data and a simulator for Boligflyt, through the public APIs.", no_args_is_help=True)
console = Console()

BaseUrl = Annotated[str, typer.Option(help="The embedded host: services at /<name>, dashboard at /.")]
ServiceUrls = Annotated[
    list[str] | None,
    typer.Option("--service-url", help="name=URL for one service (distributed mode); overrides --base-url."),
]
RngSeed = Annotated[int, typer.Option(help="Seed of the random choices.")]


@app.callback()
def main() -> None:
    """Demo data and a simulator for Boligflyt, through the public APIs."""
    from boligflyt.platform.launcher import ask_for_development

    ask_for_development()  # the demo is development: its tokens are signed with the development secret


def base_urls(base_url: str, service_urls: list[str] | None) -> dict[str, str]:
    urls: dict[str, str] = embedded_urls(base_url)
    if service_urls:
        urls.pop("host", None)  # separate processes share no demo clock
        for pair in service_urls:
            name, _, url = pair.partition("=")
            if name not in SERVICES or not url:
                raise typer.BadParameter(f"expected name=URL with name one of {', '.join(SERVICES)}: {pair!r}")
            urls[name] = url.rstrip("/")
    return urls


def bar() -> Progress:
    return Progress(
        TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )


@app.command()
def seed(
    base_url: BaseUrl = "http://127.0.0.1:8000",
    service_url: ServiceUrls = None,
    scale: Annotated[float, typer.Option(min=0.01, max=10, help="1.0: Larvik's volumes, about 2012-2014.")] = 1.0,
    rng_seed: RngSeed = 2015,
) -> None:
    """Seed a plausible Larvik (does nothing when LKE's register has dwellings already)."""
    from boligflyt.demo.seed import seed as seed_larvik

    with bar() as progress:
        report = asyncio.run(seed_larvik(base_urls(base_url, service_url), Settings(), rng_seed, scale, progress))
    if report.skipped:
        console.print(f"[yellow]{'; '.join(report.notes)}[/yellow]")
        return
    table = Table("seeded", "count", title=f"Larvik seeded in {report.seconds} s")
    for name in ("dwellings", "providers", "stays", "applications", "approved", "rejected", "settlements", "needs"):
        table.add_row(name, str(getattr(report, name)))
    console.print(table)
    for note in report.notes:
        console.print(f"[yellow]{note}[/yellow]")


@app.command()
def simulate(
    base_url: BaseUrl = "http://127.0.0.1:8000",
    service_url: ServiceUrls = None,
    days: Annotated[int, typer.Option(min=1, help="Days to simulate.")] = 30,
    speed: Annotated[float, typer.Option(min=0, help="Simulated days per real minute; 0: as fast as it goes.")] = 30,
    rng_seed: RngSeed = 2015,
) -> None:
    """Drive days of activity: arrivals, applications, TBO, offers, move-ins and -outs, renovations, orders."""
    from boligflyt.demo.simulate import simulate as simulate_days

    with bar() as progress:
        report = asyncio.run(
            simulate_days(base_urls(base_url, service_url), Settings(), days, speed, rng_seed, progress)
        )
    clock = "the demo clock moved" if report.moved_time else "no demo clock: days were a rhythm on the wall clock"
    table = Table("happened", "count", title=f"{report.first_day} .. {report.last_day} ({clock}, {report.seconds} s)")
    for what, count in sorted(report.happened.items()):
        table.add_row(what, str(count))
    for what, count in sorted(report.refused.items()):
        table.add_row(f"[dim]refused: {what}[/dim]", str(count))
    console.print(table)


@app.command()
def up(
    distributed: Annotated[
        bool,
        typer.Option(
            "--distributed",
            help="One process per service on PostgreSQL and Kafka (BOLIGFLYT_POSTGRES_URL, BOLIGFLYT_KAFKA_BOOTSTRAP).",
        ),
    ] = False,
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port of the one process.")] = 8000,
    data_dir: Annotated[
        Path,
        typer.Option(envvar="BOLIGFLYT_DATA_DIR", help="Where the SQLite files, the event log and the clock live."),
    ] = Path("data"),
    seed_data: Annotated[bool, typer.Option("--seed/--no-seed", help="Seed Larvik when the data is new.")] = True,
    scale: Annotated[float, typer.Option(min=0.01, max=10, help="1.0: Larvik's volumes, about 2012-2014.")] = 1.0,
) -> None:
    """The whole system in one process on the demo clock (or one process per service), seeded with Larvik, and
    where to look."""
    if distributed:
        serve_distributed(host, seed_data=seed_data, scale=scale)
        return
    os.environ["BOLIGFLYT_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("BOLIGFLYT_LOG_JSON", "false")
    asyncio.run(serve(host, port, Settings(), seed_data=seed_data, scale=scale))


async def serve(host: str, port: int, settings: Settings, *, seed_data: bool, scale: float) -> None:
    import uvicorn

    from boligflyt.demo.host import demo_app
    from boligflyt.platform.host import ROOT_SERVICE, service_definitions
    from boligflyt.platform.launcher import print_where_to_look, server_config

    server = uvicorn.Server(server_config(demo_app(settings), host=host, port=port))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        if serving.done():
            await serving  # it failed to start (port taken, say): let its error speak
            return
        await asyncio.sleep(0.05)
    base = f"http://{host}:{port}"
    urls = embedded_urls(base)
    print_where_to_look(
        {name: base if name == ROOT_SERVICE else f"{base}/{name}" for name in service_definitions()}, settings
    )
    console.print(f"Data (SQLite files, the event log, the demo clock): {settings.data_dir.resolve()}")
    if seed_data:
        # Imported once the services answer: the seed's typed client is half a second of imports, not start-up's.
        from boligflyt.demo.seed import seed as seed_larvik

        with bar() as progress:
            report = await seed_larvik(urls, settings, 2015, scale, progress)
        console.print(
            "Demo data: already there" if report.skipped else f"Demo data: Larvik seeded in {report.seconds} s"
        )
    console.print(f"More activity: ./dev simulate --base-url {base} --days 30. Ctrl-C stops.")
    await serving


def serve_distributed(host: str, *, seed_data: bool, scale: float) -> None:
    from boligflyt.platform.launcher import run_distributed

    def seed_when_ready(every_service: dict[str, str]) -> None:
        urls = {name: url for name, url in every_service.items() if name in SERVICES}  # the agencies' own
        if seed_data:
            from boligflyt.demo.seed import seed as seed_larvik

            with bar() as progress:
                report = asyncio.run(seed_larvik(urls, Settings(), 2015, scale, progress))
            console.print(
                "Demo data: already there" if report.skipped else f"Demo data: Larvik seeded in {report.seconds} s"
            )
            for note in report.notes:
                console.print(f"[yellow]{note}[/yellow]")
        service_urls = " ".join(f"--service-url {name}={url}" for name, url in urls.items())
        # The simulator's agencies take their tokens from the same identity provider as the services trust.
        discovery = os.environ.get("BOLIGFLYT_JWT_DISCOVERY_URL")
        provider = f"BOLIGFLYT_JWT_DISCOVERY_URL={discovery} " if discovery else ""
        console.print(f"More activity: {provider}./dev simulate {service_urls} --days 30. Ctrl-C stops.")

    run_distributed(
        host,
        Path("var/log"),
        kafka_bootstrap=os.environ["BOLIGFLYT_KAFKA_BOOTSTRAP"],
        postgres_server=os.environ["BOLIGFLYT_POSTGRES_URL"],
        when_ready=seed_when_ready,
    )


if __name__ == "__main__":
    app()
