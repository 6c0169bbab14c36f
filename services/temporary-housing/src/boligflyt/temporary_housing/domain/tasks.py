"""An adviser's tasks: each is done once."""

from __future__ import annotations

from datetime import datetime

from boligflyt.platform.errors import Conflict


def check_task_open(done_at: datetime | None) -> None:
    if done_at is not None:
        raise Conflict("the task is already done", current_state="done")
