from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_outcome import DecisionOutcome
from ..models.reject_reason import RejectReason

T = TypeVar("T", bound="MeetingCaseOut")


@_attrs_define
class MeetingCaseOut:
    """
    Attributes:
        application_id (str):
        added_on (datetime.date):
        outcome (DecisionOutcome | None):
        reject_reasons (list[RejectReason]):
        after_appeal (bool):
    """

    application_id: str
    added_on: datetime.date
    outcome: DecisionOutcome | None
    reject_reasons: list[RejectReason]
    after_appeal: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        added_on = self.added_on.isoformat()

        outcome: str | None
        if isinstance(self.outcome, DecisionOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        reject_reasons = []
        for reject_reasons_item_data in self.reject_reasons:
            reject_reasons_item = reject_reasons_item_data.value
            reject_reasons.append(reject_reasons_item)

        after_appeal = self.after_appeal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "added_on": added_on,
                "outcome": outcome,
                "reject_reasons": reject_reasons,
                "after_appeal": after_appeal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        added_on = datetime.date.fromisoformat(d.pop("added_on"))

        def _parse_outcome(data: object) -> DecisionOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = DecisionOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionOutcome | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        reject_reasons = []
        _reject_reasons = d.pop("reject_reasons")
        for reject_reasons_item_data in _reject_reasons:
            reject_reasons_item = RejectReason(reject_reasons_item_data)

            reject_reasons.append(reject_reasons_item)

        after_appeal = d.pop("after_appeal")

        meeting_case_out = cls(
            application_id=application_id,
            added_on=added_on,
            outcome=outcome,
            reject_reasons=reject_reasons,
            after_appeal=after_appeal,
        )

        meeting_case_out.additional_properties = d
        return meeting_case_out

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
