"""The catalogue is complete (the minimum set of docs/domain.md, "Events"), consistent, and documented."""

from __future__ import annotations

import inspect

import pytest

import boligflyt.contracts
from boligflyt.contracts.base import EVENT_TYPE_PREFIX, catalogue
from boligflyt.contracts.registry import EventSpec, spec_for, specs, topics
from boligflyt.contracts.topics import PRODUCERS, topic_for

# The minimum set every producer publishes (docs/domain.md, "Events"), by producer.
MINIMUM_SET = {
    "applications": [
        "application.submitted",
        "application.decided",
        "application.appealed",
        "application.left_list",
        "offer.made",
        "offer.answered",
        "allocation.decided",
        "allocation.move_in_rescheduled",
        "tenancy.signed",
        "tenancy.moved_in",
        "tenancy.notice_given",
        "tenancy.notice_withdrawn",
        "tenancy.ending_soon",
        "tenancy.renewed",
        "tenancy.ended",
    ],
    "temporary-housing": [
        "stay.started",
        "stay.application_linked",
        "stay.limit_approaching",
        "stay.limit_exceeded",
        "stay.ended",
        "settlement.quota_adopted",
        "settlement.announced",
        "settlement.completed",
    ],
    "maintenance": [
        "dwelling.registered",
        "dwelling.changed",
        "dwelling.withdrawn",
        "inspection.completed",
        "renovation.started",
        "renovation.rescheduled",
        "renovation.completed",
        "dwelling.ready_for_letting",
        "acquisition.stage_changed",
        "acquisition.delivered",
    ],
    "ordering": [
        "need.reported",
        "need.prioritised",
        "order.placed",
        "order.fulfilled",
        "order.cancelled",
        "budget.frame_set",
    ],
}

# Additions beyond the minimum set, each justified in its module's docstring.
ADDITIONS = {
    "applications": [
        "tenancy.past_end_escalated",
        "application.completeness_checked",
        "application.listed_for_meeting",
    ],
    "temporary-housing": [
        "stay.provider_changed",
        "settlement.housing_ordered",
        "agreement.renegotiation_due",
        "deposit_guarantee.decided",
    ],
    "maintenance": ["inspection.booked", "dwelling.reserved", "dwelling.let"],
    "ordering": ["need.rejected"],
}

SPECS = specs()


def test_importing_the_package_registers_the_whole_catalogue() -> None:
    assert boligflyt.contracts.catalogue() == catalogue()
    expected = {
        f"{EVENT_TYPE_PREFIX}{name}.v1": producer
        for producers in (MINIMUM_SET, ADDITIONS)
        for producer, names in producers.items()
        for name in names
    }
    assert {spec.type: spec.producer for spec in SPECS} == expected


def test_specs_are_sorted_and_findable() -> None:
    assert [spec.type for spec in SPECS] == sorted(spec.type for spec in SPECS)
    for spec in SPECS:
        assert spec_for(spec.type) == spec
    with pytest.raises(KeyError):
        spec_for("no.larvik.boligflyt.nothing.happened.v1")


def test_topics_are_one_per_producer() -> None:
    assert topics() == [topic_for(producer) for producer in MINIMUM_SET]


@pytest.mark.parametrize("spec", SPECS, ids=[spec.type for spec in SPECS])
def test_producer_topic_and_key(spec: EventSpec) -> None:
    assert spec.producer in PRODUCERS
    assert spec.topic == topic_for(spec.producer)
    assert spec.type == f"{EVENT_TYPE_PREFIX}{spec.name}.v{spec.version}"
    assert spec.key_field.endswith("_id"), "the key is the aggregate id"
    field = spec.model.model_fields[spec.key_field]
    assert field.is_required(), "every event of an aggregate carries its id"
    assert field.annotation is str


@pytest.mark.parametrize("spec", SPECS, ids=[spec.type for spec in SPECS])
def test_documented(spec: EventSpec) -> None:
    own_doc = spec.model.__doc__
    assert own_doc and own_doc.strip(), f"{spec.model.__name__} needs a docstring of its own"
    assert "Consumers" in inspect.getdoc(spec.model)  # type: ignore[operator]
    assert spec.summary and spec.summary == spec.description.splitlines()[0]
    for name, field in spec.model.model_fields.items():
        assert field.description, f"{spec.model.__name__}.{name} needs a description"


def test_model_names_are_unique() -> None:
    names = [spec.model.__name__ for spec in SPECS]
    assert len(names) == len(set(names))
