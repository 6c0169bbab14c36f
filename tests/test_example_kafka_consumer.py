"""docs/examples/kafka_consumer.py, run as an integrator would run it, against a real Kafka broker: it reads
every event of a topic once, skips a duplicate record (the same `ce_id` again) and a type it does not know, and a
second run of the same consumer group finds nothing new (its offsets were committed after handling)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from aiokafka import AIOKafkaProducer

from boligflyt.contracts.codes import NoticeParty
from boligflyt.contracts.envelope import Envelope, to_wire
from boligflyt.contracts.events.applications import TenancyNoticeGiven, TenancyNoticeWithdrawn
from boligflyt.testkit import drop_kafka_namespace, kafka_bootstrap, unique_name

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "kafka_consumer.py"


def run_example(topic: str, group: str, inbox: Path) -> dict[str, int]:
    command = [sys.executable, str(EXAMPLE), "--bootstrap", kafka_bootstrap(), "--topic", topic]
    command += ["--group", group, "--inbox", str(inbox), "--stop-when-idle", "3"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


async def test_the_example_consumer_handles_each_event_once(tmp_path: Path) -> None:
    prefix = f"{unique_name('example')}."
    topic = f"{prefix}boligflyt.applications"
    given = TenancyNoticeGiven(
        tenancy_id="ten-ex-1",
        dwelling_id="lke-0153",
        given_on=date(2026, 1, 5),
        given_by=NoticeParty.TENANT,
        move_out_date=date(2026, 4, 5),
    )
    withdrawn = TenancyNoticeWithdrawn(tenancy_id="ten-ex-1", dwelling_id="lke-0153", withdrawn_on=date(2026, 1, 9))
    other = TenancyNoticeWithdrawn(tenancy_id="ten-ex-2", dwelling_id="lke-0171", withdrawn_on=date(2026, 1, 9))
    wires = [to_wire(Envelope(data=event)) for event in (given, withdrawn, other)]
    unknown = [(name, value) for name, value in wires[2].headers if name != "ce_type"]
    unknown.append(("ce_type", b"no.larvik.boligflyt.something.new.v1"))
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap(), acks="all")
    await producer.start()
    try:
        for wire in [*wires, wires[1]]:  # the withdrawal twice, as a relay's retry after a crash would
            await producer.send_and_wait(topic, wire.value, key=wire.key.encode(), headers=list(wire.headers))
        await producer.send_and_wait(topic, b"{}", key=b"x", headers=unknown)
    finally:
        await producer.stop()
    try:
        inbox = tmp_path / "inbox.sqlite"
        first = await asyncio.to_thread(run_example, topic, f"{prefix}facilit", inbox)
        assert first == {"handled": 3, "skipped": 2}
        with sqlite3.connect(inbox) as db:
            latest = dict(db.execute("SELECT key, type FROM latest").fetchall())
        assert latest == {
            "ten-ex-1": "no.larvik.boligflyt.tenancy.notice_withdrawn.v1",  # in order per key: the last one wins
            "ten-ex-2": "no.larvik.boligflyt.tenancy.notice_withdrawn.v1",
        }
        again = await asyncio.to_thread(run_example, topic, f"{prefix}facilit", inbox)
        assert again == {"handled": 0, "skipped": 0}
    finally:
        await drop_kafka_namespace(prefix)
