from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decision_outcome import DecisionOutcome
from ..models.reject_reason import RejectReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionIn")


@_attrs_define
class DecisionIn:
    """
    Attributes:
        application_id (str):
        outcome (DecisionOutcome): The allocation committee's (TBO) decision on an application.
        reject_reasons (list[RejectReason] | Unset):
        reasoning (None | str | Unset): Written reasons beyond the codes.
        notified_on (datetime.date | None | Unset): The day the applicant is notified; the appeal deadline runs from it.
    """

    application_id: str
    outcome: DecisionOutcome
    reject_reasons: list[RejectReason] | Unset = UNSET
    reasoning: str | Unset | None = UNSET
    notified_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        outcome = self.outcome.value

        reject_reasons: list[str] | Unset = UNSET
        if not isinstance(self.reject_reasons, Unset):
            reject_reasons = []
            for reject_reasons_item_data in self.reject_reasons:
                reject_reasons_item = reject_reasons_item_data.value
                reject_reasons.append(reject_reasons_item)

        reasoning: str | Unset | None
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        else:
            reasoning = self.reasoning

        notified_on: str | Unset | None
        if isinstance(self.notified_on, Unset):
            notified_on = UNSET
        elif isinstance(self.notified_on, datetime.date):
            notified_on = self.notified_on.isoformat()
        else:
            notified_on = self.notified_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_id": application_id,
                "outcome": outcome,
            }
        )
        if reject_reasons is not UNSET:
            field_dict["reject_reasons"] = reject_reasons
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if notified_on is not UNSET:
            field_dict["notified_on"] = notified_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        outcome = DecisionOutcome(d.pop("outcome"))

        _reject_reasons = d.pop("reject_reasons", UNSET)
        reject_reasons: list[RejectReason] | Unset = UNSET
        if _reject_reasons is not UNSET:
            reject_reasons = []
            for reject_reasons_item_data in _reject_reasons:
                reject_reasons_item = RejectReason(reject_reasons_item_data)

                reject_reasons.append(reject_reasons_item)

        def _parse_reasoning(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        def _parse_notified_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notified_on_type_0 = datetime.date.fromisoformat(data)

                return notified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        notified_on = _parse_notified_on(d.pop("notified_on", UNSET))

        decision_in = cls(
            application_id=application_id,
            outcome=outcome,
            reject_reasons=reject_reasons,
            reasoning=reasoning,
            notified_on=notified_on,
        )

        return decision_in
