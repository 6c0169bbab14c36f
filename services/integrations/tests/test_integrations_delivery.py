"""Webhook delivery against a real receiver on 127.0.0.1: signatures, order per key, retries, timeouts, pausing."""

from __future__ import annotations

import asyncio
import json
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.examples import example_for, examples
from boligflyt.integrations.delivery import DeliveryWorker
from boligflyt.integrations.main import build_definition
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.integrations.signing import signature_headers
from boligflyt.platform.runtime import create_embedded_app
from boligflyt.testkit import ServiceHarness, embedded_settings

from .conftest import FAST, ReceiverServer, World, notices

SIGNED = "no.larvik.boligflyt.tenancy.signed.v1"


async def test_every_delivery_is_a_signed_structured_cloudevent_the_receiver_verifies(
    world: World, receivers: ReceiverServer
) -> None:
    facilit = receivers.add("facilit")
    await world.subscribe(facilit, ["tenancy.*", "dwelling.changed.v1"])
    signed = example_for(SIGNED)
    [envelope, _, _] = await world.publish(
        signed,
        example_for("no.larvik.boligflyt.dwelling.changed.v1"),
        example_for("no.larvik.boligflyt.need.reported.v1"),
    )
    await world.drive(lambda: len(facilit.accepted) == 2)

    first = facilit.accepted[0]
    assert first.event["specversion"] == "1.0"
    assert first.event["id"] == envelope.id
    assert first.event["type"] == SIGNED
    assert first.event["source"] == "/boligflyt/applications"
    assert first.event["partitionkey"] == signed.key
    assert first.event["dataschema"].endswith(f"{SIGNED}.json")
    # Rent facts for invoicing, exactly the contract's fields and nothing added.
    assert first.event["data"] == signed.model_dump(mode="json")
    assert first.event["data"]["monthly_rent"] == 5600
    assert first.webhook_id.startswith("msg_")
    assert [e["type"] for e in facilit.events] == [SIGNED, "no.larvik.boligflyt.dwelling.changed.v1"]
    assert facilit.rejected == []


async def test_the_receiver_rejects_tampered_stale_and_replayed_deliveries(
    world: World, receivers: ReceiverServer
) -> None:
    facilit = receivers.add("facilit")
    await world.subscribe(facilit, ["tenancy.*"])
    await world.publish(example_for(SIGNED))
    await world.drive(lambda: len(facilit.accepted) == 1)
    original = facilit.accepted[0]
    secret = facilit.secrets[0]

    async with httpx.AsyncClient() as client:

        async def send(body: bytes, headers: dict[str, str]) -> int:
            headers = {k: v for k, v in headers.items() if k.startswith("webhook-")}
            headers["content-type"] = "application/cloudevents+json"
            return (await client.post(facilit.url, content=body, headers=headers)).status_code

        replayed = await send(original.body, original.headers)
        tampered_body = original.body.replace(b'"monthly_rent":5600', b'"monthly_rent":1')
        assert tampered_body != original.body
        tampered = await send(tampered_body, original.headers)
        stale_at = datetime.now(UTC) - timedelta(minutes=6)
        stale = await send(original.body, signature_headers([secret], "msg_stale", stale_at, original.body.decode()))
        fresh = await send(
            original.body, signature_headers([secret], "msg_fresh", datetime.now(UTC), original.body.decode())
        )
        wrong_key = signature_headers(["whsec_" + "A" * 43 + "="], "msg_x", datetime.now(UTC), original.body.decode())
        forged = await send(original.body, wrong_key)

    assert (replayed, tampered, stale, forged) == (409, 401, 401, 401)
    assert fresh == 204  # the same body, correctly signed now: the checks reject only what they should
    assert [why for _, why in facilit.rejected] == ["replayed", *["standardwebhooks refused"] * 3]


