"""The projection: a fixed event sequence (boligflyt.testkit.dashboard_story) gives exactly the expected KPIs.

Events go through the real bus and the platform inbox (ServiceHarness), as the agencies' services will send
them. "As of" a past day replays the event log up to the end of that day; it must agree with the figures the
live tables give for the same day, and with a rebuild from the bus.
"""

from __future__ import annotations

import gc
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from structlog.testing import capture_logs

from boligflyt.contracts.envelope import Envelope, WireMessage, to_wire
from boligflyt.contracts.examples import examples
from boligflyt.contracts.registry import specs
from boligflyt.contracts.topics import dead_letter_topic
from boligflyt.dashboard import domain, service
from boligflyt.dashboard.handlers import handlers
from boligflyt.dashboard.main import definition
from boligflyt.dashboard.models import event_log
from boligflyt.dashboard.preparer import Preparer, prepare_messages
from boligflyt.dashboard.rebuild import REBUILD_GC_THRESHOLD, rebuild
from boligflyt.testkit import ServiceHarness
from boligflyt.testkit import dashboard_story as story

TODAY = date(2026, 1, 1)  # "now" for the service: every day of the story is in the past


# Small batches, so that a rebuild of the story takes many.
BATCH_SIZE = 10
BROKEN_TOPIC = to_wire(story.envelopes()[0]).topic


def broken_record() -> WireMessage:
    """A record whose payload breaks its contract (its CloudEvents headers are those of a good one)."""
    good = to_wire(story.envelopes()[0])
    headers = tuple((name, uuid.uuid4().hex.encode() if name == "ce_id" else value) for name, value in good.headers)
    return WireMessage(good.topic, good.key, b'{"application_id": 5}', headers)


async def publish_story(harness: ServiceHarness) -> list[Envelope]:
    envelopes = story.envelopes()
    await harness.bus.publish([to_wire(envelope) for envelope in envelopes])
    await harness.settle()
    return envelopes


def test_every_catalogue_event_has_a_handler_and_a_projection() -> None:
    assert handlers.handled_types == {spec.type for spec in specs()}
    for example in examples():
        changes = domain.project(example, "event-1")
        assert changes, example.event_type
        assert all(change.table in domain.TABLES for change in changes)


def test_void_days_follow_housemark() -> None:
    """End date not counted; Sunday end and Monday start is 0; the split adds up to the whole."""
    model = domain.ReadModel()
    for envelope in story.envelopes():
        model.apply(domain.project(envelope.data, envelope.id))
    found = {v.dwelling_id: v for v in domain.voids(model, date(2015, 12, 31))}
    assert set(found) == {"lke-0153", "lke-0200"}  # lke-0171's first let is excluded
    sunday_monday = found["lke-0200"]
    assert (sunday_monday.end_date.isoweekday(), sunday_monday.let_date.isoweekday()) == (7, 1)
    assert sunday_monday.days == 0
    renovated = found["lke-0153"]
    # Ended Sunday 1 Feb, let Monday 16 Mar: 42 days (2 Feb .. 15 Mar). Renovation 2 Feb, ready 25 Feb.
    assert (renovated.days, renovated.waiting, renovated.renovating, renovated.ready) == (42, 0, 23, 19)
    summary = domain.void_summary(list(found.values()), [date(2015, 3, 1), date(2015, 4, 1)])
    assert [(s.relets, s.total_days, s.median_days) for s in summary] == [(2, 42, 21.0), (0, 0, None)]


def test_buckets_are_calendar_based() -> None:
    start = date(2015, 1, 31)
    assert domain.bucket(start, date(2015, 2, 6)) == "<1w"
    assert domain.bucket(start, date(2015, 2, 7)) == "1w-1m"
    assert domain.bucket(start, date(2015, 2, 27)) == "1w-1m"
    assert domain.bucket(start, date(2015, 2, 28)) == "1-3m"  # 31 Jan + 1 month = 28 Feb
    assert domain.bucket(start, date(2015, 4, 30)) == "3-6m"
    assert domain.bucket(start, date(2015, 7, 31)) == ">6m"


