"""What every service takes from the platform instead of writing it again: ids, get-or-404, its own settings, the
person_ref filter, the clock, and reactions that take the contract event."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from sqlalchemy import Column, MetaData, String, Table, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.ordering import NeedReported
from boligflyt.platform.clock import ManualClock
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.errors import NotFound
from boligflyt.platform.ids import new_id
from boligflyt.platform.inbox import EventHandlers
from boligflyt.platform.personref import PersonRefQuery
from boligflyt.platform.problems import install_problem_handlers
from boligflyt.platform.runtime import ServiceDefinition
from boligflyt.platform.settings import ServiceSettings, service_settings_config
from boligflyt.testkit import ServiceHarness

from .conftest import need_reported


def test_ids_carry_their_kind_and_do_not_repeat() -> None:
    ids = {new_id("stay") for _ in range(10_000)}
    assert len(ids) == 10_000
    assert all(re.fullmatch(r"stay-[0-9a-f]{16}", i) for i in ids)


class Base(DeclarativeBase):
    pass


class Dwelling(Base):
    __tablename__ = "kit_dwellings"
    id: Mapped[str] = mapped_column(String(30), primary_key=True)


async def test_get_or_404_loads_the_row_or_names_what_is_missing(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'kit.sqlite'}", service="maintenance")
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        async with database.unit_of_work("test") as uow:
            uow.session.add(Dwelling(id="lke-0153"))
            await uow.commit()
        async with database.unit_of_work("test") as uow:
            assert (await get_or_404(uow.session, Dwelling, "lke-0153", what="dwelling", lock=True)).id == "lke-0153"
            with pytest.raises(NotFound) as missing:
                await get_or_404(uow.session, Dwelling, "lke-9999", what="dwelling", extra={"dwelling_id": "lke-9999"})
            assert missing.value.detail == "there is no dwelling lke-9999"
            assert missing.value.extra == {"dwelling_id": "lke-9999"}
            with pytest.raises(NotFound, match=r"^no dwelling lke-9999 in LKE's register$"):
                await get_or_404(
                    uow.session, Dwelling, "lke-9999", what="dwelling", detail="no dwelling lke-9999 in LKE's register"
                )
    finally:
        await database.dispose()


class OfferSettings(ServiceSettings):
    model_config = service_settings_config("temporary-housing")

    answer_days: int = 7


def test_a_service_reads_its_own_settings_under_its_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOLIGFLYT_TEMPORARY_HOUSING_ANSWER_DAYS", "10")
    monkeypatch.setenv("BOLIGFLYT_ANSWER_DAYS", "99")  # the platform's prefix alone is not this service's
    assert OfferSettings().answer_days == 10
    monkeypatch.setenv("BOLIGFLYT_TEMPORARY_HOUSING_ANSWER_DAYS", "")
    assert OfferSettings().answer_days == 7  # an empty variable means the default


def test_a_service_loads_its_settings_once(monkeypatch: pytest.MonkeyPatch) -> None:
    class OnceSettings(ServiceSettings):
        model_config = service_settings_config("ordering")
        signal_days: int = 30

    monkeypatch.setenv("BOLIGFLYT_ORDERING_SIGNAL_DAYS", "45")
    first = OnceSettings.load()
    monkeypatch.setenv("BOLIGFLYT_ORDERING_SIGNAL_DAYS", "60")
    assert OnceSettings.load() is first and first.signal_days == 45


async def test_the_person_ref_filter_takes_a_pseudonym_and_refuses_anything_else() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/cases")
    async def cases(person_ref: PersonRefQuery = None) -> dict[str, str | None]:
        return {"person_ref": person_ref}

    ref = "a" * 64
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kit") as client:
        assert (await client.get("/cases", params={"person_ref": ref})).json() == {"person_ref": ref}
        assert (await client.get("/cases")).json() == {"person_ref": None}
        refused = await client.get("/cases", params={"person_ref": "01019012345"})  # a national id is no pseudonym
    assert refused.status_code == 422


effects = Table(
    "kit_effects", MetaData(), Column("event_id", String(64)), Column("need_id", String(64)), Column("at", String(40))
)


async def test_a_reaction_takes_the_contract_event_its_envelope_and_the_service_clock(tmp_path: Path) -> None:
    handlers = EventHandlers()

    @handlers.on(NeedReported)
    async def remember(event: NeedReported, uow: UnitOfWork) -> None:
        assert uow.cause is not None
        await uow.session.execute(
            insert(effects).values(event_id=uow.cause.id, need_id=event.need_id, at=uow.clock.now().isoformat())
        )

    consumer = ServiceDefinition(name="maintenance", title="toy", description="", handlers=handlers)
    start = datetime(2015, 3, 2, 9, 0, tzinfo=UTC)
    async with ServiceHarness([consumer], tmp_path, start=start) as harness:
        runtime = harness.runtimes["maintenance"]
        async with runtime.database.engine.begin() as connection:
            await connection.run_sync(effects.metadata.create_all)
        harness.clock.advance(timedelta(days=3))
        envelope = Envelope(data=need_reported("need-1", 2))
        await harness.bus.publish([to_wire(envelope)])
        await harness.settle()
        async with runtime.database.sessions() as session:
            rows = (await session.execute(effects.select())).all()
    assert [(r.event_id, r.need_id, r.at) for r in rows] == [
        (envelope.id, "need-1", (start + timedelta(days=3)).isoformat())
    ]


def test_a_clock_set_on_the_runtime_is_the_clock_of_its_units_of_work(tmp_path: Path) -> None:
    from boligflyt.platform.bus.embedded import EmbeddedLog
    from boligflyt.platform.runtime import ServiceRuntime
    from boligflyt.platform.settings import Settings

    settings = Settings(environment="test", data_dir=tmp_path)
    runtime = ServiceRuntime(
        ServiceDefinition(name="ordering", title="toy", description="", routers=[APIRouter()]),
        settings,
        EmbeddedLog(tmp_path / "events.sqlite"),
    )
    clock = ManualClock(datetime(2015, 1, 5, tzinfo=UTC))
    runtime.clock = clock
    assert runtime.clock is clock
    assert runtime.database.unit_of_work("test").clock is clock


async def test_units_of_work_that_lock_one_name_take_turns_on_postgresql(postgres_url: str) -> None:
    database = Database(postgres_url, service="temporary-housing")
    try:
        async with database.unit_of_work("first") as first:
            await first.lock("stay-start:person-1")
            async with database.unit_of_work("second") as second:
                other = asyncio.create_task(second.lock("stay-start:person-2"))
                await asyncio.wait_for(other, 5)  # another name does not wait
                same = asyncio.create_task(second.lock("stay-start:person-1"))
                await asyncio.sleep(0.3)
                assert not same.done()  # the same name waits for the first unit of work
                await first.commit()
                await asyncio.wait_for(same, 5)
    finally:
        await database.dispose()
