"""An integrator's own Kafka consumer of Boligflyt's events: runnable as it is, and small enough to copy.

    python docs/examples/kafka_consumer.py --bootstrap 127.0.0.1:19092 --group facilit-boligflyt \
        --topic boligflyt.maintenance --inbox inbox.sqlite [--stop-when-idle 5]

What it shows (the integrator guide, "Consume Kafka directly"):
- a consumer group of your own, reading from the start the first time;
- each record a CloudEvent in binary mode: attributes in `ce_*` headers, the data as JSON, the key the case's id;
- the inbox pattern: the event's effect and its `ce_id` are written in one transaction, a `ce_id` seen before is
  skipped, and the offset is committed only after that transaction, so a crash anywhere loses nothing and does
  nothing twice;
- unknown event types skipped, unknown fields ignored (a tolerant reader).

Needs only `aiokafka` (and the standard library). What it does with an event, here, is keep the latest event of
each key in a table `latest`: put your own handling in `handle`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import time
from typing import Any

from aiokafka import AIOKafkaConsumer

# The types this consumer understands; anything else is skipped (new types appear without notice).
KNOWN_PREFIX = "no.larvik.boligflyt."


def open_inbox(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE IF NOT EXISTS inbox (event_id TEXT PRIMARY KEY, type TEXT, handled_at REAL)")
    db.execute("CREATE TABLE IF NOT EXISTS latest (key TEXT PRIMARY KEY, type TEXT, time TEXT, data TEXT)")
    return db


def attributes(headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...]) -> dict[str, str]:
    """The CloudEvents attributes from the `ce_*` headers."""
    return {name[3:]: value.decode() for name, value in headers if name.startswith("ce_")}


def handle(db: sqlite3.Connection, event: dict[str, str], data: dict[str, Any]) -> None:
    """Your system's reaction to one event, inside the inbox's transaction. Here: the latest event per key."""
    db.execute(
        "INSERT INTO latest (key, type, time, data) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET type = excluded.type, time = excluded.time, data = excluded.data",
        (event.get("partitionkey", ""), event["type"], event.get("time", ""), json.dumps(data)),
    )


def take(db: sqlite3.Connection, event: dict[str, str], value: bytes) -> bool:
    """Handle one event exactly once in effect; False when it was a duplicate (or a type we do not know)."""
    if not event.get("type", "").startswith(KNOWN_PREFIX) or event.get("specversion") != "1.0":
        return False
    db.execute("BEGIN IMMEDIATE")
    try:
        inserted = db.execute(
            "INSERT INTO inbox (event_id, type, handled_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
            (event["id"], event["type"], time.time()),
        ).rowcount
        if inserted:
            handle(db, event, json.loads(value))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return bool(inserted)


async def consume(arguments: argparse.Namespace) -> int:
    db = open_inbox(arguments.inbox)
    consumer = AIOKafkaConsumer(
        *arguments.topic,
        bootstrap_servers=arguments.bootstrap,
        group_id=arguments.group,
        enable_auto_commit=False,  # commit after handling, never before
        auto_offset_reset="earliest",  # a new group reads from the start
    )
    await consumer.start()
    handled = skipped = 0
    idle_since = time.monotonic()
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=500, max_records=500)
            for messages in batches.values():
                for message in messages:  # in offset order: one key's events in the order they happened
                    if take(db, attributes(message.headers), message.value or b"{}"):
                        handled += 1
                    else:
                        skipped += 1
            if batches:
                await consumer.commit()
                idle_since = time.monotonic()
            elif arguments.stop_when_idle and time.monotonic() - idle_since > arguments.stop_when_idle:
                break
    finally:
        await consumer.stop()
        db.close()
    print(json.dumps({"handled": handled, "skipped": skipped}))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:19092")
    parser.add_argument("--group", default="facilit-boligflyt", help="your own consumer group")
    parser.add_argument("--topic", action="append", required=True, help="a topic to read; repeat for more")
    parser.add_argument("--inbox", default="inbox.sqlite", help="where the inbox and the handled events are kept")
    parser.add_argument("--stop-when-idle", type=float, default=0, help="stop after this many idle seconds")
    return asyncio.run(consume(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
