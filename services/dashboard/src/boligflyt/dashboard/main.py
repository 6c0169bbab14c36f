"""Wires the Dashboard service to the platform: the read model's handlers and the coordinators' pages."""

from pathlib import Path

from boligflyt.dashboard.api import configure, router, v1
from boligflyt.dashboard.handlers import handlers
from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="dashboard",
    title="Boligflyt: Dashboard",
    description="Coordinator dashboard: read model of the whole flow, KPIs, live events.",
    routers=[router, v1],
    handlers=handlers,
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=False,
    agency=Agency.coordinator,
    audit_readers=[Agency.coordinator],
    configure=configure,
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.dashboard.main:create_app`."""
    return create_service_app(definition)
