"""With real PostgreSQL and Kafka: a move-in ends the matching stay exactly once, though delivered twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boligflyt.contracts.events import temporary_housing as ev
from boligflyt.contracts.events.applications import AllocationDecided, TenancyMovedIn
from boligflyt.platform.auth import Agency
from boligflyt.platform.tables import inbox
from boligflyt.temporary_housing.main import definition
from boligflyt.temporary_housing.service.reactions import on_application_submitted
from boligflyt.temporary_housing.service.stays import get_stay, record_link
from boligflyt.testkit import ServiceHarness

from .conftest import new_agreement, new_provider, publish, ref_of, stay_body

pytestmark = [pytest.mark.kafka, pytest.mark.postgres, pytest.mark.slow]

SERVICE = "temporary-housing"


async def test_a_move_in_delivered_twice_ends_the_matching_stay_once(tmp_path: Path) -> None:
    async with ServiceHarness(
        [definition], tmp_path, kind="distributed", start=datetime(2015, 1, 5, 9, tzinfo=UTC)
    ) as harness:
        await harness.bus.ensure_topics(["boligflyt.applications"])
        async with harness.client(SERVICE, Agency.nav) as nav:
            provider_id = await new_provider(nav)
            await new_agreement(nav, provider_id)
            body = stay_body(provider_id)
            stay_id = (await nav.post("/v1/stays", json=body)).json()["stay_id"]
            other = (await nav.post("/v1/stays", json=stay_body(provider_id, serial=321))).json()["stay_id"]
            ref = ref_of(body["person"]["national_id"])

            await publish(
                harness,
                AllocationDecided(
                    application_id="app-0042",
                    dwelling_id="lke-0002",
                    person_ref=ref,
                    decided_on=date(2015, 2, 20),
                    no_fixed_address=True,
                ),
            )
            harness.clock.set(datetime(2015, 3, 16, 9, tzinfo=UTC))  # a move-in is recorded when it happens
            moved_in = TenancyMovedIn(
                tenancy_id="ten-0101",
                dwelling_id="lke-0002",
                application_id="app-0042",
                person_ref=ref,
                move_in_date=date(2015, 3, 16),
                first_let=False,
            )
            envelope = await publish(harness, moved_in)
            await harness.settle()
            await publish(harness, moved_in, envelope)  # redelivered after the first was handled
            await harness.settle()

            stay = (await nav.get(f"/v1/stays/{stay_id}")).json()
            assert stay["state"] == "ended" and stay["end_reason"] == "permanent_housing"
            assert stay["end_date"] == "2015-03-16" and stay["tenancy_id"] == "ten-0101"
            assert stay["nights"] == 70 and stay["cost"] == 70 * 600
            assert (await nav.get(f"/v1/stays/{other}")).json()["state"] == "started"

        events = [e.data for e in await harness.events("boligflyt.temporary-housing")]
        ended = [e for e in events if isinstance(e, ev.StayEnded)]
        assert [(e.stay_id, e.tenancy_id, e.nights) for e in ended] == [(stay_id, "ten-0101", 70)]
        database = harness.runtimes[SERVICE].database
        assert database.dialect == "postgresql"
        async with database.sessions() as session:
            handled = await session.scalar(
                select(func.count()).select_from(inbox).where(inbox.c.event_id == envelope.id)
            )
        assert handled == 1


async def test_nav_linking_a_stay_while_the_application_event_arrives_records_one_link(tmp_path: Path) -> None:
    """On PostgreSQL a request and an event handler changing the same stay at once: the second waits for the
    first (the stay's row is locked) and finds the link made, instead of both reading it unlinked."""
    async with ServiceHarness(
        [definition], tmp_path, kind="distributed", start=datetime(2015, 1, 5, 9, tzinfo=UTC)
    ) as harness:
        async with harness.client(SERVICE, Agency.nav) as nav:
            provider_id = await new_provider(nav)
            await new_agreement(nav, provider_id)
            body = stay_body(provider_id)
            stay_id = (await nav.post("/v1/stays", json=body)).json()["stay_id"]
        database = harness.runtimes[SERVICE].database
        linking = asyncio.Event()

        async def nav_links() -> None:
            async with database.unit_of_work("nav:caseworker") as uow:
                stay = await get_stay(uow.session, stay_id, lock=True)
                record_link(uow, stay, "app-0042", date(2015, 1, 5), date(2015, 1, 5))
                linking.set()
                await asyncio.sleep(0.5)  # the event arrives while this transaction is open
                await uow.commit()

        async def event_links() -> None:
            await linking.wait()
            async with database.unit_of_work("event:temporary-housing") as uow:
                await on_application_submitted(
                    uow, "app-0042", ref_of(body["person"]["national_id"]), date(2015, 1, 5), stay_id
                )
                await uow.commit()

        await asyncio.gather(nav_links(), event_links())
        await harness.settle()
        events = [e.data for e in await harness.events("boligflyt.temporary-housing")]
        assert [e.stay_id for e in events if isinstance(e, ev.StayApplicationLinked)] == [stay_id]
