"""Both ways to run start every service, answer readiness, and survive a crash of a process."""

from __future__ import annotations

from boligflyt.platform.auth import Agency

from .system import System


async def test_every_service_is_ready_and_documents_its_api(system: System) -> None:
    for name in system.services:
        async with system.client(name, Agency.coordinator) as client:
            assert (await client.get("/readyz")).status_code == 200
            assert (await client.get("/openapi.json")).status_code == 200


async def test_a_killed_process_starts_again_with_its_data(system: System) -> None:
    victim = "embedded" if system.kind == "embedded" else system.services[0]
    system.kill(victim)
    await system.restart(victim)
    async with system.client(system.services[0], Agency.coordinator) as client:
        assert (await client.get("/readyz")).json()["status"] == "ok"
