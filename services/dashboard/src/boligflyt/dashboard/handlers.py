"""The dashboard consumes every event of the catalogue: each goes into the event log and the read model.

Handled through the platform inbox, so each event changes the read model exactly once. The inbox hands over a
fetched batch in one unit of work; the handler only collects the batch's events, and writes them all as the
unit of work commits, in a few statements per table (`service.project_envelopes`) rather than some per event:
what lets a rebuild replay a million events in reasonable time.
"""

from weakref import WeakKeyDictionary

from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.registry import specs
from boligflyt.dashboard.service import new_events, project_envelopes
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()

# The events of each open unit of work, in the order handled; gone with the unit of work.
_collected: WeakKeyDictionary[UnitOfWork, list[tuple[Envelope, str]]] = WeakKeyDictionary()


async def project_event(envelope: Envelope, uow: UnitOfWork) -> None:
    collected = _collected.get(uow)
    if collected is None:
        collected = _collected[uow] = []
        session = uow.session

        async def write() -> None:
            await project_envelopes(session, collected)

        uow.before_commit(write)
        uow.after_commit(new_events.notify)
    collected.append((envelope, envelope.topic))


handlers.on(*(spec.model for spec in specs()))(project_event)
