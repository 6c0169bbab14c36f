"""Servers a benchmark starts as processes of their own: a service the way `./dev up --distributed` runs it, and
the anchors' bare FastAPI apps under the same uvicorn command line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from boligflyt.testkit import free_port


def env_name(prefix: str, service: str) -> str:
    return prefix + service.upper().replace("-", "_")


def uvicorn_command(target: str, port: int, *, factory: bool, workers: int = 1) -> list[str]:
    """The uvicorn command line of `./dev up --distributed` (platform/launcher.py), for services and anchors, with
    `workers` processes sharing the port (the launcher runs one)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        *(["--factory"] if factory else []),
        target,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *(["--workers", str(workers)] if workers > 1 else []),
    ]


class Server:
    """One uvicorn process on a port of its own, its output in `log`."""

    def __init__(self, name: str, command: list[str], port: int, env: dict[str, str], log: Path, cwd: Path) -> None:
        self.name = name
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.log = log
        with log.open("ab") as output:
            self.process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=cwd)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def start_service(
    name: str,
    folder: Path,
    *,
    database_url: str,
    topic_prefix: str,
    extra_env: dict[str, str] | None = None,
    workers: int = 1,
) -> Server:
    """A service alone in its process (or `workers` processes), on PostgreSQL and Kafka (topics under
    `topic_prefix`). Each worker migrates the database as it starts, and nothing makes two of them take turns:
    with several, migrate the database first."""
    port = free_port()
    env = {
        **os.environ,
        "BOLIGFLYT_SERVICE": name,
        "BOLIGFLYT_BUS": "kafka",
        "BOLIGFLYT_KAFKA_TOPIC_PREFIX": topic_prefix,
        env_name("BOLIGFLYT_DATABASE_URL_", name): database_url,
        **(extra_env or {}),
    }
    command = uvicorn_command("boligflyt.platform.host:service_app_from_env", port, factory=True, workers=workers)
    return Server(name, command, port, env, folder / f"{name}.log", folder)


def start_bare_app(source: str, folder: Path, *, workers: int = 1) -> Server:
    """An anchor: the FastAPI app in `source`, under the same uvicorn command line as a service."""
    (folder / "bare_app.py").write_text(source)
    port = free_port()
    return Server(
        "bare",
        uvicorn_command("bare_app:app", port, factory=False, workers=workers),
        port,
        dict(os.environ),
        folder / "bare.log",
        folder,
    )
