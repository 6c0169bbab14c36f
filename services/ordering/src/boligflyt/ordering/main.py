"""Wires the Ordering service to the platform."""

from pathlib import Path

from boligflyt.ordering.api import router
from boligflyt.ordering.handlers import handlers
from boligflyt.ordering.models import Need, Order
from boligflyt.ordering.service import evaluate_unmet_need
from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import PeriodicJob, ServiceDefinition, ServiceRuntime, create_service_app


async def unmet_need_signal(runtime: ServiceRuntime) -> None:
    """Idempotent: the gap is re-measured, and a kind with an open suggestion gets no second one."""
    await evaluate_unmet_need(runtime.database, runtime.clock.today())


definition = ServiceDefinition(
    name="ordering",
    title="Boligflyt: Ordering",
    description="Central ordering function: housing needs, programme and budgets, orders to LKE.",
    routers=[router],
    handlers=handlers,
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    jobs=[PeriodicJob(run=unmet_need_signal, every_seconds=3600.0)],
    publishes=True,
    agency=Agency.bestiller,
    audit_readers=[Agency.bestiller, Agency.coordinator],
    versioned={"need_id": Need, "order_id": Order},
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.ordering.main:create_app`."""
    return create_service_app(definition)
