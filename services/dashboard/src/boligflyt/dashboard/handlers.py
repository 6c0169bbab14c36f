"""The dashboard consumes every event of the catalogue: each goes into the event log and the read model.

Handled through the platform inbox, so each event changes the read model exactly once.
"""

from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.registry import specs
from boligflyt.dashboard.service import new_events, project_envelope
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()


async def project_event(envelope: Envelope, uow: UnitOfWork) -> None:
    await project_envelope(uow.session, envelope, envelope.topic)
    uow.after_commit(new_events.notify)


handlers.on(*(spec.model for spec in specs()))(project_event)
