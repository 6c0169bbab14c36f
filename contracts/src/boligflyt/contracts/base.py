"""The base of every event payload and the decorator that enters an event into the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints

# A pseudonym for a person: the keyed HMAC of the national identity number, hex-encoded.
# Agencies link the same person with it; nobody can read who it is.
PersonRef = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

EVENT_TYPE_PREFIX = "no.larvik.boligflyt."


class Event(BaseModel):
    """The data of one fact published on the bus. Subclasses are entered into the catalogue with `@event`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Filled in by @event for every concrete event.
    event_type: ClassVar[str]
    producer: ClassVar[str]
    key_field: ClassVar[str]

    @property
    def key(self) -> str:
        """The Kafka key: the aggregate id, so that one case's events stay in order."""
        return str(getattr(self, self.key_field))


E = TypeVar("E", bound=type[Event])


class CatalogueError(Exception):
    """The catalogue itself is inconsistent (a programming error, found at import time)."""


_catalogue: dict[str, type[Event]] = {}


def event(name: str, *, producer: str, key: str, version: int = 1) -> Callable[[E], E]:
    """Enter an event into the catalogue as `no.larvik.boligflyt.<name>.v<version>`, keyed by field `key`."""

    def register(cls: E) -> E:
        event_type = f"{EVENT_TYPE_PREFIX}{name}.v{version}"
        if event_type in _catalogue:
            raise CatalogueError(f"{event_type} is entered twice")
        model: type[Event] = cls
        if key not in model.model_fields:
            raise CatalogueError(f"{cls.__name__} has no key field {key!r}")
        cls.event_type = event_type
        cls.producer = producer
        cls.key_field = key
        _catalogue[event_type] = cls
        return cls

    return register


def catalogue() -> dict[str, type[Event]]:
    """Every event type entered so far, by type string."""
    return dict(_catalogue)
