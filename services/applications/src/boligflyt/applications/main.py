"""Wires the Boligkontoret service to the platform."""

from pathlib import Path

from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="applications",
    title="Boligflyt: Boligkontoret",
    description="Boligkontoret: applications, allocation committee, waiting list, offers, tenancy contracts.",
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=True,
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.applications.main:create_app`."""
    return create_service_app(definition)
