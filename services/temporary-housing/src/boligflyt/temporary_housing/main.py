"""Wires the NAV temporary housing service to the platform."""

from pathlib import Path

from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="temporary-housing",
    title="Boligflyt: NAV temporary housing",
    description="NAV: temporary accommodation, providers and quality agreements, refugee settlement.",
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=True,
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.temporary_housing.main:create_app`."""
    return create_service_app(definition)
