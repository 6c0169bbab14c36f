"""The dashboard consumes every event of the catalogue: each goes into the event log and the read model.

Handled through the platform inbox, so each event changes the read model exactly once. The projection takes the
new events of a fetched batch at once (`on_batch`) and writes them in a few statements per table
(`service.project_envelopes`) rather than some per event: what lets a rebuild replay a million events in
reasonable time.
"""

from collections.abc import Sequence

from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.registry import specs
from boligflyt.dashboard.service import new_events, project_envelopes
from boligflyt.platform.db import UnitOfWork
from boligflyt.platform.inbox import EventHandlers

handlers = EventHandlers()


@handlers.on_batch(*(spec.model for spec in specs()))
async def project_events(envelopes: Sequence[Envelope], uow: UnitOfWork) -> None:
    await project_envelopes(uow.session, envelopes)
    uow.after_commit(new_events.notify)
