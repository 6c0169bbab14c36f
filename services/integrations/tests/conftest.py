"""A real webhook receiver on 127.0.0.1 and helpers to drive the integrations service in tests.

The receiver is a small Starlette app under uvicorn in a thread of its own. It verifies every request twice,
with the `standardwebhooks` library and with a hand-written HMAC-SHA256 check, and rejects tampered, stale
(more than 5 minutes off) and replayed (a webhook-id it accepted before) deliveries.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from standardwebhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from boligflyt.contracts.codes import NoticeParty
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.applications import TenancyNoticeGiven, TenancyNoticeWithdrawn
from boligflyt.integrations.delivery import DeliveryWorker
from boligflyt.integrations.main import build_definition
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.testkit import ServiceHarness

TOLERANCE_SECONDS = 300

FAST = IntegrationsSettings(
    retry_schedule_seconds=(0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05),
    timeout_seconds=3.0,
    poll_seconds=0.05,
    secret_grace_seconds=3600,
)


def hand_verify(secrets: Sequence[str], body: bytes, headers: dict[str, str], now: float) -> str | None:
    """The Standard Webhooks check written out: None when valid, else why not."""
    message_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (message_id and timestamp and signatures):
        return "missing headers"
    if not timestamp.isdigit() or abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return "stale timestamp"
    content = f"{message_id}.{timestamp}.".encode() + body
    for secret in secrets:
        key = base64.b64decode(secret.removeprefix("whsec_"))
        expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
        for candidate in signatures.split():
            version, _, value = candidate.partition(",")
            if version == "v1" and hmac.compare_digest(expected, value):
                return None
    return "bad signature"


@dataclass
class Received:
    webhook_id: str
    body: bytes
    headers: dict[str, str]
    event: dict[str, Any]
    at: float


@dataclass
class Receiver:
    """One subscriber's endpoint. `fail_first` answers `fail_status` (500) with `fail_headers` to that many valid
    requests; `hang` never answers."""

    name: str
    fail_first: int = 0
    fail_status: int = 500
    fail_headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False
    secrets: list[str] = field(default_factory=list)
    accepted: list[Received] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    requests: int = 0
    failed: int = 0
    url: str = ""

    @property
    def events(self) -> list[dict[str, Any]]:
        return [r.event for r in self.accepted]

    async def handle(self, request: Request) -> Response:
        self.requests += 1
        body = await request.body()
        headers = {k.lower(): v for k, v in request.headers.items()}
        if request.headers.get("content-type") != "application/cloudevents+json":
            return self._reject(415, "not structured CloudEvents")
        library_ok = False
        for secret in self.secrets:
            try:
                Webhook(secret).verify(body, headers)
                library_ok = True
                break
            except Exception:
                continue
        if not library_ok:
            return self._reject(401, "standardwebhooks refused")
        problem = hand_verify(self.secrets, body, headers, time.time())
        if problem:
            return self._reject(401, problem)
        webhook_id = headers["webhook-id"]
        if any(r.webhook_id == webhook_id for r in self.accepted):
            return self._reject(409, "replayed")
        if self.hang:
            await asyncio.sleep(3600)
        if self.failed < self.fail_first:
            self.failed += 1
            return Response(status_code=self.fail_status, headers=self.fail_headers)
        self.accepted.append(Received(webhook_id, body, headers, json.loads(body), time.monotonic()))
        return Response(status_code=204)

    def _reject(self, status: int, why: str) -> Response:
        self.rejected.append((status, why))
        return Response(why, status_code=status)


class ReceiverServer:
    """uvicorn on 127.0.0.1 in a thread, routing /<name> to each receiver."""

    def __init__(self, app: Any = None, **tls: Any) -> None:
        """`tls`: uvicorn's `ssl_certfile` and `ssl_keyfile`, for a receiver on https."""
        self.receivers: dict[str, Receiver] = {}
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]

        async def dispatch(request: Request) -> Response:
            receiver = self.receivers.get(request.path_params["name"])
            if receiver is None:
                return Response(status_code=404)
            return await receiver.handle(request)

        app = app or Starlette(routes=[Route("/{name}", dispatch, methods=["POST"])])
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
            **tls,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def add(self, name: str, **options: Any) -> Receiver:
        receiver = Receiver(name=name, url=f"http://127.0.0.1:{self.port}/{name}", **options)
        self.receivers[name] = receiver
        return receiver

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the receiver did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.server.force_exit = True
        self.thread.join(timeout=5)


