"""Wires the NAV temporary housing service to the platform."""

from pathlib import Path

from boligflyt.platform.auth import Agency
from boligflyt.platform.runtime import PeriodicJob, ServiceDefinition, ServiceRuntime, create_service_app
from boligflyt.temporary_housing import service
from boligflyt.temporary_housing.api import router
from boligflyt.temporary_housing.handlers import handlers
from boligflyt.temporary_housing.models import Agreement, Provider, Quota, Settlement, Stay, Task
from boligflyt.temporary_housing.settings import NavSettings, limit_rule, task_rules


async def limit_rule_job(runtime: ServiceRuntime) -> int:
    """The 3-month rule: stay.limit_approaching at the warning days, stay.limit_exceeded at the limit."""
    return await service.check_limits(runtime.database, limit_rule(runtime), runtime.clock.today())


async def agreement_reminder_job(runtime: ServiceRuntime) -> int:
    """A task to renegotiate each quality agreement nearing its renegotiation deadline."""
    return await service.remind_renegotiation(runtime.database, runtime.clock.today())


async def establishment_job(runtime: ServiceRuntime) -> int:
    """Close refugee households' establishment phases after 3 months, or ask for the open checklist items."""
    return await service.close_establishment_phases(runtime.database, runtime.clock.today())


async def adviser_tasks_job(runtime: ServiceRuntime) -> int:
    """The adviser's tasks that come with the calendar: documents missing for days, an appeal deadline near, a
    stay's day 60, 75 and 90 near, a settlement date near; cleared when their fact is gone."""
    return await service.refresh_tasks(runtime.database, runtime.clock.today(), task_rules())


_every = NavSettings.load().jobs_every_seconds

definition = ServiceDefinition(
    name="temporary-housing",
    title="Boligflyt: NAV temporary housing",
    description="NAV: temporary accommodation, providers and quality agreements, refugee settlement.",
    routers=[router],
    handlers=handlers,
    migrations=Path(__file__).resolve().parents[3] / "migrations",
    jobs=[
        PeriodicJob(run=limit_rule_job, every_seconds=_every),
        PeriodicJob(run=agreement_reminder_job, every_seconds=_every),
        PeriodicJob(run=establishment_job, every_seconds=_every),
        PeriodicJob(run=adviser_tasks_job, every_seconds=_every),
    ],
    publishes=True,
    agency=Agency.nav,
    audit_readers=[Agency.nav],
    versioned={
        "provider_id": Provider,
        "agreement_id": Agreement,
        "stay_id": Stay,
        "task_id": Task,
        "quota_id": Quota,
        "settlement_id": Settlement,
    },
)


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.temporary_housing.main:create_app`."""
    return create_service_app(definition)
