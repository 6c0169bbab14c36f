"""Periodic jobs inside a service (offer deadlines, the 90-day rule, contract-end reminders).

A job must be idempotent: it runs again after a restart, and with several replicas each one runs it, so it
finds what is due and changes it in a unit of work whose result a second run sees as already done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:
    from boligflyt.platform.runtime import ServiceRuntime

log = structlog.get_logger(__name__)


def every(
    seconds: float, job: Callable[[ServiceRuntime], Awaitable[object]]
) -> Callable[[ServiceRuntime], Coroutine[Any, Any, None]]:
    """What the runtime runs for a PeriodicJob: `job` now, and then again every `seconds`."""

    async def run_periodically(runtime: ServiceRuntime) -> None:
        while True:
            try:
                await job(runtime)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("job.failed", job=getattr(job, "__name__", "job"), service=runtime.definition.name)
            await asyncio.sleep(seconds)

    run_periodically.__name__ = getattr(job, "__name__", "job")
    return run_periodically
