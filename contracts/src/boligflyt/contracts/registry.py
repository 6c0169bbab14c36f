"""The catalogue as data: one `EventSpec` per event type, for generators, tests and the platform."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from boligflyt.contracts import events as _events  # noqa: F401  (registers every event)
from boligflyt.contracts.base import EVENT_TYPE_PREFIX, Event, catalogue
from boligflyt.contracts.topics import PRODUCERS, topic_for

# Named apart because EventSpec has a field called `type`, which shadows the builtin inside the class.
EventModel = type[Event]


@dataclass(frozen=True)
class EventSpec:
    """One event type: its model, who publishes it, where, and under which key."""

    type: str
    model: EventModel
    producer: str
    topic: str
    key_field: str
    summary: str

    @property
    def name(self) -> str:
        """The short name, e.g. `application.submitted` for `no.larvik.boligflyt.application.submitted.v1`."""
        return self.type.removeprefix(EVENT_TYPE_PREFIX).rsplit(".v", 1)[0]

    @property
    def version(self) -> int:
        return int(self.type.rsplit(".v", 1)[1])

    @property
    def title(self) -> str:
        """A human title, e.g. `Application submitted`."""
        words = self.name.replace(".", " ").replace("_", " ")
        return words[:1].upper() + words[1:]

    @property
    def description(self) -> str:
        """The model's whole docstring: the fact, then its consumers."""
        return inspect.getdoc(self.model) or ""


def _summary(model: type[Event]) -> str:
    doc = inspect.getdoc(model) or ""
    return doc.split("\n", 1)[0].strip()


def specs() -> list[EventSpec]:
    """Every event type, sorted by type."""
    return [
        EventSpec(
            type=event_type,
            model=model,
            producer=model.producer,
            topic=topic_for(model.producer),
            key_field=model.key_field,
            summary=_summary(model),
        )
        for event_type, model in sorted(catalogue().items())
    ]


def spec_for(event_type: str) -> EventSpec:
    """The spec of one event type; KeyError if it is not in the catalogue."""
    for spec in specs():
        if spec.type == event_type:
            return spec
    raise KeyError(event_type)


def topics() -> list[str]:
    """The topics that carry events of the catalogue, in the order of `topics.PRODUCERS`."""
    producers = {spec.producer for spec in specs()}
    return [topic_for(producer) for producer in PRODUCERS if producer in producers]
