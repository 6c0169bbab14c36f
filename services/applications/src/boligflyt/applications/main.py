"""Wires the Boligkontoret service to the platform."""

from pathlib import Path

from boligflyt.applications.api import routers
from boligflyt.applications.handlers import handlers
from boligflyt.applications.models import Applicant, Application, Meeting, Offer, Tenancy
from boligflyt.applications.ports import dwelling_register
from boligflyt.applications.service import (
    approve_by_board_silence,
    describe_dwellings,
    escalate_past_end,
    expire_offers,
    remind_tenancy_ends,
)
from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import PeriodicJob, ServiceDefinition, ServiceRuntime, create_service_app


async def offer_deadlines(runtime: ServiceRuntime) -> None:
    await expire_offers(runtime.database, runtime.clock)


async def tenancy_end_reminders(runtime: ServiceRuntime) -> None:
    await remind_tenancy_ends(runtime.database, runtime.clock)


async def tenancy_escalations(runtime: ServiceRuntime) -> None:
    await escalate_past_end(runtime.database, runtime.clock)


async def dwelling_descriptions(runtime: ServiceRuntime) -> None:
    await describe_dwellings(runtime.database, dwelling_register(runtime))


async def coop_board_silence(runtime: ServiceRuntime) -> None:
    await approve_by_board_silence(runtime.database, runtime.clock)


definition = ServiceDefinition(
    name="applications",
    title="Boligflyt: Boligkontoret",
    description="Boligkontoret: applications, allocation committee, waiting list, offers, tenancy contracts.",
    routers=routers,
    handlers=handlers,
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    jobs=[
        PeriodicJob(offer_deadlines, every_seconds=300),
        PeriodicJob(tenancy_end_reminders, every_seconds=3600),
        PeriodicJob(coop_board_silence, every_seconds=3600),
        # Daily in effect: a contract is escalated once per end, so running it hourly only finds it sooner.
        PeriodicJob(tenancy_escalations, every_seconds=3600),
        PeriodicJob(dwelling_descriptions, every_seconds=300),
    ],
    publishes=True,
    agency=Agency.boligkontoret,
    audit_readers=[Agency.boligkontoret],
    versioned={
        "applicant_id": Applicant,
        "application_id": Application,
        "meeting_id": Meeting,
        "offer_id": Offer,
        "tenancy_id": Tenancy,
    },
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.applications.main:create_app`."""
    return create_service_app(definition)
