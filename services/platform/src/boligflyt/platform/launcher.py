"""`./dev up`: the whole system, embedded in one process or distributed as one process per service."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI
from rich.console import Console
from rich.table import Table

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.host import ROOT_SERVICE, service_definitions
from boligflyt.platform.oidc import DEVELOPMENT_CLIENT_SECRET, provider_client
from boligflyt.platform.settings import Settings

console = Console(stderr=True)
FIRST_DISTRIBUTED_PORT = 8101

# How uvicorn runs wherever the project starts it (here, the demo's `./dev up`, the Dockerfile's CMD): an idle
# keep-alive connection is closed after a few seconds, and past LIMIT_CONCURRENCY connections or requests at once
# a request is answered 503 at once rather than queued without end. uvicorn has no timeout for slow headers: in
# production the reverse proxy in front (deploy/nginx) times out headers and bodies.
TIMEOUT_KEEP_ALIVE_SECONDS = 5
LIMIT_CONCURRENCY = 1000
BACKLOG = 512


def server_config(app: FastAPI | str, *, host: str, port: int) -> uvicorn.Config:
    """uvicorn's configuration for `app` (an import string is taken as a factory), with the limits above."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        factory=isinstance(app, str),
        log_level="warning",
        timeout_keep_alive=TIMEOUT_KEEP_ALIVE_SECONDS,
        limit_concurrency=LIMIT_CONCURRENCY,
        backlog=BACKLOG,
    )


def server_limit_arguments() -> list[str]:
    """The same limits as uvicorn's command-line options."""
    return [
        f"--timeout-keep-alive={TIMEOUT_KEEP_ALIVE_SECONDS}",
        f"--limit-concurrency={LIMIT_CONCURRENCY}",
        f"--backlog={BACKLOG}",
    ]


def ask_for_development() -> None:
    """`./dev up` runs a development system: unless the environment says otherwise, BOLIGFLYT_ENVIRONMENT=local
    (an unset environment is production, which refuses the development secrets). The processes it starts inherit
    it."""
    os.environ.setdefault("BOLIGFLYT_ENVIRONMENT", "local")


def print_where_to_look(base_urls: dict[str, str], settings: Settings) -> None:
    table = Table(title="Boligflyt is running", show_lines=False)
    table.add_column("service")
    table.add_column("API docs")
    for name, url in base_urls.items():
        table.add_row(name, f"{url}/docs")
    console.print(table)
    if settings.jwt_discovery_url:
        # Tokens come from the identity provider: staff sign in there, systems use their client credentials.
        token_endpoint = settings.jwt_discovery_url.removesuffix("/.well-known/openid-configuration") + "/token"
        console.print(
            f"Sign in to the dashboard ({base_urls.get(ROOT_SERVICE, '')}) at the identity provider "
            f"({settings.jwt_discovery_url}): kari (coordinator), nils (NAV), berit (Boligkontoret), lars (LKE), "
            "bodil (bestiller). An agency system's token (client credentials; deploy/mock-oauth2/README.md):"
        )
        client = f"{provider_client('temporary-housing')}:{DEVELOPMENT_CLIENT_SECRET}"
        print(f"curl -s -u {client} -d grant_type=client_credentials {token_endpoint}", file=sys.stderr)
        return
    token = mint_token(settings, subject="demo-coordinator", agency=Agency.coordinator, ttl_seconds=12 * 3600)
    console.print("Coordinator token (12 h), for the dashboard's login and the APIs' Authorize button:")
    print(token, file=sys.stderr)  # unwrapped, so that it copies whole
    console.print("More tokens: ./dev token --agency boligkontoret|nav|lke|bestiller|coordinator|integrator")


