from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_state import OfferState

T = TypeVar("T", bound="OfferOut")


@_attrs_define
class OfferOut:
    """
    Attributes:
        id (str):
        dwelling_id (str):
        application_id (str):
        rank (int):
        state (OfferState):
        offered_on (datetime.date):
        answer_deadline (datetime.date):
        answered_on (datetime.date | None):
        meeting_id (None | str): The committee meeting that allocated the dwelling, if one did.
        expected_move_in_on (datetime.date | None): When the dwelling is expected ready, if it is not yet.
    """

    id: str
    dwelling_id: str
    application_id: str
    rank: int
    state: OfferState
    offered_on: datetime.date
    answer_deadline: datetime.date
    answered_on: datetime.date | None
    meeting_id: str | None
    expected_move_in_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        dwelling_id = self.dwelling_id

        application_id = self.application_id

        rank = self.rank

        state = self.state.value

        offered_on = self.offered_on.isoformat()

        answer_deadline = self.answer_deadline.isoformat()

        answered_on: str | None
        if isinstance(self.answered_on, datetime.date):
            answered_on = self.answered_on.isoformat()
        else:
            answered_on = self.answered_on

        meeting_id: str | None
        meeting_id = self.meeting_id

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
                "dwelling_id": dwelling_id,
                "application_id": application_id,
                "rank": rank,
                "state": state,
                "offered_on": offered_on,
                "answer_deadline": answer_deadline,
                "answered_on": answered_on,
                "meeting_id": meeting_id,
                "expected_move_in_on": expected_move_in_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        dwelling_id = d.pop("dwelling_id")

        application_id = d.pop("application_id")

        rank = d.pop("rank")

        state = OfferState(d.pop("state"))

        offered_on = datetime.date.fromisoformat(d.pop("offered_on"))

        answer_deadline = datetime.date.fromisoformat(d.pop("answer_deadline"))

        def _parse_answered_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_on_type_0 = datetime.date.fromisoformat(data)

                return answered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        answered_on = _parse_answered_on(d.pop("answered_on"))

        def _parse_meeting_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id"))

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

        offer_out = cls(
            id=id,
            dwelling_id=dwelling_id,
            application_id=application_id,
            rank=rank,
            state=state,
            offered_on=offered_on,
            answer_deadline=answer_deadline,
            answered_on=answered_on,
            meeting_id=meeting_id,
            expected_move_in_on=expected_move_in_on,
        )

        offer_out.additional_properties = d
        return offer_out

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
