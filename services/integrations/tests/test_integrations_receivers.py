"""Receivers are checked by the address their host resolves to, at registration and at every delivery, and the
request goes to the address that was checked; ping says delivered or not, nothing more."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text

from boligflyt.integrations import addresses, delivery
from boligflyt.integrations import api as integrations_api
from boligflyt.integrations.main import build_definition
from boligflyt.testkit import ServiceHarness

from .conftest import FAST, ReceiverServer, World, notices

PUBLIC = "93.184.216.34"  # globally routable; nothing connects to it in these tests (a test transport answers)
# Every spelling of an internal address the issue found passing the check by spelling, and a few more.
INTERNAL_SPELLINGS = [
    "https://2130706433/hook",
    "https://127.1/hook",
    "https://0x7f.0.0.1/hook",
    "https://localhost./hook",
    "https://LOCALHOST/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::1]/hook",
    "https://100.64.0.1/hook",  # carrier-grade NAT
    "https://169.254.169.254/latest/meta-data",  # link-local: the cloud's metadata service
    "https://10.0.0.5/hook",
    "https://0.0.0.0/hook",
    "https://224.0.0.1/hook",  # multicast
    "https://240.0.0.1/hook",  # reserved
    "https://[fe80::1]/hook",
    "https://loopback.example.no/hook",  # a name that resolves to loopback
    "https://mixed.example.no/hook",  # one public answer and one private: refused as a whole
]


class Resolver:
    """Stands in for DNS: names map to the addresses given; everything else resolves as the system would."""

    def __init__(self) -> None:
        self.answers: dict[str, list[str]] = {
            "receiver.example.no": [PUBLIC],
            "loopback.example.no": ["127.0.0.1"],
            "mixed.example.no": [PUBLIC, "192.168.1.10"],
        }
        self.asked: list[str] = []
        self.system = addresses.resolve

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host in self.answers:
            return list(self.answers[host])
        return await self.system(host, port)


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Resolver]:
    fake = Resolver()
    monkeypatch.setattr(addresses, "resolve", fake)
    yield fake


class Recorder:
    """A test transport in the delivery worker's client: records where each request was to connect."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(204)


@pytest.fixture
async def production(
    tmp_path: Path, resolver: Resolver, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[World, Recorder]]:
    recorder = Recorder()
    # The worker's and ping's client, on a transport that records instead of connecting.
    monkeypatch.setattr(
        delivery, "webhook_client", lambda _settings: httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    )
    # Production's address policy, on a service that still takes the test's tokens: a production process trusts
    # only an identity provider's signatures, and what is tested here is where webhooks may go.
    monkeypatch.setattr(integrations_api, "in_production", lambda _runtime: True)
    async with ServiceHarness([build_definition(FAST)], tmp_path) as harness:
        world = World.of(harness, FAST, production=True)
        try:
            yield world, recorder
        finally:
            await world.worker.close()


async def register(world: World, url: str) -> httpx.Response:
    async with world.client() as client:
        return await client.post("/v1/webhooks", json={"url": url, "event_types": ["tenancy.*"]})


@pytest.mark.parametrize("url", INTERNAL_SPELLINGS)
async def test_an_internal_address_is_refused_at_registration_in_production_however_it_is_spelt(
    production: tuple[World, Recorder], url: str
) -> None:
    world, _ = production
    refused = await register(world, url)
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "internal-url"
    assert refused.headers["content-type"].startswith("application/problem+json")
    created = await register(world, "https://receiver.example.no/hook")
    assert created.status_code == 201, created.text
    async with world.client() as client:
        changed = await client.patch(f"/v1/webhooks/{created.json()['id']}", json={"url": url})
        assert changed.status_code == 422 and changed.json()["code"] == "internal-url"
        assert (await client.get("/v1/webhooks")).json()["total"] == 1


async def test_a_host_that_does_not_resolve_or_cannot_be_sent_to_is_refused_at_registration_in_production(
    production: tuple[World, Recorder],
) -> None:
    world, _ = production
    refused = await register(world, "https://nowhere.invalid/hook")
    assert refused.status_code == 422 and refused.json()["code"] == "unresolvable-url"
    octal = await register(world, "https://0177.0.0.1/hook")  # the client refuses to send there at all
    assert octal.status_code == 422 and octal.json()["code"] == "invalid-url"


async def test_a_name_that_turns_to_loopback_after_registration_gets_no_request_until_it_is_public_again(
    production: tuple[World, Recorder], resolver: Resolver
) -> None:
    world, recorder = production
    created = await register(world, "https://receiver.example.no/hook")
    assert created.status_code == 201, created.text
    subscription = created.json()["id"]
    resolver.answers["receiver.example.no"] = ["127.0.0.1"]  # the DNS answer changes after the check
    await world.publish(*notices("ten-1", 1))

    async def attempted() -> bool:
        return any(d["attempts"] >= 1 for d in await world.deliveries(subscription))

    await world.drive_until(attempted)
    assert recorder.requests == []
    [delivery] = await world.deliveries(subscription)
    assert delivery["status"] == "pending" and delivery["last_status_code"] is None
    assert "internal address" in delivery["last_error"] and "127.0.0.1" not in delivery["last_error"]

    resolver.answers["receiver.example.no"] = [PUBLIC]
    await world.drive(lambda: len(recorder.requests) == 1)


