"""No event carries personal data beyond a pseudonym (docs/domain.md, "Persons in events")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import ValidationError

from boligflyt.contracts.base import Event
from boligflyt.contracts.examples import example_for, examples
from boligflyt.contracts.registry import EventSpec, specs

SPECS = specs()
NATIONAL_ID_LIKE = "01017012345"  # 11 digits: the shape of a national identity number (made up)

# Words that name personal data. Multi-word ones are matched anywhere in a property name; single words
# are matched as whole `_`-separated parts so that e.g. `renovation` does not trip `ssn`-like checks.
FORBIDDEN_ANYWHERE = ("fodselsnummer", "national_id", "first_name", "last_name", "full_name", "birth")
FORBIDDEN_PARTS = {"ssn", "phone", "email", "name", "address", "birth", "born", "diagnosis", "health"}
# Flags about a household's situation, not a person's address.
ALLOWED = {"no_fixed_address"}


def _property_names(schema: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(schema, dict):
        yield from schema.get("properties", {}).items()
        for value in schema.values():
            yield from _property_names(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _property_names(item)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.type for spec in SPECS])
def test_no_personal_data_in_property_names(spec: EventSpec) -> None:
    for name, subschema in _property_names(spec.model.model_json_schema()):
        lowered = name.lower()
        if lowered in ALLOWED:
            assert subschema.get("type") == "boolean", f"{name} may only be a flag"
            continue
        assert not any(word in lowered for word in FORBIDDEN_ANYWHERE), f"{spec.type}: {name}"
        assert not FORBIDDEN_PARTS & set(lowered.split("_")), f"{spec.type}: {name}"


def test_the_scan_would_catch_a_personal_field() -> None:
    schema: dict[str, Any] = {"properties": {"applicant_first_name": {}, "phone": {}, "home_address": {}}}
    flagged = [
        name
        for name, _ in _property_names(schema)
        if any(word in name for word in FORBIDDEN_ANYWHERE) or FORBIDDEN_PARTS & set(name.split("_"))
    ]
    assert flagged == ["applicant_first_name", "phone", "home_address"]


PERSON_REF_SPECS = [spec for spec in SPECS if "person_ref" in spec.model.model_fields]


def _with(model: type[Event], **changes: Any) -> dict[str, Any]:
    return {**example_for(model.event_type).model_dump(mode="json"), **changes}


@pytest.mark.parametrize("spec", PERSON_REF_SPECS, ids=[spec.type for spec in PERSON_REF_SPECS])
def test_person_ref_refuses_a_national_id(spec: EventSpec) -> None:
    for bad in (NATIONAL_ID_LIKE, "010170 12345", "A" * 64, "ab" * 31):
        with pytest.raises(ValidationError):
            spec.model.model_validate(_with(spec.model, person_ref=bad))
    spec.model.model_validate(_with(spec.model, person_ref="ab" * 32))


def test_person_refs_are_where_a_person_is_concerned() -> None:
    # At least these facts are about a person and must link across agencies by pseudonym.
    must = {
        "application.submitted",
        "application.decided",
        "allocation.decided",
        "offer.made",
        "tenancy.signed",
        "tenancy.moved_in",
        "stay.started",
        "stay.ended",
    }
    assert must <= {spec.name for spec in PERSON_REF_SPECS}


@pytest.mark.parametrize("spec", SPECS, ids=[spec.type for spec in SPECS])
def test_ids_refuse_a_national_id(spec: EventSpec) -> None:
    for name in spec.model.model_fields:
        if name.endswith("_id"):
            with pytest.raises(ValidationError):
                spec.model.model_validate(_with(spec.model, **{name: NATIONAL_ID_LIKE}))


def test_no_example_value_looks_like_a_national_id() -> None:
    for example in examples():
        text = json.dumps(example.model_dump(mode="json"))
        assert not re.search(r"(?<!\d)\d{11}(?!\d)", text), example.event_type
