"""The demo's calendar: the wall clock plus an offset that only the simulator moves, and only forward.

Services read time through their runtime's `Clock`. A committee (TBO) decides only on its meeting day and its
case list freezes five working days before, so a demo on the bare wall clock could not approve anyone for a
week. The demo host therefore gives every service this clock: seeding starts a few weeks in the past and
walks up to today, and the simulator moves it a day at a time.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from boligflyt.platform.clock import LOCAL_ZONE

# A fresh demo starts this far behind the wall clock, so that the seed's committee meeting lands about today.
FRESH_START_BEHIND = timedelta(days=14)


class DemoClock:
    """Wall clock + offset. The offset is kept in a file so a restarted demo keeps its calendar."""

    def __init__(self, state_file: Path | None = None, *, offset: timedelta | None = None) -> None:
        self._state_file = state_file
        self._lock = threading.Lock()
        self._offset = offset if offset is not None else self._load()

    def _load(self) -> timedelta:
        if self._state_file is not None and self._state_file.exists():
            return timedelta(seconds=float(json.loads(self._state_file.read_text())["offset_seconds"]))
        return -FRESH_START_BEHIND

    def _save(self) -> None:
        if self._state_file is not None:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            self._state_file.write_text(json.dumps({"offset_seconds": self._offset.total_seconds()}))

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def today(self) -> date:
        return self.now().astimezone(LOCAL_ZONE).date()

    @property
    def offset(self) -> timedelta:
        return self._offset

    def advance(self, delta: timedelta) -> None:
        if delta < timedelta(0):
            raise ValueError("time does not go backwards")
        with self._lock:
            self._offset += delta
            self._save()
