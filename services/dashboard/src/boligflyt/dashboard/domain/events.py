"""What the dashboard reads off any event: the day its fact happened, the agency that said it, who and what it is
about (the event log's columns and the timelines)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from boligflyt.contracts.base import Event
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import temporary_housing as t

AGENCY_OF_PRODUCER = {
    "applications": "boligkontoret",
    "temporary-housing": "nav",
    "maintenance": "lke",
    "ordering": "bestiller",
    "integrations": "integrations",
}


def short_name(event_type: str) -> str:
    """`no.larvik.boligflyt.stay.started.v1` -> `stay.started`."""
    return event_type.removeprefix("no.larvik.boligflyt.").rsplit(".v", 1)[0]


def event_date(data: Event) -> date | None:
    """The day the fact happened in the domain (its main date field)."""
    if isinstance(data, t.StayEnded):
        return data.end_date
    if isinstance(data, t.StayLimitApproaching | t.StayLimitExceeded):
        return data.start_date + timedelta(days=data.days_in_stay)
    if isinstance(data, a.TenancyEndingSoon):
        return data.end_date - timedelta(days=data.days_left)
    if isinstance(data, m.RenovationStarted):
        return data.started_on
    if isinstance(data, m.RenovationCompleted):
        return data.completed_on
    if isinstance(data, t.AgreementRenegotiationDue):
        return data.reminded_on
    for name in _date_fields(type(data)):
        value = getattr(data, name)
        if isinstance(value, date):
            return value
    return None


# What each event type has is known from its model; looked up once per type, since a replay asks for every event
# (and a missing attribute costs a pydantic __getattr__ and an exception each time).
@cache
def _date_fields(model: type[Event]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if info.annotation in (date, date | None))


@cache
def _has_field(model: type[Event], name: str) -> bool:
    return name in model.model_fields


def person_ref_of(data: Event) -> str | None:
    value = data.person_ref if _has_field(type(data), "person_ref") else None  # type: ignore[attr-defined]
    return value if isinstance(value, str) else None


def dwelling_id_of(data: Event) -> str | None:
    model = type(data)
    value = data.dwelling_id if _has_field(model, "dwelling_id") else None  # type: ignore[attr-defined]
    if isinstance(value, str):
        return value
    ids = data.dwelling_ids if _has_field(model, "dwelling_ids") else None  # type: ignore[attr-defined]
    if isinstance(ids, tuple) and ids:
        return str(ids[0])
    return None
