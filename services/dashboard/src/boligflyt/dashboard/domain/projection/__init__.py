"""The projection: one event -> the changes to the read model, by the agency that produced it.

A replay projects a million events: `project` finds an event's function by its exact type in one lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boligflyt.contracts.base import Event

from ..tables import Change
from . import applications, maintenance, ordering, temporary_housing

PROJECTIONS: dict[type[Event], Callable[[Any, str], list[Change]]] = {
    **applications.projections.by_type,
    **temporary_housing.projections.by_type,
    **maintenance.projections.by_type,
    **ordering.projections.by_type,
}


def project(data: Event, event_id: str) -> list[Change]:
    """The read-model changes of one event. Every event type of the catalogue has a projection."""
    projection = PROJECTIONS.get(type(data))
    if projection is None:
        raise LookupError(f"the dashboard has no projection for {data.event_type}")
    return projection(data, event_id)


__all__ = ["PROJECTIONS", "project"]