@pytest.mark.parametrize("url", INTERNAL_SPELLINGS)
async def test_a_subscription_stored_with_an_internal_address_gets_no_request_at_delivery(
    production: tuple[World, Recorder], url: str
) -> None:
    world, recorder = production
    created = await register(world, "https://receiver.example.no/hook")
    subscription = created.json()["id"]
    # As one registered before addresses were checked: the URL straight into the table.
    async with world.runtime.database.engine.begin() as connection:
        await connection.execute(text("UPDATE webhook_subscription SET url = :url"), {"url": url})
    await world.publish(*notices("ten-1", 1))

    async def attempted() -> bool:
        return any(d["attempts"] >= 1 for d in await world.deliveries(subscription))

    await world.drive_until(attempted)
    assert recorder.requests == []
    async with world.client() as client:
        assert (await client.post(f"/v1/webhooks/{subscription}/ping")).json() == {"delivered": False}
    assert recorder.requests == []


async def test_the_request_connects_to_the_checked_address_with_the_receivers_name_for_host_and_tls(
    production: tuple[World, Recorder], resolver: Resolver
) -> None:
    world, recorder = production
    created = await register(world, "https://receiver.example.no:8443/hook?v=2")
    await world.publish(*notices("ten-1", 1))
    asked_before = len(resolver.asked)
    await world.drive(lambda: len(recorder.requests) == 1)
    [request] = recorder.requests
    assert str(request.url) == f"https://{PUBLIC}:8443/hook?v=2"
    assert request.headers["host"] == "receiver.example.no:8443"
    assert request.extensions["sni_hostname"] == "receiver.example.no"  # TLS: SNI and the certificate's name
    # One answer, checked and used: the name is resolved once for the attempt, not again when connecting.
    assert resolver.asked[asked_before:] == ["receiver.example.no"]
    assert created.status_code == 201


async def test_in_development_a_local_receiver_is_reached_through_the_address_its_name_resolved_to(
    world: World, receivers: ReceiverServer, resolver: Resolver
) -> None:
    receiver = receivers.add("named")
    resolver.answers["receiver.test"] = ["127.0.0.1"]  # no DNS knows this name: only the checked address works
    receiver.url = f"http://receiver.test:{receivers.port}/named"
    await world.subscribe(receiver, ["tenancy.*"])
    await world.publish(*notices("ten-1", 1))
    await world.drive(lambda: len(receiver.accepted) == 1)
    assert receiver.accepted[0].headers["host"] == f"receiver.test:{receivers.port}"


async def test_ping_answers_only_whether_it_was_delivered(world: World, receivers: ReceiverServer) -> None:
    up = receivers.add("up")
    down = receivers.add("down", fail_first=1)
    answers: list[dict[str, Any]] = []
    for receiver in (up, down):
        subscription = await world.subscribe(receiver, ["tenancy.*"])
        async with world.client() as client:
            answers.append((await client.post(f"/v1/webhooks/{subscription}/ping")).json())
    # No status code, error or latency: ping is no probe of what answers where.
    assert answers == [{"delivered": True}, {"delivered": False}]
    assert up.events[0]["type"] == "no.larvik.boligflyt.webhook.ping.v1"
    assert down.requests == 1


def certificate_for(name: str, directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for `name` alone (no IP address in it) and its key, as files."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / f"{name}.pem", directory / f"{name}.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@pytest.mark.parametrize(("certified", "delivered"), [("receiver.test", True), ("someone-else.test", False)])
async def test_over_https_the_checked_address_is_connected_and_tls_checks_the_receivers_name(
    tmp_path: Path, resolver: Resolver, monkeypatch: pytest.MonkeyPatch, certified: str, delivered: bool
) -> None:
    cert_file, key_file = certificate_for(certified, tmp_path)
    server = ReceiverServer(ssl_certfile=str(cert_file), ssl_keyfile=str(key_file))
    server.start()
    trusted = ssl.create_default_context(cafile=str(cert_file))  # trusts this certificate as the only authority
    monkeypatch.setattr(
        delivery, "webhook_client", lambda settings: httpx.AsyncClient(verify=trusted, timeout=settings.timeout_seconds)
    )
    # No DNS knows receiver.test: the connection can only go to the address the check resolved it to, and the
    # certificate (for a name, with no address in it) verifies only if TLS is given the name.
    resolver.answers["receiver.test"] = ["127.0.0.1"]
    try:
        async with ServiceHarness([build_definition(FAST)], tmp_path) as harness:
            world = World.of(harness, FAST)
            try:
                receiver = server.add("tls")
                receiver.url = f"https://receiver.test:{server.port}/tls"
                subscription = await world.subscribe(receiver, ["tenancy.*"])
                async with world.client() as client:
                    ping = (await client.post(f"/v1/webhooks/{subscription}/ping")).json()
            finally:
                await world.worker.close()
    finally:
        server.stop()
    assert ping == {"delivered": delivered}
    assert len(receiver.accepted) == (1 if delivered else 0)
