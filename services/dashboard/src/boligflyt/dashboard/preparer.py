"""The rebuild's second process: it parses and prepares batches of records while the rebuild writes the ones before.

`python -m boligflyt.dashboard.preparer` reads batches on its standard input and answers each, in order, on its
standard output; each is an 8-byte length, then the batch's records marshalled, or its prepared events pickled
(this process's own child, so a trusted one). The rebuild speaks to it from its event loop (`Preparer`). A
ProcessPoolExecutor measured the same; this needs neither its two threads in the rebuild's process (one pickling
what is sent, one unpickling what comes back, both taking the GIL from the event loop) nor the spawn method's
import of the caller's main module in the child."""

from __future__ import annotations

import asyncio
import gc
import marshal
import os
import pickle
import sys
from collections.abc import Sequence
from typing import BinaryIO

from boligflyt.contracts.envelope import from_wire
from boligflyt.dashboard.service import PreparedEvent, prepare
from boligflyt.platform.bus.port import Record

# A record as the second process gets it: key, value and headers, all it takes to parse the event.
Message = tuple[str | None, bytes, tuple[tuple[str, bytes], ...]]
# Net allocations of container objects between two young collections while a rebuild runs, in either of its
# processes (Python's default: 700; rebuild.fewer_collections says why).
REBUILD_GC_THRESHOLD = 50_000
LENGTH_BYTES = 8


def prepare_messages(messages: Sequence[Message]) -> list[PreparedEvent] | None:
    """The records' events parsed and prepared, or None if any of them fails (a record that breaks its contract, a
    projection that raises); the rebuild then handles that batch itself, the inbox's way, with dead letters."""
    try:
        return [prepare(from_wire(key, value, headers)) for key, value, headers in messages]
    except Exception:
        return None


def frame(blob: bytes) -> bytes:
    return len(blob).to_bytes(LENGTH_BYTES, "big") + blob


def serve(source: BinaryIO, sink: BinaryIO) -> None:
    """Answer batch after batch until the input ends."""
    while header := source.read(LENGTH_BYTES):
        messages = marshal.loads(source.read(int.from_bytes(header, "big")))
        sink.write(frame(pickle.dumps(prepare_messages(messages), protocol=pickle.HIGHEST_PROTOCOL)))
        sink.flush()


class Preparer:
    """The rebuild's end of the second process: batches sent, their prepared events received in the same order."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls) -> Preparer:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", __name__, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
        )
        return cls(process)

    async def send(self, records: Sequence[Record]) -> None:
        """Hand a batch over; raises ConnectionError if the process is gone."""
        assert self.process.stdin is not None
        # marshal, not pickle: the records are only strings, bytes and tuples, and pickling them was 7 µs an event
        # of the rebuild's process.
        messages = [(record.key, record.value, record.headers) for record in records]
        self.process.stdin.write(frame(marshal.dumps(messages)))
        await self.process.stdin.drain()

    async def receive(self) -> list[PreparedEvent] | None:
        """The next batch's prepared events (None: prepare it here); raises IncompleteReadError if the process died."""
        assert self.process.stdout is not None
        header = await self.process.stdout.readexactly(LENGTH_BYTES)
        return pickle.loads(await self.process.stdout.readexactly(int.from_bytes(header, "big")))  # type: ignore[no-any-return]

    async def stop(self) -> None:
        if self.process.returncode is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                await asyncio.wait_for(self.process.wait(), 5)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


def main() -> None:
    gc.freeze()  # what the imports made lives as long as the process: no collection need look at it again
    gc.set_threshold(REBUILD_GC_THRESHOLD)
    # Answers go to the original standard output; anything printed by mistake goes to standard error instead.
    sink = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with sink:
        serve(sys.stdin.buffer, sink)


if __name__ == "__main__":
    main()
