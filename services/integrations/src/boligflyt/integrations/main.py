"""Wires the Integrations service to the platform."""

from pathlib import Path

from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="integrations",
    title="Boligflyt: Integrations",
    description="Integrations: signed webhooks, Facilit-like property-system connector, published contracts.",
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=True,
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.integrations.main:create_app`."""
    return create_service_app(definition)
