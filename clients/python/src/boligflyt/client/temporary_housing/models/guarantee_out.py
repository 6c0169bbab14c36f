from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guarantee_decision import GuaranteeDecision

T = TypeVar("T", bound="GuaranteeOut")


@_attrs_define
class GuaranteeOut:
    """
    Attributes:
        id (str):
        application_id (str):
        person_ref (str):
        decision (GuaranteeDecision): NAV's decision on a guarantee for a deposit.
        amount (int):
        decided_on (datetime.date):
        reason (None | str):
    """

    id: str
    application_id: str
    person_ref: str
    decision: GuaranteeDecision
    amount: int
    decided_on: datetime.date
    reason: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        application_id = self.application_id

        person_ref = self.person_ref

        decision = self.decision.value

        amount = self.amount

        decided_on = self.decided_on.isoformat()

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "person_ref": person_ref,
                "decision": decision,
                "amount": amount,
                "decided_on": decided_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        application_id = d.pop("application_id")

        person_ref = d.pop("person_ref")

        decision = GuaranteeDecision(d.pop("decision"))

        amount = d.pop("amount")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        guarantee_out = cls(
            id=id,
            application_id=application_id,
            person_ref=person_ref,
            decision=decision,
            amount=amount,
            decided_on=decided_on,
            reason=reason,
        )

        guarantee_out.additional_properties = d
        return guarantee_out

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
