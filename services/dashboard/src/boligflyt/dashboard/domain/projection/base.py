"""How an agency's projection is written: one function per event type, registered for that type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from boligflyt.contracts.base import Event

from ..tables import Change

E = TypeVar("E", bound=Event)
Projection = Callable[[E, str], list[Change]]
"""The read-model changes of one event, given the event and its id."""


class Projections:
    """An agency's projection functions by the event type each projects."""

    def __init__(self) -> None:
        self.by_type: dict[type[Event], Callable[[Any, str], list[Change]]] = {}

    def on(self, model: type[E]) -> Callable[[Projection[E]], Projection[E]]:
        def register(function: Projection[E]) -> Projection[E]:
            if model in self.by_type:
                raise ValueError(f"{model.__name__} has a projection already")
            self.by_type[model] = function
            return function

        return register


def dwelling_status(dwelling_id: str, status: str, on: date) -> Change:
    """A dwelling's status as of a day: several agencies' events move it, and only ever to a later day."""
    return Change("dwellings", dwelling_id, {"status": status, "status_on": on}, guard="status_on")
