"""What several of Boligkontoret's use cases need: rows a request names, the application's state machine, the
check that NAV acts only for its own clients, and the commit that turns a lost race into a
409."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationCommand, ApplicationState
from boligflyt.applications.models import Applicant, Application
from boligflyt.platform.auth import Agency, Principal
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.errors import Conflict, Forbidden, RuleViolation

# Who the periodic jobs act as, in the audit log.
SYSTEM_ACTOR = "system:applications"

M = TypeVar("M")


async def referenced(session: AsyncSession, model: type[M], key: object, what: str) -> M:
    """A row a request body names: unknown is bad input (422), not a missing resource."""
    row = await session.get(model, key) if key is not None else None
    if row is None:
        raise unknown(what, key)
    return row


def unknown(what: str, key: object) -> RuleViolation:
    return RuleViolation(f"{what} {key} does not exist", code=f"unknown_{what.replace(' ', '_')}")


async def commit_or_conflict(uow: UnitOfWork, detail: str) -> None:
    """Commit; a uniqueness the database enforces (a race the checks before could not see) is a 409."""
    try:
        await uow.commit()
    except IntegrityError as exc:
        raise Conflict(detail) from exc


def ensure_own_client(principal: Principal, applicant: Applicant) -> None:
    """NAV acts only for the people it registered here as its clients (first, or after Boligkontoret: `nav_client`);
    everyone else's data is Boligkontoret's."""
    if principal.agency is Agency.nav and applicant.created_by_agency != Agency.nav.value and not applicant.nav_client:
        raise Forbidden(
            "NAV may act only for applicants it registered as its clients; link the person's own application instead"
        )


def move_application(
    uow: UnitOfWork, application: Application, command: ApplicationCommand, *, complete: bool = False
) -> None:
    """The application's next state by the domain's state machine (409 naming the state if not allowed), audited."""
    before = application.state
    after = domain.application_transition(ApplicationState(before), command, complete=complete)
    application.state = after.value
    application.updated_at = uow.clock.now()
    uow.audit(
        f"application.{command.value}",
        "application",
        application.id,
        detail={"from": before, "to": after.value},
    )
