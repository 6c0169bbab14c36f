"""The Standard Webhooks recommendations a sender should follow, and what an integrator can do about what it
missed: 410 disables the endpoint, Retry-After is honoured, retry delays are spread by jitter within bounds,
each rotated secret keeps its own grace period, a subscription sets its own policy within the operator's
bounds, the delivery log filters and shows each attempt and the body, and a replay sends a range again."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from standardwebhooks import Webhook

from boligflyt.integrations import domain
from boligflyt.integrations.delivery import prune_delivery_log
from boligflyt.integrations.domain import PolicyBounds, RetiredSecret, RetrySchedule
from boligflyt.integrations.main import build_definition
from boligflyt.integrations.models import WebhookAttempt
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.platform.errors import RuleViolation
from boligflyt.testkit import ServiceHarness

from .conftest import FAST, ReceiverServer, World, notices

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


# --- the rules -----------------------------------------------------------------------------------------


def test_jitter_keeps_every_retry_delay_within_its_bounds_and_spreads_them() -> None:
    schedule = RetrySchedule((10.0, 100.0, 1000.0), jitter=0.2)
    draw = random.Random(7).uniform
    for attempts, delay in ((1, 10.0), (2, 100.0), (3, 1000.0)):
        waits = [(schedule.next_attempt(attempts, T0, draw) - T0).total_seconds() for _ in range(500)]  # type: ignore[operator]
        assert min(waits) >= delay * 0.8 and max(waits) <= delay * 1.2
        assert max(waits) - min(waits) > delay * 0.3, "jitter should spread the delays over most of the range"
    # The extremes of the draw are the bounds themselves; and the delays grow (exponential backoff).
    assert schedule.next_attempt(2, T0, lambda low, high: low) == T0 + timedelta(seconds=80)
    assert schedule.next_attempt(2, T0, lambda low, high: high) == T0 + timedelta(seconds=120)
    assert schedule.next_attempt(4, T0, draw) is None
    default = RetrySchedule()
    assert all(a < b for a, b in zip(default.delays, default.delays[1:-1], strict=False))


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert domain.retry_after_seconds("120", T0) == 120
    assert domain.retry_after_seconds("Mon, 02 Mar 2026 12:01:30 GMT", T0) == 90
    assert domain.retry_after_seconds("Mon, 02 Mar 2026 11:00:00 GMT", T0) == 0  # in the past: now
    assert domain.retry_after_seconds("soon", T0) is None
    assert domain.retry_after_seconds(None, T0) is None


def test_each_rotated_secret_keeps_its_own_grace_period() -> None:
    grace = timedelta(hours=24)
    first = domain.secrets_after_rotation([], "sealed-1", T0, grace)
    second = domain.secrets_after_rotation(first, "sealed-2", T0 + timedelta(hours=1), grace)
    assert second == [
        RetiredSecret("sealed-1", T0 + grace),
        RetiredSecret("sealed-2", T0 + timedelta(hours=1) + grace),
    ]
    assert [s.sealed for s in domain.secrets_in_force(second, T0 + timedelta(hours=2))] == ["sealed-2", "sealed-1"]
    assert [s.sealed for s in domain.secrets_in_force(second, T0 + timedelta(hours=24, minutes=30))] == ["sealed-2"]
    third = domain.secrets_after_rotation(second, "sealed-3", T0 + timedelta(hours=24, minutes=30), grace)
    assert [s.sealed for s in third] == ["sealed-2", "sealed-3"]  # the expired one is dropped


def test_a_subscription_policy_must_stay_within_the_operator_bounds() -> None:
    bounds = PolicyBounds()
    domain.check_delivery_policy([5, 60, 600], 20, bounds)
    domain.check_delivery_policy(None, None, bounds)
    for schedule, timeout in (
        (None, 10.0),  # below 15 s
        (None, 45.0),  # above 30 s
        ([0.1], None),  # shorter than the least delay
        ([5, 60, 200000], None),  # longer than a day
        ([1] * 13, None),  # too many retries
        ([600, 60], None),  # shrinking
        ([], None),
    ):
        with pytest.raises(RuleViolation):
            domain.check_delivery_policy(schedule, timeout, bounds)


# --- through the service -------------------------------------------------------------------------------


async def test_410_gone_disables_the_endpoint_at_once(world: World, receivers: ReceiverServer) -> None:
    gone = receivers.add("gone", fail_first=100, fail_status=410)
    subscription = await world.subscribe(gone, ["tenancy.*"])
    await world.publish(*notices("ten-gone-1", 1), *notices("ten-gone-2", 1))

    async def disabled() -> bool:
        return (await world.subscription(subscription))["status"] == "paused"

    await world.drive_until(disabled)
    view = await world.subscription(subscription)
    assert view["paused_by"] == "receiver_gone" and "410" in view["paused_reason"]
    assert gone.requests == 1, "nothing more is sent once the receiver said 410"
    deliveries = await world.deliveries(subscription)
    assert [(d["status"], d["attempts"]) for d in deliveries if d["attempts"]] == [("failed", 1)]
    # Nothing more goes out while it stays disabled.
    for _ in range(5):
        await world.worker.tick()
        await world.worker.wait(0.05)
    assert gone.requests == 1


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_is_honoured_on_429_and_503(world: World, receivers: ReceiverServer, status: int) -> None:
    busy = receivers.add("busy", fail_first=1, fail_status=status, fail_headers={"Retry-After": "2"})
    subscription = await world.subscribe(busy, ["tenancy.*"])
    await world.publish(*notices("ten-busy", 1))
    took = await world.drive(lambda: len(busy.accepted) == 1)
    # The schedule's delay is 0.05 s; the receiver asked for 2 s, and got them.
    assert took >= 1.9
    [delivery] = await world.deliveries(subscription)
    async with world.client() as client:
        detail = (await client.get(f"/v1/webhooks/{subscription}/deliveries/{delivery['id']}")).json()
    first, second = detail["attempt_log"]
    assert (first["status_code"], first["retry_after_seconds"]) == (status, 2)
    assert second["status_code"] == 204
    gap = datetime.fromisoformat(second["started_at"]) - datetime.fromisoformat(first["started_at"])
    assert gap >= timedelta(seconds=1.9)


async def test_a_second_rotation_keeps_the_first_old_secret_for_its_own_grace(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("rotating")
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    original = receiver.secrets[0]
    async with world.client() as client:
        first = (await client.post(f"/v1/webhooks/{subscription}/rotate-secret")).json()
        second = (await client.post(f"/v1/webhooks/{subscription}/rotate-secret")).json()
        view = (await client.get(f"/v1/webhooks/{subscription}")).json()
    assert len(view["previous_secrets_expire_at"]) == 2
    assert datetime.fromisoformat(first["previous_secret_expires_at"]) <= datetime.fromisoformat(
        second["previous_secret_expires_at"]
    )
    await world.publish(*notices("ten-rotate", 1))
    await world.drive(lambda: len(receiver.accepted) == 1)
    [received] = receiver.accepted
    # Three signatures, and each secret verifies on its own with the reference library: the receiver that
    # still holds the very first secret is not cut off by the second rotation.
    assert len(received.headers["webhook-signature"].split()) == 3
    for secret in (original, first["secret"], second["secret"]):
        Webhook(secret).verify(received.body, received.headers)


async def test_a_subscription_sets_its_own_policy_within_the_bounds(world: World, receivers: ReceiverServer) -> None:
    receiver = receivers.add("policy")
    async with world.client() as client:
        too_short = await client.post(
            "/v1/webhooks", json={"url": receiver.url, "event_types": ["tenancy.*"], "timeout_seconds": 5}
        )
        assert too_short.status_code == 422 and too_short.json()["code"] == "policy-out-of-bounds"
        created = await client.post(
            "/v1/webhooks",
            json={
                "url": receiver.url,
                "event_types": ["tenancy.*"],
                "timeout_seconds": 25,
                "retry_schedule_seconds": [5, 60, 600],
            },
        )
        assert created.status_code == 201, created.text
        assert (created.json()["timeout_seconds"], created.json()["retry_schedule_seconds"]) == (25, [5, 60, 600])
        subscription = created.json()["id"]
        bad = await client.patch(f"/v1/webhooks/{subscription}", json={"retry_schedule_seconds": [600, 5]})
        assert bad.status_code == 422
        reset = await client.patch(f"/v1/webhooks/{subscription}", json={"retry_schedule_seconds": None})
        assert reset.json()["retry_schedule_seconds"] is None and reset.json()["timeout_seconds"] == 25


async def test_the_delivery_log_filters_and_shows_the_body_and_each_attempt(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("log", fail_first=1)
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    before = datetime.now(UTC)
    envelopes = await world.publish(*notices("ten-log-1", 2), *notices("ten-log-2", 1))
    await world.drive(lambda: len(receiver.accepted) == 3)
    async with world.client() as client:

        async def log(**params: Any) -> list[dict[str, Any]]:
            response = await client.get(f"/v1/webhooks/{subscription}/deliveries", params=params)
            assert response.status_code == 200, response.text
            return list(response.json()["items"])

        assert len(await log()) == 3
        withdrawn = await log(event_type="tenancy.notice_withdrawn.v1")
        assert [d["event_id"] for d in withdrawn] == [envelopes[1].id]
        assert [d["event_id"] for d in await log(event_id=envelopes[2].id)] == [envelopes[2].id]
        assert len(await log(status="succeeded")) == 3 and await log(status="failed") == []
        assert len(await log(since=before.isoformat())) == 3
        assert await log(until=before.isoformat()) == []
        assert await log(since=datetime.now(UTC).isoformat()) == []
        bad = await client.get(f"/v1/webhooks/{subscription}/deliveries", params={"since": "yesterday"})
        assert bad.status_code == 422
        naive = await client.get(f"/v1/webhooks/{subscription}/deliveries", params={"since": "2026-01-01T00:00"})
        assert naive.status_code == 422

        first = next(d for d in await log(event_id=envelopes[0].id))
        detail = (await client.get(f"/v1/webhooks/{subscription}/deliveries/{first['id']}")).json()
    sent = next(r for r in receiver.accepted if r.webhook_id == first["id"])
    assert detail["body"].encode() == sent.body
    assert [a["status_code"] for a in detail["attempt_log"]] == [500, 204]
    assert all(a["latency_ms"] >= 0 and a["started_at"] for a in detail["attempt_log"])


async def test_a_replay_sends_exactly_the_events_of_the_range_once_in_order_per_key(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("replayed")
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    await world.publish(*notices("ten-r-1", 2))  # before the outage
    await world.drive(lambda: len(receiver.accepted) == 2)
    down_from = datetime.now(UTC)
    # Accepted, then lost when the receiver's system lost its data: these are the ones to ask for again.
    lost = await world.publish(*notices("ten-r-1", 3), *notices("ten-r-2", 3))
    await world.drive(lambda: len(receiver.accepted) == 8)
    down_until = datetime.now(UTC)
    await world.publish(*notices("ten-r-2", 1))  # after
    await world.drive(lambda: len(receiver.accepted) == 9)
    before_replay = len(receiver.accepted)

    async with world.client() as client:
        response = await client.post(
            f"/v1/webhooks/{subscription}/replays",
            json={"since": down_from.isoformat(), "until": down_until.isoformat()},
        )
        assert response.status_code == 201, response.text
        replay = response.json()
        assert replay["events"] == 6
        await world.drive(lambda: len(receiver.accepted) == before_replay + 6)
        for _ in range(5):  # and nothing more comes
            await world.worker.tick()
            await world.worker.wait(0.05)
        audit = await world.client("auditor", agency="coordinator").get("/v1/audit", params={"entity_id": subscription})
    replayed = receiver.accepted[before_replay:]
    assert len(receiver.accepted) == before_replay + 6
    # The receiver verified each with the reference library (conftest.Receiver); each is one lost event, once.
    assert sorted(r.event["id"] for r in replayed) == sorted(e.id for e in lost)
    assert all(r.headers["boligflyt-replay"] == replay["id"] for r in replayed)
    for key in ("ten-r-1", "ten-r-2"):
        expected = [e.id for e in lost if e.key == key]
        assert [r.event["id"] for r in replayed if r.event["data"]["tenancy_id"] == key] == expected
    actions = [row["action"] for row in audit.json()["items"]]
    assert "webhook.replayed" in actions


async def test_a_replay_from_an_event_on_and_its_bounds(tmp_path: Path, receivers: ReceiverServer) -> None:
    settings = FAST.model_copy(update={"replay_max_events": 3, "replay_max_range_days": 1.0})
    async with ServiceHarness([build_definition(settings)], tmp_path) as harness:
        world = World.of(harness, settings)
        try:
            receiver = receivers.add("bounded")
            subscription = await world.subscribe(receiver, ["tenancy.*"])
            envelopes = await world.publish(*notices("ten-b", 5))
            await world.drive(lambda: len(receiver.accepted) == 5)
            async with world.client() as client:
                url = f"/v1/webhooks/{subscription}/replays"
                too_many = await client.post(url, json={"from_event_id": envelopes[0].id})
                assert too_many.status_code == 422 and too_many.json()["code"] == "replay-too-large"
                too_long = await client.post(url, json={"since": (datetime.now(UTC) - timedelta(days=2)).isoformat()})
                assert too_long.status_code == 422 and too_long.json()["code"] == "replay-too-large"
                both = await client.post(
                    url, json={"since": datetime.now(UTC).isoformat(), "from_event_id": envelopes[0].id}
                )
                assert both.status_code == 422
                naive = await client.post(url, json={"since": "2026-01-01T00:00:00"})
                assert naive.status_code == 422, "a time without its offset is ambiguous"
                unknown = await client.post(url, json={"from_event_id": "no-such-event"})
                assert unknown.status_code == 404
                assert len(await world.deliveries(subscription)) == 5, "a refused replay changes nothing"
                tail = await client.post(url, json={"from_event_id": envelopes[3].id})
                assert tail.status_code == 201 and tail.json()["events"] == 2
                await world.drive(lambda: len(receiver.accepted) == 7)
                again = await client.get(
                    f"/v1/webhooks/{subscription}/deliveries", params={"replay_id": tail.json()["id"]}
                )
            assert [r.event["id"] for r in receiver.accepted[5:]] == [envelopes[3].id, envelopes[4].id]
            assert {d["replay_id"] for d in again.json()["items"]} == {tail.json()["id"]}
        finally:
            await world.worker.close()


def test_the_default_timeout_is_what_the_specification_recommends() -> None:
    settings = IntegrationsSettings()
    assert 15 <= settings.timeout_seconds <= 30
    assert (settings.min_timeout_seconds, settings.max_timeout_seconds) == (15, 30)


async def test_the_retention_period_forgets_succeeded_deliveries_with_their_attempts_and_keeps_failed_ones(
    world: World, receivers: ReceiverServer
) -> None:
    ok = receivers.add("kept-briefly")
    gone = receivers.add("gone-for-good", fail_first=100, fail_status=410)
    kept = await world.subscribe(ok, ["tenancy.*"])
    failed = await world.subscribe(gone, ["tenancy.*"])
    await world.publish(*notices("ten-prune", 2))

    async def settled() -> bool:
        return len(ok.accepted) == 2 and (await world.subscription(failed))["status"] == "paused"

    await world.drive_until(settled)
    database = world.runtime.database
    assert await prune_delivery_log(database, datetime.now(UTC) - timedelta(days=1)) == 0  # none old enough
    assert await prune_delivery_log(database, datetime.now(UTC) + timedelta(seconds=1)) == 2
    assert await world.deliveries(kept) == []
    assert [d["status"] for d in await world.deliveries(failed)] == ["pending", "failed"]
    async with database.sessions() as session:
        attempts = (await session.execute(select(WebhookAttempt.delivery_seq))).scalars().all()
    assert len(attempts) == 1, "the pruned deliveries' attempts went with them; the failed one's stayed"
