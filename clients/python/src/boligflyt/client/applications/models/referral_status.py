from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_state import ApplicationState
from ..models.decision_outcome import DecisionOutcome
from ..models.referrer import Referrer

T = TypeVar("T", bound="ReferralStatus")


@_attrs_define
class ReferralStatus:
    """What a referring agency (NAV) sees of its own referral: the status, nothing personal.

    Attributes:
        id (str):
        state (ApplicationState):
        referrer (Referrer): Who brought the application (for NAV Intro the reply goes to the programme adviser).
        referrer_case_ref (None | str):
        submitted_on (datetime.date):
        decided_on (datetime.date | None):
        outcome (DecisionOutcome | None):
    """

    id: str
    state: ApplicationState
    referrer: Referrer
    referrer_case_ref: str | None
    submitted_on: datetime.date
    decided_on: datetime.date | None
    outcome: DecisionOutcome | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state.value

        referrer = self.referrer.value

        referrer_case_ref: str | None
        referrer_case_ref = self.referrer_case_ref

        submitted_on = self.submitted_on.isoformat()

        decided_on: str | None
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        outcome: str | None
        if isinstance(self.outcome, DecisionOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "referrer": referrer,
                "referrer_case_ref": referrer_case_ref,
                "submitted_on": submitted_on,
                "decided_on": decided_on,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        state = ApplicationState(d.pop("state"))

        referrer = Referrer(d.pop("referrer"))

        def _parse_referrer_case_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        referrer_case_ref = _parse_referrer_case_ref(d.pop("referrer_case_ref"))

        submitted_on = datetime.date.fromisoformat(d.pop("submitted_on"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

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

        referral_status = cls(
            id=id,
            state=state,
            referrer=referrer,
            referrer_case_ref=referrer_case_ref,
            submitted_on=submitted_on,
            decided_on=decided_on,
            outcome=outcome,
        )

        referral_status.additional_properties = d
        return referral_status

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
