"""Boligflyt event contracts: the one source of truth for every event on the bus.

Importing the package registers the whole catalogue (`boligflyt.contracts.events`), so a consumer that
only imports `boligflyt.contracts.envelope` can still parse every event type.
"""

from boligflyt.contracts import events
from boligflyt.contracts.base import Event, PersonRef, catalogue, event
from boligflyt.contracts.envelope import ContractViolation, Envelope, WireMessage, from_wire, to_wire

__all__ = [
    "ContractViolation",
    "Envelope",
    "Event",
    "PersonRef",
    "WireMessage",
    "catalogue",
    "event",
    "events",
    "from_wire",
    "to_wire",
]