def run_embedded(host: str, port: int, data_dir: Path) -> None:
    ask_for_development()
    os.environ["BOLIGFLYT_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("BOLIGFLYT_LOG_JSON", "false")
    settings = Settings()
    base = f"http://{host}:{port}"
    urls = {name: base if name == ROOT_SERVICE else f"{base}/{name}" for name in service_definitions()}
    print_where_to_look(urls, settings)
    console.print(f"Data (SQLite files and the event log): {data_dir.resolve()}")
    uvicorn.Server(server_config("boligflyt.platform.host:embedded_app", host=host, port=port)).run()


def run_distributed(
    host: str,
    log_dir: Path,
    kafka_bootstrap: str,
    postgres_server: str,
    when_ready: Callable[[dict[str, str]], None] | None = None,
) -> None:
    """One uvicorn process per service, each with its own PostgreSQL database, all on Kafka. `when_ready` is
    called with the services' URLs once every one answers (the demo seeds Larvik there)."""
    ask_for_development()
    log_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    server_base = postgres_server.rsplit("/", 1)[0]
    processes: dict[str, subprocess.Popen[bytes]] = {}
    urls: dict[str, str] = {}
    names = list(service_definitions())
    ports = {name: FIRST_DISTRIBUTED_PORT + offset for offset, name in enumerate(names)}
    # Every service learns where the others are, for its service-to-service calls.
    service_urls = {
        "BOLIGFLYT_SERVICE_URL_" + name.upper().replace("-", "_"): f"http://{host}:{port}"
        for name, port in ports.items()
    }
    if "integrations" in ports and not settings.contracts_base_url:
        # No reverse proxy here: events' `dataschema` must name the integrations service's own address.
        service_urls["BOLIGFLYT_CONTRACTS_BASE_URL"] = f"http://{host}:{ports['integrations']}/v1/contracts"
    for name, port in ports.items():
        env = {
            **os.environ,
            **service_urls,
            "BOLIGFLYT_SERVICE": name,
            "BOLIGFLYT_BUS": "kafka",
            "BOLIGFLYT_KAFKA_BOOTSTRAP": kafka_bootstrap,
            "BOLIGFLYT_DATABASE_URL_"
            + name.upper().replace("-", "_"): f"{server_base}/boligflyt_{name.replace('-', '_')}",
        }
        if settings.jwt_discovery_url:
            # With an identity provider (BOLIGFLYT_JWT_DISCOVERY_URL, which `./dev up --distributed` sets), each
            # service calls the others with a client of its own there, and the dashboard signs people in with its.
            env["BOLIGFLYT_OIDC_CLIENT_ID"] = provider_client(name)
            env["BOLIGFLYT_OIDC_CLIENT_SECRET"] = DEVELOPMENT_CLIENT_SECRET
        log_file = (log_dir / f"{name}.log").open("ab")
        processes[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "boligflyt.platform.host:service_app_from_env",
                "--host",
                host,
                "--port",
                str(port),
                *server_limit_arguments(),
            ],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        urls[name] = f"http://{host}:{port}"
    try:
        _wait_until_ready(urls, processes, log_dir)
        print_where_to_look(urls, settings)
        console.print(f"Logs: {log_dir.resolve()}/<service>.log. Ctrl-C stops every service.")
        if when_ready is not None:
            when_ready(urls)
        while all(process.poll() is None for process in processes.values()):
            time.sleep(1)
        dead = [name for name, process in processes.items() if process.poll() is not None]
        console.print(f"[red]stopped unexpectedly: {', '.join(dead)}; see their logs[/red]")
    except KeyboardInterrupt:
        pass
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_ready(
    urls: dict[str, str], processes: dict[str, subprocess.Popen[bytes]], log_dir: Path, timeout: float = 90
) -> None:
    deadline = time.monotonic() + timeout
    waiting = dict(urls)
    with console.status("starting services") as status:
        while waiting and time.monotonic() < deadline:
            for name, url in list(waiting.items()):
                if processes[name].poll() is not None:
                    raise SystemExit(f"{name} exited at start; see {log_dir / (name + '.log')}")
                try:
                    if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                        del waiting[name]
                except httpx.HTTPError:
                    pass
            status.update(f"starting services: waiting for {', '.join(waiting) or 'nothing'}")
            time.sleep(0.3)
    if waiting:
        raise SystemExit(f"not ready after {timeout:.0f} s: {', '.join(waiting)}")
