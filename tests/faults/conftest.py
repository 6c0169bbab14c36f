"""The fault suite's system: every service its own process on PostgreSQL, on a Kafka broker and (for one service) a
PostgreSQL cluster of the suite's own, so that a test may kill and restart them without disturbing the shared
servers every other test uses.

Starting it takes a while on two cores, so one system serves the whole package; each test puts its own load on it
and checks the whole system after its fault, everything that happened before included. The poison message stays on
its dead-letter topic for good, so its test comes last (pytest runs the files in the order of their names).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from boligflyt.testkit import REPO_ROOT, PrivateKafka, free_port, postgres_server_url

# tests/e2e is imported by pytest as the package `e2e` (importlib mode names packages from the nearest folder
# without an __init__.py, here tests/); this suite drives the same System, so it imports it by that name.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from e2e.system import System

PG_SCRIPT = REPO_ROOT / "deploy" / "postgres" / "pg.sh"
# The service whose database is on the private cluster: it takes requests (Boligkontoret), publishes events that
# NAV consumes, and consumes LKE's, so an outage of its database hits all three roles.
OWN_CLUSTER_SERVICE = "applications"


class PrivatePostgres:
    """A PostgreSQL cluster of the suite's own (deploy/postgres/pg.sh on a free port), so a test may restart it.

    pg.sh makes the role and one database per service; as root its data lives under /var/lib/boligflyt, which is
    why `wipe` removes it at the end.
    """

    def __init__(self, port: int) -> None:
        postgres_server_url()  # the same requirement as every PostgreSQL test: skipped or failed alike
        self.port = port

    def url(self, service: str) -> str:
        return f"postgresql+asyncpg://boligflyt:boligflyt@127.0.0.1:{self.port}/boligflyt_{service.replace('-', '_')}"

    def _run(self, *args: str) -> None:
        env = {**os.environ, "PG_PORT": str(self.port)}
        subprocess.run([str(PG_SCRIPT), *args], env=env, check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        self._run("start")

    def stop(self, *, immediate: bool = False) -> None:
        """A fast shutdown, or with `immediate` a crash: the next start runs crash recovery."""
        self._run("stop", *(["--kill"] if immediate else []))

    def wipe(self) -> None:
        self._run("wipe")


@dataclass
class Rig:
    """The system and the servers under it that the tests may take down."""

    system: System
    kafka: PrivateKafka
    postgres: PrivatePostgres


@pytest.fixture(scope="package")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    workdir = tmp_path_factory.mktemp("faults")
    kafka = PrivateKafka(free_port(), workdir / "kafka")
    postgres = PrivatePostgres(free_port())
    kafka.start()
    postgres.start()
    try:
        with pytest.MonkeyPatch.context() as patch:
            # System and the topic readers of tests/e2e find the broker through this variable, so they all use ours.
            patch.setenv("BOLIGFLYT_KAFKA_BOOTSTRAP", kafka.bootstrap)
            # Three tries for an event (about 0.15 s with the e2e backoff): a database starting up again refuses
            # connections for longer than that, so an outage taken for the event's failure is dead-lettered here
            # for certain, where with more tries it might go unnoticed.
            patch.setenv("BOLIGFLYT_CONSUMER_MAX_ATTEMPTS", "3")
            system = System(
                "distributed",
                workdir / "system",
                database_urls={OWN_CLUSTER_SERVICE: postgres.url(OWN_CLUSTER_SERVICE)},
            )
            try:
                asyncio.run(system.start())
                yield Rig(system, kafka, postgres)
            finally:
                asyncio.run(system.stop())
    finally:
        kafka.kill()
        kafka.wipe()
        postgres.stop(immediate=True)
        postgres.wipe()
