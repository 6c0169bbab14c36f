from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommitteeAllocationOut")


@_attrs_define
class CommitteeAllocationOut:
    """
    Attributes:
        id (str):
        meeting_id (str):
        dwelling_id (str):
        application_id (str):
        proposed_application_id (None | str):
        deviation_reason (None | str):
        decided_on (datetime.date):
        offer_id (str):
        expected_move_in_on (datetime.date | None):
    """

    id: str
    meeting_id: str
    dwelling_id: str
    application_id: str
    proposed_application_id: str | None
    deviation_reason: str | None
    decided_on: datetime.date
    offer_id: str
    expected_move_in_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        meeting_id = self.meeting_id

        dwelling_id = self.dwelling_id

        application_id = self.application_id

        proposed_application_id: str | None
        proposed_application_id = self.proposed_application_id

        deviation_reason: str | None
        deviation_reason = self.deviation_reason

        decided_on = self.decided_on.isoformat()

        offer_id = self.offer_id

        expected_move_in_on: str | None
        if isinstance(self.expected_move_in_on, datetime.date):
            expected_move_in_on = self.expected_move_in_on.isoformat()
        else:
            expected_move_in_on = self.expected_move_in_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "meeting_id": meeting_id,
                "dwelling_id": dwelling_id,
                "application_id": application_id,
                "proposed_application_id": proposed_application_id,
                "deviation_reason": deviation_reason,
                "decided_on": decided_on,
                "offer_id": offer_id,
                "expected_move_in_on": expected_move_in_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        meeting_id = d.pop("meeting_id")

        dwelling_id = d.pop("dwelling_id")

        application_id = d.pop("application_id")

        def _parse_proposed_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        proposed_application_id = _parse_proposed_application_id(d.pop("proposed_application_id"))

        def _parse_deviation_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        deviation_reason = _parse_deviation_reason(d.pop("deviation_reason"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        offer_id = d.pop("offer_id")

        def _parse_expected_move_in_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_move_in_on_type_0 = datetime.date.fromisoformat(data)

                return expected_move_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_move_in_on = _parse_expected_move_in_on(d.pop("expected_move_in_on"))

        committee_allocation_out = cls(
            id=id,
            meeting_id=meeting_id,
            dwelling_id=dwelling_id,
            application_id=application_id,
            proposed_application_id=proposed_application_id,
            deviation_reason=deviation_reason,
            decided_on=decided_on,
            offer_id=offer_id,
            expected_move_in_on=expected_move_in_on,
        )

        committee_allocation_out.additional_properties = d
        return committee_allocation_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