async def test_a_receiver_failing_five_times_gets_the_event_once_and_in_order_with_later_events_of_its_key(
    world: World, receivers: ReceiverServer
) -> None:
    flaky = receivers.add("flaky", fail_first=5)
    subscription = await world.subscribe(flaky, ["tenancy.*"])
    sent = await world.publish(*notices("ten-9", 4))

    async def all_succeeded() -> bool:
        log = await world.deliveries(subscription)
        return len(log) == 4 and all(d["status"] == "succeeded" for d in log)

    await world.drive_until(all_succeeded)

    assert [e["id"] for e in flaky.events] == [e.id for e in sent]
    assert len({r.webhook_id for r in flaky.accepted}) == 4
    assert flaky.failed == 5
    assert flaky.requests == 9  # five failures of the first, then each event once

    async with world.client() as client:
        log = (await client.get(f"/v1/webhooks/{subscription}/deliveries")).json()
    assert log["total"] == 4
    oldest = log["items"][-1]
    assert (oldest["status"], oldest["attempts"], oldest["last_status_code"]) == ("succeeded", 6, 204)
    assert [item["attempts"] for item in log["items"][:-1]] == [1, 1, 1]
    assert all(item["latency_ms"] is not None for item in log["items"])


async def test_a_failing_key_does_not_hold_up_other_keys_of_the_same_subscription(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("r", fail_first=3)
    await world.subscribe(receiver, ["tenancy.*"])
    [first, *_] = await world.publish(*notices("ten-a", 1))
    others = await world.publish(*notices("ten-b", 2))
    await world.drive(lambda: len(receiver.accepted) == 3)
    order = [e["id"] for e in receiver.events]
    # ten-a's event is retried; ten-b's go ahead meanwhile and keep their own order.
    assert order.index(others[0].id) < order.index(others[1].id)
    assert set(order) == {first.id, *(e.id for e in others)}


async def test_a_hanging_receiver_does_not_delay_another_subscribers_deliveries(
    world: World, receivers: ReceiverServer
) -> None:
    hanging = receivers.add("hanging", hang=True)
    healthy = receivers.add("healthy")
    await world.subscribe(hanging, ["tenancy.*"], subject="archive")
    await world.subscribe(healthy, ["tenancy.*"])
    await world.publish(*notices("ten-1", 3), *notices("ten-2", 3))
    took = await world.drive(lambda: len(healthy.accepted) == 6)
    # The hanging one times out after 3 s per attempt; the healthy one is done long before the first timeout.
    assert took < FAST.timeout_seconds
    assert hanging.accepted == []
    assert hanging.requests >= 1


async def test_a_subscription_failing_past_the_retry_window_is_paused_with_the_reason_then_redriven(
    tmp_path: Path, receivers: ReceiverServer
) -> None:
    settings = IntegrationsSettings(retry_schedule_seconds=(0.05, 0.05), timeout_seconds=1, poll_seconds=0.05)
    async with ServiceHarness([build_definition(settings)], tmp_path) as harness:
        world = World.of(harness, settings)
        try:
            down = receivers.add("down", fail_first=1000)
            subscription = await world.subscribe(down, ["tenancy.*"])
            sent = await world.publish(*notices("ten-5", 2))
            async with world.client() as client:

                async def paused() -> bool:
                    return (await world.subscription(subscription))["status"] == "paused"

                await world.drive_until(paused)
                view = (await client.get(f"/v1/webhooks/{subscription}")).json()
                assert view["paused_by"] == "delivery_failures"
                assert "failed 3 times" in view["paused_reason"]
                assert "HTTP 500" in view["paused_reason"]
                failed = (await client.get(f"/v1/webhooks/{subscription}/deliveries?status=failed")).json()
                assert [d["event_id"] for d in failed["items"]] == [sent[0].id]
                assert failed["items"][0]["last_error"] == "receiver answered HTTP 500"
                # The second event of the key never went out before the first.
                assert down.requests == 3

                # Paused: nothing is sent, however long the worker runs.
                await world.worker.tick()
                await world.worker.wait(0.1)
                assert down.requests == 3

                down.fail_first = 0
                resumed = await client.post(f"/v1/webhooks/{subscription}/resume")
                assert resumed.status_code == 200 and resumed.json()["status"] == "active"
                await world.drive(lambda: len(down.accepted) == 2)
                assert [e["id"] for e in down.events] == [e.id for e in sent]
                redrive = await client.post(f"/v1/webhooks/{subscription}/deliveries/redrive")
                assert redrive.json() == {"redriven": 0}
        finally:
            await world.worker.close()


async def test_redrive_puts_failed_deliveries_back(tmp_path: Path, receivers: ReceiverServer) -> None:
    settings = IntegrationsSettings(retry_schedule_seconds=(0.05,), timeout_seconds=1, poll_seconds=0.05)
    async with ServiceHarness([build_definition(settings)], tmp_path) as harness:
        world = World.of(harness, settings)
        try:
            receiver = receivers.add("r", fail_first=2)
            subscription = await world.subscribe(receiver, ["tenancy.*"])
            await world.publish(*notices("ten-5", 1))

            async def paused() -> bool:
                return (await world.subscription(subscription))["status"] == "paused"

            await world.drive_until(paused)
            assert receiver.requests == 2
            async with world.client() as client:
                # Redrive while paused re-queues; nothing goes out until the owner resumes.
                assert (await client.post(f"/v1/webhooks/{subscription}/deliveries/redrive")).json() == {"redriven": 1}
                assert (await client.post(f"/v1/webhooks/{subscription}/resume")).status_code == 200
            await world.drive(lambda: len(receiver.accepted) == 1)
        finally:
            await world.worker.close()


async def test_after_rotating_the_secret_both_signatures_travel_until_the_grace_period_ends(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("r")
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    old_secret = receiver.secrets[0]
    async with world.client() as client:
        rotated = (await client.post(f"/v1/webhooks/{subscription}/rotate-secret")).json()
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != old_secret
    receiver.secrets[:] = [rotated["secret"]]  # a receiver that already switched to the new secret
    await world.publish(*notices("ten-1", 1))
    await world.drive(lambda: len(receiver.accepted) == 1)
    assert len(receiver.accepted[0].headers["webhook-signature"].split()) == 2


async def test_a_paused_subscription_queues_and_delivers_in_order_on_resume(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("r")
    other = receivers.add("other")
    subscription = await world.subscribe(receiver, ["tenancy.notice_given.v1", "tenancy.notice_withdrawn.*"])
    await world.subscribe(other, ["dwelling.*"])
    async with world.client() as client:
        assert (await client.post(f"/v1/webhooks/{subscription}/pause", json={"reason": "upgrade"})).status_code == 200
    sent = await world.publish(*notices("ten-1", 3))
    await world.worker.tick()
    await world.worker.wait(0.1)
    assert receiver.requests == 0
    async with world.client() as client:
        assert (await client.post(f"/v1/webhooks/{subscription}/resume")).status_code == 200
    await world.drive(lambda: len(receiver.accepted) == 3)
    assert [e["id"] for e in receiver.events] == [e.id for e in sent]
    assert other.requests == 0  # no dwelling event was published


async def test_ping_sends_a_signed_test_event_now(world: World, receivers: ReceiverServer) -> None:
    receiver = receivers.add("r")
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    async with world.client() as client:
        answer = (await client.post(f"/v1/webhooks/{subscription}/ping")).json()
    assert answer == {"delivered": True}
    assert receiver.events[0]["type"] == "no.larvik.boligflyt.webhook.ping.v1"
    assert receiver.accepted[0].webhook_id.startswith("msg_")


async def test_a_deleted_subscription_gets_nothing_more(world: World, receivers: ReceiverServer) -> None:
    receiver = receivers.add("r")
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    await world.publish(*notices("ten-1", 1))
    async with world.client() as client:
        assert (await client.delete(f"/v1/webhooks/{subscription}")).status_code == 204
    await world.worker.tick()
    await world.worker.wait(0.1)
    assert receiver.requests == 0


@pytest.mark.postgres
@pytest.mark.kafka
async def test_distributed_a_flaky_receiver_gets_each_event_once_in_order(
    tmp_path: Path, receivers: ReceiverServer
) -> None:
    async with ServiceHarness([build_definition(FAST)], tmp_path, kind="distributed") as harness:
        world = World.of(harness, FAST)
        try:
            flaky = receivers.add("flaky", fail_first=5)
            healthy = receivers.add("healthy")
            await world.subscribe(flaky, ["tenancy.*"])
            await world.subscribe(healthy, ["tenancy.notice_*"])
            sent = await world.publish(*notices("ten-9", 3), *notices("ten-8", 2))
            await world.drive(lambda: len(flaky.accepted) == 5 and len(healthy.accepted) == 5, timeout=30)
            for receiver in (flaky, healthy):
                for key in ("ten-9", "ten-8"):
                    mine = [e.id for e in sent if e.key == key]
                    assert [e["id"] for e in receiver.events if e["partitionkey"] == key] == mine
            # Handling the same events again (a consumer restart) makes no second delivery.
            second = DeliveryWorker(world.runtime.database, FAST, production=False)
            try:
                await harness.settle()
                await second.tick()
                await second.wait(0.2)
            finally:
                await second.close()
            assert len(flaky.accepted) == 5 and len(healthy.accepted) == 5
        finally:
            await world.worker.close()


async def test_the_running_service_delivers_by_itself_and_stops_cleanly_with_a_receiver_hanging(
    tmp_path: Path, receivers: ReceiverServer
) -> None:
    hanging = receivers.add("hanging", hang=True)
    healthy = receivers.add("healthy")
    settings = embedded_settings(tmp_path / "data")
    host = create_embedded_app([build_definition(FAST)], settings)
    async with host.router.lifespan_context(host):
        runtime = host.state.runtimes["integrations"]
        world = World(runtime, FAST)
        await world.subscribe(hanging, ["tenancy.*"], subject="archive")
        await world.subscribe(healthy, ["tenancy.*"])
        sent = [Envelope(data=e) for e in notices("ten-1", 2)]
        await host.state.bus.publish([to_wire(e) for e in sent])
        deadline = time.monotonic() + 10
        while len(healthy.accepted) < 2:
            assert time.monotonic() < deadline, "the job did not deliver"
            await asyncio.sleep(0.05)
        assert [e["id"] for e in healthy.events] == [e.id for e in sent]
        stopping = time.monotonic()
    # Stopping cancelled the worker's task stuck on the hanging receiver instead of waiting for it.
    assert time.monotonic() - stopping < FAST.timeout_seconds + 2


async def test_every_event_of_the_catalogue_leaves_with_the_contracts_fields_only(
    world: World, receivers: ReceiverServer
) -> None:
    archive = receivers.add("archive")
    await world.subscribe(archive, ["*"], subject="archive")
    sent = await world.publish(*examples())
    await world.drive(lambda: len(archive.accepted) == len(sent))
    by_id = {e["id"]: e for e in archive.events}
    attributes = {"specversion", "id", "source", "type", "time", "datacontenttype", "dataschema", "partitionkey"}
    for envelope in sent:
        event = by_id[envelope.id]
        assert set(event) - {"subject"} == attributes | {"data"}
        assert event["data"] == envelope.data.model_dump(mode="json")
        # No national identity number, in any field: persons travel as 64-hex pseudonyms only.
        assert not re.search(r"(?<!\d)\d{11}(?!\d)", json.dumps(event["data"]))


@pytest.mark.postgres
@pytest.mark.kafka
async def test_distributed_the_whole_lifecycle_on_postgresql(tmp_path: Path, receivers: ReceiverServer) -> None:
    settings = FAST.model_copy(update={"retry_schedule_seconds": (0.05, 0.05)})
    async with ServiceHarness([build_definition(settings)], tmp_path, kind="distributed") as harness:
        world = World.of(harness, settings)
        try:
            receiver = receivers.add("r", fail_first=3)
            subscription = await world.subscribe(receiver, ["tenancy.*"])
            sent = await world.publish(*notices("ten-1", 2))

            async def paused() -> bool:
                return (await world.subscription(subscription))["status"] == "paused"

            await world.drive_until(paused, timeout=30)
            assert "HTTP 500" in (await world.subscription(subscription))["paused_reason"]
            async with world.client() as client:
                url = f"/v1/webhooks/{subscription}"
                assert (await client.patch(url, json={"description": "after the outage"})).status_code == 200
                rotated = (await client.post(f"{url}/rotate-secret")).json()
                receiver.secrets.append(rotated["secret"])
                assert (await client.post(f"{url}/resume")).status_code == 200
            await world.drive(lambda: len(receiver.accepted) == 2, timeout=30)
            assert [e["id"] for e in receiver.events] == [e.id for e in sent]

            async def all_succeeded() -> bool:
                return all(d["status"] == "succeeded" for d in await world.deliveries(subscription))

            await world.drive_until(all_succeeded)
            log = await world.deliveries(subscription)
            assert [d["attempts"] for d in log] == [1, 1]  # counted anew since the redrive on resume
            async with world.client() as client:
                assert (await client.delete(f"/v1/webhooks/{subscription}")).status_code == 204
        finally:
            await world.worker.close()


async def test_a_receiver_that_never_answers_is_timed_out_and_retried(
    tmp_path: Path, receivers: ReceiverServer
) -> None:
    settings = FAST.model_copy(update={"timeout_seconds": 0.3})
    async with ServiceHarness([build_definition(settings)], tmp_path) as harness:
        world = World.of(harness, settings)
        try:
            hanging = receivers.add("hanging", hang=True)
            subscription = await world.subscribe(hanging, ["tenancy.*"])
            await world.publish(*notices("ten-1", 1))

            async def retried() -> bool:
                [delivery] = await world.deliveries(subscription)
                return delivery["attempts"] >= 2

            await world.drive_until(retried)
            [delivery] = await world.deliveries(subscription)
            assert delivery["status"] == "pending" and delivery["last_error"] == "no answer within 0.3 s"
            assert delivery["last_status_code"] is None and delivery["latency_ms"] >= 300
        finally:
            await world.worker.close()


async def test_deliveries_waiting_behind_a_retry_do_not_make_the_worker_spin(
    tmp_path: Path, receivers: ReceiverServer
) -> None:
    settings = FAST.model_copy(update={"retry_schedule_seconds": (60.0,), "poll_seconds": 0.05})
    async with ServiceHarness([build_definition(settings)], tmp_path) as harness:
        world = World.of(harness, settings)
        try:
            receiver = receivers.add("r", fail_first=1)
            subscription = await world.subscribe(receiver, ["tenancy.*"])
            await world.publish(*notices("ten-1", 2))  # the second waits a minute behind the first's retry

            async def retry_scheduled() -> bool:
                return any(d["attempts"] == 1 for d in await world.deliveries(subscription))

            await world.drive_until(retry_scheduled)
            started = 0
            until = time.monotonic() + 0.5
            while time.monotonic() < until:
                started += await world.worker.tick()
                await world.worker.wait(settings.poll_seconds)
            assert started <= 0.5 / settings.poll_seconds + 2
            assert receiver.requests == 1
        finally:
            await world.worker.close()


async def test_running_the_jobs_by_hand_delivers_and_returns_when_nothing_is_left(
    world: World, receivers: ReceiverServer
) -> None:
    started = time.monotonic()
    await world.harness.run_jobs("integrations")
    assert time.monotonic() - started < 0.5  # nothing due: no waiting (other services' tests run it too)
    receiver = receivers.add("r")
    await world.subscribe(receiver, ["tenancy.*"])
    await world.publish(*notices("ten-1", 3))
    await world.harness.run_jobs("integrations")
    assert len(receiver.accepted) == 3
    await world.runtime.app.state.delivery_worker.close()


async def test_a_worker_that_stops_hands_its_leases_back(tmp_path: Path, receivers: ReceiverServer) -> None:
    """Stopped while it held a subscription (a deploy, a test between phases), a worker must not keep the
    subscription from the next worker for the lease's whole length."""
    async with ServiceHarness([build_definition(FAST)], tmp_path) as harness:
        world = World.of(harness, FAST)
        subscription = await world.subscribe(receivers.add("r"), ["tenancy.*"])
        assert await world.worker._take_lease(subscription)
        await world.worker.close()
        successor = DeliveryWorker(harness.runtimes["integrations"].database, FAST, production=False)
        try:
            assert await successor._take_lease(subscription)
        finally:
            await successor.close()
