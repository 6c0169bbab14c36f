"""The household's stay in NAV's temporary housing, as NAV's events tell it: when it began, whether NAV warned
that it nears the 3-month limit, and when it ended. The time already spent there weighs in priority (§ 10)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from boligflyt.applications.models import Application
from boligflyt.platform.db import UnitOfWork


async def stay_linked(uow: UnitOfWork, application_id: str, stay_id: str, started_on: date | None) -> None:
    application = await uow.session.get(Application, application_id)
    if application is None:  # NAV linked an application we do not hold: nothing to weigh
        uow.audit("stay.link_unknown", "application", application_id, detail={"stay_id": stay_id})
        return
    application.stay_id = stay_id
    application.stay_started_on = started_on
    application.stay_ended_on = None


async def stay_limit_approaching(uow: UnitOfWork, stay_id: str, warned_on: date) -> None:
    for application in await uow.session.scalars(select(Application).where(Application.stay_id == stay_id)):
        application.stay_limit_warned_on = application.stay_limit_warned_on or warned_on
        uow.audit("application.stay_limit_approaching", "application", application.id, detail={"stay_id": stay_id})


async def stay_ended(uow: UnitOfWork, stay_id: str, ended_on: date) -> None:
    for application in await uow.session.scalars(select(Application).where(Application.stay_id == stay_id)):
        application.stay_ended_on = ended_on