async def test_story_gives_the_expected_kpis_as_of_past_days(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness:
        await publish_story(harness)
        database = harness.runtimes["dashboard"].database

        feb20 = await service.kpis(database, date(2015, 2, 20), TODAY)
        stays = feb20.temporary_housing
        # Kari (since 8 Jan: 43 days) and the family (since 17 Nov: 95 days).
        assert (stays.active, stays.over_90_days, stays.median_days) == (2, 1, 69.0)
        # Kari: 24 nights x 600 + 19 x 450; the family: 95 nights x 500.
        assert stays.cost_so_far == 24 * 600 + 19 * 450 + 95 * 500
        assert feb20.waiting_list == 1  # Kari; Bente left the list on 11 Feb; the refusal never stood on it
        assert feb20.steps["submitted_decided"].buckets == {"<1w": 0, "1w-1m": 3, "1-3m": 0, "3-6m": 0, ">6m": 0}
        assert feb20.steps["submitted_decided"].median_days == 8.0
        assert feb20.steps["allocated_moved_in"].cases == []  # not yet on 20 Feb
        assert (feb20.renovation.open_jobs, feb20.renovation.overdue_jobs) == (1, 0)  # due today: not overdue
        assert feb20.voids == []
        assert [(s.rule, s.case_id, s.days) for s in feb20.stuck] == [
            ("notice_without_inspection", "ten-2013-0300", 18),
            ("stay_without_allocation", "stay-2014-0113", 95),
        ]

        feb05 = await service.kpis(database, date(2015, 2, 5), TODAY)
        assert feb05.waiting_list == 2  # Bente had not left yet

        feb22 = await service.kpis(database, date(2015, 2, 22), TODAY)
        assert (feb22.renovation.open_jobs, feb22.renovation.overdue_jobs) == (1, 1)
        assert feb22.renovation.lost_rent_accruing == 2 * 184
        assert ("renovation_overdue", "job-2015-0021", 2) in [(s.rule, s.case_id, s.days) for s in feb22.stuck]

        apr30 = await service.kpis(database, date(2015, 4, 30), TODAY)
        assert apr30.waiting_list == 0
        assert {k: (v.median_days, len(v.cases)) for k, v in apr30.steps.items()} == {
            "submitted_decided": (8.0, 3),
            "decided_allocated": (30.0, 1),
            "allocated_moved_in": (10.0, 1),
            "stay_moved_in": (67.0, 1),
            "notice_ready": (51.0, 1),
        }
        assert apr30.steps["decided_allocated"].buckets["1-3m"] == 1  # 4 Feb -> 6 Mar is past 1 month
        assert [(v.dwelling_id, v.days) for v in apr30.voids] == [("lke-0200", 0), ("lke-0153", 42)]
        assert (apr30.renovation.open_jobs, apr30.renovation.median_duration_days) == (0, 22.0)
        assert apr30.renovation.lost_rent_owed == 736
        assert [(o.budget_line, o.reported, o.prioritised, o.ordered, o.delivered) for o in apr30.ordering] == [
            ("disadvantaged_dwellings", 1, 1, 1, 1),
            ("refugee_dwellings", 1, 1, 0, 0),
            ("unassigned", 1, 0, 0, 0),
        ]
        assert [(b.year, b.budget_line, b.frame, b.ordered, b.delivered_cost) for b in apr30.budgets] == [
            (2015, "disadvantaged_dwellings", 30_000_000, 9_000_000, 2_450_000),
            (2015, "refugee_dwellings", 30_000_000, 0, 0),
        ]
        (year,) = apr30.settlement
        assert (year.year, year.quota, year.settled) == (2015, 90, 5)
        assert year.by_month[3] == (4, 5, 30.0)  # by April: 5 settled against an even 90 x 4/12

        apr14 = await service.kpis(database, date(2015, 4, 14), TODAY)
        assert apr14.settlement[0].settled == 0


async def test_nav_monthly_report(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness:
        await publish_story(harness)
        model, _ = await service.read_model(harness.runtimes["dashboard"].database, None, TODAY)
        report = domain.monthly_report(model, domain.months_back(date(2015, 4, 30), 4), date(2015, 4, 30))
        assert [(r.month.month, r.persons, r.under_30, r.singles, r.new_enquiries) for r in report] == [
            (1, 2, 1, 1, 1),  # Kari (new) and the family
            (2, 2, 1, 1, 0),
            (3, 3, 1, 2, 0),  # the returning person is marked new by NAV, but stayed here in 2014
            (4, 2, 0, 1, 0),  # Kari moved in on 16 March
        ]


async def test_stuck_thresholds_are_editable(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness:
        await publish_story(harness)
        database = harness.runtimes["dashboard"].database
        await service.set_thresholds(database, {"notice_without_inspection": 30, "unknown": 1}, "coordinator:test")
        assert (await service.thresholds(database))["notice_without_inspection"] == 30
        feb20 = await service.kpis(database, date(2015, 2, 20), TODAY)
        assert [s.rule for s in feb20.stuck] == ["stay_without_allocation"]


async def test_live_tables_and_log_replay_agree_and_duplicates_count_once(tmp_path: Path) -> None:
    async with ServiceHarness([definition], tmp_path) as harness:
        envelopes = await publish_story(harness)
        # The same events again (a redelivery): the inbox skips them.
        await harness.bus.publish([to_wire(envelope) for envelope in envelopes[:10]])
        await harness.settle()
        database = harness.runtimes["dashboard"].database
        async with database.sessions() as session:
            assert (await session.execute(select(func.count()).select_from(event_log))).scalar_one() == len(envelopes)
            live = await service.load_read_model(session)
            replayed = await service.replay(session)
        for day in (date(2015, 2, 20), date(2015, 4, 30), date(2015, 12, 31)):
            assert domain.kpis(live, day).summary() == domain.kpis(replayed, day).summary()


@pytest.mark.parametrize(
    ("kind", "parallel"), [("embedded", False), ("embedded", True), ("distributed", False), ("distributed", True)]
)
async def test_rebuild_gives_the_same_kpis_as_the_live_projection(tmp_path: Path, kind: str, parallel: bool) -> None:
    """Prepared here or in a second process (`parallel`), as a large replay is. A record that breaks its contract
    sits among the story's: its batch is handled the inbox's way, and the record dead-lettered again."""
    async with ServiceHarness([definition], tmp_path, kind=kind) as harness:
        await publish_story(harness)
        await harness.bus.publish([broken_record()])
        await harness.settle()
        runtime = harness.runtimes["dashboard"]
        days = (date(2015, 2, 20), date(2015, 4, 30))
        before = [(await service.kpis(runtime.database, day, TODAY)).summary() for day in days]
        now_before = (await service.kpis(runtime.database, None, date(2015, 12, 31))).summary()
        seen: list[tuple[int, int]] = []
        thresholds: set[int] = set()

        def progress(done: int, total: int) -> None:
            seen.append((done, total))
            thresholds.add(gc.get_threshold()[0])

        collector_before = gc.get_threshold()
        dead_before = len(await harness.records(dead_letter_topic(BROKEN_TOPIC)))
        with capture_logs() as logs:
            replayed = await rebuild(
                runtime.database, harness.bus, progress=progress, parallel=parallel, batch_size=BATCH_SIZE
            )
        # Prepared in the second process, the broken record's batch alone is handled here (in this process all are).
        handled_here = [entry for entry in logs if entry["event"] == "rebuild.batch_handled_here"]
        assert len(handled_here) == (1 if parallel else 0)
        assert replayed == len(story.story()) + 1
        assert len(await harness.records(dead_letter_topic(BROKEN_TOPIC))) == dead_before + 1
        assert seen[-1] == (replayed, replayed)
        # The collector runs seldom during the replay (a third of its CPU otherwise), and as before after it.
        assert thresholds == {REBUILD_GC_THRESHOLD}
        assert gc.get_threshold() == collector_before
        after = [(await service.kpis(runtime.database, day, TODAY)).summary() for day in days]
        assert after == before
        assert (await service.kpis(runtime.database, None, date(2015, 12, 31))).summary() == now_before
        # The live consumer goes on after a rebuild and projects new events once.
        extra = story.envelopes()[0]
        await harness.bus.publish([to_wire(Envelope(data=extra.data, time=extra.time))])
        await harness.settle()
        async with runtime.database.sessions() as session:
            count = (await session.execute(select(func.count()).select_from(event_log))).scalar_one()
        assert count == len(story.story()) + 1  # and the broken record is not in the log


def test_the_second_process_prepares_a_batch_whole_or_not_at_all() -> None:
    """What a rebuild's second process returns: every record's prepared event, or None when one fails (the
    rebuild then handles that batch itself, with dead letters)."""
    envelopes = story.envelopes()[:3]
    wires = [to_wire(envelope) for envelope in envelopes]
    messages = [(wire.key, wire.value, wire.headers) for wire in wires]
    prepared = prepare_messages(messages)
    assert prepared is not None
    assert [event.id for event in prepared] == [wire.header("ce_id") for wire in wires]
    assert prepared == [service.prepare(envelope) for envelope in envelopes]
    broken = broken_record()
    assert prepare_messages([*messages, (broken.key, broken.value, broken.headers)]) is None


@pytest.mark.parametrize("kind", ["embedded", "distributed"])
async def test_an_event_already_in_the_log_is_not_projected_again(tmp_path: Path, kind: str) -> None:
    """The event log is the projection's own record of what it has seen: a rebuild, which claims nothing in the
    inbox, and the live consumer may both come to project an event; it is logged and projected once."""
    async with ServiceHarness([definition], tmp_path, kind=kind) as harness:
        database = harness.runtimes["dashboard"].database
        first, second = (service.prepare(envelope) for envelope in story.envelopes()[:2])

        def marked(event: service.PreparedEvent, key: str) -> service.PreparedEvent:
            return service.PreparedEvent(event.log_record, [domain.Change("applications", key, {"kind": "rental"})])

        async with database.unit_of_work("test") as uow:
            # `first` twice in one batch: its first changes only.
            await service.project_prepared(uow.session, [marked(first, "first"), marked(first, "again")])
            await uow.commit()
        async with database.unit_of_work("test") as uow:
            await service.project_prepared(uow.session, [marked(first, "later"), marked(second, "second")])
            await uow.commit()
        async with database.sessions() as session:
            model = await service.load_read_model(session)
            logged = (await session.execute(select(event_log.c.id).order_by(event_log.c.seq))).scalars().all()
        assert set(model.tables["applications"]) == {"first", "second"}
        assert logged == [first.id, second.id]


async def test_a_rebuild_whose_second_process_dies_prepares_the_rest_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with ServiceHarness([definition], tmp_path) as harness:
        await publish_story(harness)
        runtime = harness.runtimes["dashboard"]
        before = (await service.kpis(runtime.database, None, date(2015, 12, 31))).summary()
        receive = Preparer.receive

        async def receive_after_a_kill(self: Preparer) -> list[service.PreparedEvent] | None:
            if self.process.returncode is None:
                self.process.kill()
                await self.process.wait()
            return await receive(self)

        monkeypatch.setattr(Preparer, "receive", receive_after_a_kill)
        with capture_logs() as logs:
            replayed = await rebuild(runtime.database, harness.bus, parallel=True, batch_size=BATCH_SIZE)
        assert replayed == len(story.story())
        assert [entry["event"] for entry in logs].count("rebuild.second_process_lost") == 1
        assert (await service.kpis(runtime.database, None, date(2015, 12, 31))).summary() == before
