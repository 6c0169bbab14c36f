"""Wires the Dashboard service to the platform."""

from pathlib import Path

from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="dashboard",
    title="Boligflyt: Dashboard",
    description="Coordinator dashboard: read model of the whole flow, KPIs, live events.",
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=False,
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.dashboard.main:create_app`."""
    return create_service_app(definition)
