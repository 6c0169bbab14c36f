"""Wires the LKE maintenance service to the platform."""

from pathlib import Path

from boligflyt.maintenance.api import router
from boligflyt.maintenance.handlers import handlers
from boligflyt.maintenance.models import AcquisitionProject, Dwelling, Inspection, RenovationJob
from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import ServiceDefinition, create_service_app

definition = ServiceDefinition(
    name="maintenance",
    title="Boligflyt: LKE maintenance",
    description="LKE: dwelling register, inspections, renovation, acquisitions.",
    routers=[router],
    handlers=handlers,
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    publishes=True,
    agency=Agency.lke,
    audit_readers=[Agency.lke],
    import_routes=[("POST", "/v1/dwelling-batches")],  # the property system's batches: a larger body limit
    versioned={
        "dwelling_id": Dwelling,
        "inspection_id": Inspection,
        "job_id": RenovationJob,
        "project_id": AcquisitionProject,
    },
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.maintenance.main:create_app`."""
    return create_service_app(definition)
