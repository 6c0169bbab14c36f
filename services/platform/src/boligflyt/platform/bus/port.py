"""What a service may ask of the event bus."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from boligflyt.contracts.envelope import WireMessage


class BusUnavailable(Exception):
    """The bus could not take or give messages now (broker down, timeout). Try again later."""


@dataclass(frozen=True)
class Record:
    """One message as read from a topic, with its position."""

    topic: str
    partition: int
    offset: int
    key: str | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...]
    timestamp_ms: int

    def header(self, name: str) -> str | None:
        for header_name, value in self.headers:
            if header_name == name:
                return value.decode(errors="replace")
        return None


def delivered() -> asyncio.Future[None]:
    """A delivery that is done already: what `EventBus.send` returns for messages appended as it was called."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    done.set_result(None)
    return done


class Subscription(Protocol):
    """A consumer group's reading position on some topics."""

    async def fetch(self, max_records: int = 500, timeout: float = 1.0) -> list[Record]:
        """The next records after the group's position; waits up to `timeout` seconds for new ones."""
        ...

    async def commit(self, records: Sequence[Record]) -> None:
        """Move the group's position past these records (call after they were handled)."""
        ...

    async def lag(self) -> dict[str, int]:
        """Records not yet committed, per topic."""
        ...

    async def caught_up(self) -> bool:
        """True once this reader has fetched every record that is on its topics now."""
        ...

    async def close(self) -> None: ...


class EventBus(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def publish(self, messages: Sequence[WireMessage]) -> None:
        """Durably append the messages, keeping their order per key; raises BusUnavailable."""
        ...

    async def send(self, messages: Iterable[WireMessage]) -> asyncio.Future[None]:
        """Queue the messages (read once, in order) behind everything sent before, with the same order per key as
        `publish`, and return without waiting for the bus to acknowledge them: the future returned is done once
        every one of them is durably appended, or fails with BusUnavailable. Raises BusUnavailable if the bus
        cannot take them now.

        Lets a caller read and send its next messages while these are acknowledged (the outbox relay)."""
        ...

    async def subscribe(self, group: str, topics: Sequence[str]) -> Subscription: ...

    async def ensure_topics(self, topics: Sequence[str]) -> None: ...

    async def ping(self) -> None:
        """Raise if the bus does not answer now (readiness)."""
        ...
