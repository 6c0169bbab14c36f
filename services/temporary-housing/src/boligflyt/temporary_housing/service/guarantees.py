"""NAV's guarantee for a deposit: the decision is NAV's, and Boligkontoret signs a contract with a NAV guarantee
only once `deposit_guarantee.decided` says it was granted."""

from __future__ import annotations

from sqlalchemy import select

from boligflyt.contracts.codes import GuaranteeDecision
from boligflyt.contracts.events.temporary_housing import DepositGuaranteeDecided
from boligflyt.platform.clock import Clock
from boligflyt.platform.db import Database
from boligflyt.platform.ids import new_id
from boligflyt.temporary_housing.models import DepositGuarantee
from boligflyt.temporary_housing.schemas import GuaranteeIn


async def decide_guarantee(database: Database, actor: str, clock: Clock, body: GuaranteeIn) -> DepositGuarantee:
    async with database.unit_of_work(actor) as uow:
        guarantee = DepositGuarantee(
            id=new_id("gar"),
            application_id=body.application_id,
            person_ref=body.person_ref,
            decision=body.decision.value,
            amount=body.amount if body.decision is GuaranteeDecision.GRANTED else 0,
            decided_on=body.decided_on or clock.today(),
            reason=body.reason,
            created_at=clock.now(),
        )
        uow.session.add(guarantee)
        uow.record(
            DepositGuaranteeDecided(
                guarantee_id=guarantee.id,
                application_id=guarantee.application_id,
                person_ref=guarantee.person_ref,
                decision=body.decision,
                amount=guarantee.amount,
                decided_on=guarantee.decided_on,
            )
        )
        uow.audit("guarantee.decided", "deposit_guarantee", guarantee.id, detail={"decision": guarantee.decision})
        await uow.commit()
        return guarantee


async def guarantees_of(database: Database, application_id: str) -> list[DepositGuarantee]:
    async with database.sessions() as session:
        query = select(DepositGuarantee).where(DepositGuarantee.application_id == application_id)
        return list((await session.scalars(query.order_by(DepositGuarantee.decided_on, DepositGuarantee.id))).all())
