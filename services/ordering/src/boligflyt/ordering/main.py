"""Wires the Ordering service to the platform."""

from pathlib import Path

from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="ordering",
    title="Boligflyt: Ordering",
    description="Central ordering function: housing needs, programme and budgets, orders to LKE.",
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=True,
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.ordering.main:create_app`."""
    return create_service_app(definition)