@pytest.fixture
def receivers() -> Iterator[ReceiverServer]:
    server = ReceiverServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


class World:
    """The integrations service in a harness, its delivery worker, and integrator clients."""

    def __init__(
        self, runtime: ServiceRuntime, settings: IntegrationsSettings, harness: Any = None, *, production: bool = False
    ) -> None:
        self.runtime = runtime
        self.harness: ServiceHarness = harness
        self.worker = DeliveryWorker(
            self.runtime.database,
            settings,
            production=production or self.runtime.settings.environment == "production",
        )

    @classmethod
    def of(cls, harness: ServiceHarness, settings: IntegrationsSettings, *, production: bool = False) -> World:
        return cls(harness.runtimes["integrations"], settings, harness, production=production)

    def client(self, subject: str = "facilit", scopes: Sequence[str] = ("events:read:*",), agency: Any = None) -> Any:
        token = mint_token(self.runtime.settings, subject=subject, agency=agency or Agency.integrator, scopes=scopes)
        transport = httpx.ASGITransport(app=self.runtime.app, raise_app_exceptions=False)
        return httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers={"Authorization": f"Bearer {token}"}
        )

    async def subscribe(self, receiver: Receiver, event_types: Sequence[str], subject: str = "facilit") -> str:
        async with self.client(subject) as client:
            response = await client.post("/v1/webhooks", json={"url": receiver.url, "event_types": list(event_types)})
        assert response.status_code == 201, response.text
        receiver.secrets.append(response.json()["secret"])
        return str(response.json()["id"])

    async def publish(self, *events: Any) -> list[Envelope]:
        envelopes = [Envelope(data=e) for e in events]
        await self.harness.bus.publish([to_wire(e) for e in envelopes])
        await self.harness.settle()
        return envelopes

    async def drive_until(self, until: Callable[[], Awaitable[bool]], timeout: float = 15.0) -> None:
        """Run the delivery worker until the awaited `until()` holds (a state the worker writes, say)."""
        started = time.monotonic()
        while not await until():
            if time.monotonic() - started > timeout:
                raise AssertionError(f"not done within {timeout} s")
            await self.worker.tick()
            await self.worker.wait(0.02)

    async def subscription(self, subscription_id: str, subject: str = "facilit") -> dict[str, Any]:
        async with self.client(subject) as client:
            return dict((await client.get(f"/v1/webhooks/{subscription_id}")).json())

    async def deliveries(self, subscription_id: str, subject: str = "facilit") -> list[dict[str, Any]]:
        async with self.client(subject) as client:
            page = (await client.get(f"/v1/webhooks/{subscription_id}/deliveries?limit=500")).json()
        return list(page["items"])

    async def drive(self, until: Callable[[], bool], timeout: float = 15.0) -> float:
        """Run the delivery worker until `until()` holds; returns the seconds it took."""
        started = time.monotonic()
        while not until():
            if time.monotonic() - started > timeout:
                raise AssertionError(f"not done within {timeout} s")
            await self.worker.tick()
            await self.worker.wait(0.02)
        return time.monotonic() - started


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with ServiceHarness([build_definition(FAST)], tmp_path) as harness:
        world = World.of(harness, FAST)
        try:
            yield world
        finally:
            await world.worker.close()


def notices(tenancy_id: str, count: int) -> list[Any]:
    """`count` events of one key, alternating notice given and withdrawn: order is visible in their ids."""
    start = date(2026, 1, 5)
    events: list[Any] = []
    for n in range(count):
        day = start + timedelta(days=n)
        if n % 2 == 0:
            events.append(
                TenancyNoticeGiven(
                    tenancy_id=tenancy_id,
                    dwelling_id="lke-0153",
                    given_on=day,
                    given_by=NoticeParty.TENANT,
                    move_out_date=day + timedelta(days=90),
                )
            )
        else:
            events.append(TenancyNoticeWithdrawn(tenancy_id=tenancy_id, dwelling_id="lke-0153", withdrawn_on=day))
    return events
