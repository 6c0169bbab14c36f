"""The demo clock: starts behind the wall clock, moves only forward, and keeps its calendar across restarts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from boligflyt.demo.clock import FRESH_START_BEHIND, DemoClock
from boligflyt.platform.clock import SystemClock


def test_the_demo_clock_moves_forward_and_remembers_where_it_is(tmp_path: Path) -> None:
    state = tmp_path / "demo-clock.json"
    clock = DemoClock(state)
    assert clock.offset == -FRESH_START_BEHIND
    clock.advance(timedelta(days=20))
    with pytest.raises(ValueError):
        clock.advance(timedelta(days=-1))
    restarted = DemoClock(state)
    assert restarted.offset == timedelta(days=6)
    assert restarted.today() >= SystemClock().today() + timedelta(days=5)
