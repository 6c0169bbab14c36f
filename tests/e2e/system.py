"""The whole system as real processes, for end-to-end tests: the same flows drive both ways to run.

- distributed: every service its own uvicorn process, its own PostgreSQL database, Kafka as the bus (topics in a
  namespace of the test's own, so runs never see each other's events);
- embedded: one uvicorn process with every service mounted at its prefix, SQLite files and the embedded log.

Tests talk to services only through their public REST APIs, each agency with its own token, and wait for the
flow to move on with `eventually`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import httpx

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.host import ROOT_SERVICE, service_definitions
from boligflyt.platform.settings import Settings
from boligflyt.platform.testing import (
    create_postgres_database,
    drop_postgres_database,
    kafka_bootstrap,
    unique_name,
)

T = TypeVar("T")
FAST = {
    "BOLIGFLYT_OUTBOX_POLL_SECONDS": "0.1",
    "BOLIGFLYT_CONSUMER_BACKOFF_SECONDS": "0.05",
    "BOLIGFLYT_CONSUMER_BACKOFF_MAX_SECONDS": "0.5",
    "BOLIGFLYT_LOG_JSON": "true",
    "BOLIGFLYT_ENVIRONMENT": "test",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def env_name(prefix: str, service: str) -> str:
    return prefix + service.upper().replace("-", "_")


class System:
    """A running Boligflyt, started by `start()` and ended by `stop()`."""

    def __init__(self, kind: str, workdir: Path, services: list[str] | None = None) -> None:
        self.kind = kind
        self.workdir = workdir
        self.services = services or list(service_definitions())
        self.settings = Settings()
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.base_urls: dict[str, str] = {}
        self.ports: dict[str, int] = {}  # per process: a service's, or 'embedded'
        self.factories: dict[str, str] = {}
        self.topic_prefix = f"{unique_name('e2e')}."
        self._databases: dict[str, str] = {}
        self._env: dict[str, dict[str, str]] = {}

    async def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.kind == "embedded":
            port = free_port()
            self._env["embedded"] = {**os.environ, **FAST, "BOLIGFLYT_DATA_DIR": str(self.workdir / "data")}
            root = f"http://127.0.0.1:{port}"
            self.base_urls = {name: root if name == ROOT_SERVICE else f"{root}/{name}" for name in self.services}
            self._spawn("embedded", "boligflyt.platform.host:embedded_app", port)
        else:
            ports = {name: free_port() for name in self.services}
            self.base_urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
            urls = {env_name("BOLIGFLYT_SERVICE_URL_", name): url for name, url in self.base_urls.items()}
            for name in self.services:
                self._databases[name] = await create_postgres_database()
                self._env[name] = {
                    **os.environ,
                    **FAST,
                    **urls,
                    "BOLIGFLYT_SERVICE": name,
                    "BOLIGFLYT_BUS": "kafka",
                    "BOLIGFLYT_KAFKA_BOOTSTRAP": kafka_bootstrap(),
                    "BOLIGFLYT_KAFKA_TOPIC_PREFIX": self.topic_prefix,
                    env_name("BOLIGFLYT_DATABASE_URL_", name): self._databases[name],
                }
                self._spawn(name, "boligflyt.platform.host:service_app_from_env", ports[name])
        await self.wait_ready()

    def _spawn(self, name: str, factory: str, port: int) -> None:
        self.ports[name], self.factories[name] = port, factory
        log = (self.workdir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", factory, "--host", "127.0.0.1", "--port", str(port)],
            env=self._env[name],
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    async def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2) as client:
            for name, url in self.base_urls.items():
                while True:
                    self._check_alive()
                    try:
                        if (await client.get(f"{url}/readyz")).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    if time.monotonic() > deadline:
                        raise AssertionError(f"{name} not ready after {timeout} s; see {self.workdir}")
                    await asyncio.sleep(0.2)

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                log = (self.workdir / f"{name}.log").read_text()[-3000:]
                raise AssertionError(f"{name} exited with {process.returncode}:\n{log}")

    def kill(self, name: str) -> None:
        """SIGKILL one process (distributed: a service; embedded: 'embedded'), as a crash would."""
        process = self.processes[name]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    async def restart(self, name: str) -> None:
        """Start a killed or stopped process again on its port, with its data: it must pick up where it was."""
        self._spawn(name, self.factories[name], self.ports[name])
        await self.wait_ready()

    async def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for url in self._databases.values():
            await drop_postgres_database(url)

    def client(self, service: str, agency: Agency | str, subject: str | None = None) -> httpx.AsyncClient:
        agency = Agency(agency)
        token = mint_token(self.settings, subject=subject or f"{agency.value}-e2e", agency=agency)
        return httpx.AsyncClient(
            base_url=self.base_urls[service], headers={"Authorization": f"Bearer {token}"}, timeout=30
        )


async def eventually(check: Callable[[], Awaitable[T | None]], *, timeout: float = 30, what: str = "") -> T:
    """Wait until `check` returns something truthy (the flow moves on by itself through events)."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check.__name__}")
        await asyncio.sleep(0.2)
