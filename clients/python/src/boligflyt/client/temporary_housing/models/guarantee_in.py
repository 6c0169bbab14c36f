from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.guarantee_decision import GuaranteeDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="GuaranteeIn")


@_attrs_define
class GuaranteeIn:
    """
    Attributes:
        application_id (str): Boligkontoret's application the household is about to sign a contract on.
        person_ref (str): The household's person_ref (as on Boligkontoret's events).
        decision (GuaranteeDecision): NAV's decision on a guarantee for a deposit.
        amount (int): NOK guaranteed: the deposit (4 months' rent); 0 if refused.
        decided_on (datetime.date | None | Unset): Today if left out.
        reason (None | str | Unset): Why; stays with NAV.
    """

    application_id: str
    person_ref: str
    decision: GuaranteeDecision
    amount: int
    decided_on: datetime.date | Unset | None = UNSET
    reason: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        person_ref = self.person_ref

        decision = self.decision.value

        amount = self.amount

        decided_on: str | Unset | None
        if isinstance(self.decided_on, Unset):
            decided_on = UNSET
        elif isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_id": application_id,
                "person_ref": person_ref,
                "decision": decision,
                "amount": amount,
            }
        )
        if decided_on is not UNSET:
            field_dict["decided_on"] = decided_on
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        person_ref = d.pop("person_ref")

        decision = GuaranteeDecision(d.pop("decision"))

        amount = d.pop("amount")

        def _parse_decided_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decided_on = _parse_decided_on(d.pop("decided_on", UNSET))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        guarantee_in = cls(
            application_id=application_id,
            person_ref=person_ref,
            decision=decision,
            amount=amount,
            decided_on=decided_on,
            reason=reason,
        )

        return guarantee_in
