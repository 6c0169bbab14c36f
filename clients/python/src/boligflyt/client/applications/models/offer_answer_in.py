from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.offer_answer_in_answer import OfferAnswerInAnswer
from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferAnswerIn")


@_attrs_define
class OfferAnswerIn:
    """
    Attributes:
        answer (OfferAnswerInAnswer):
        planned_move_in_on (datetime.date | None | Unset):
    """

    answer: OfferAnswerInAnswer
    planned_move_in_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer.value

        planned_move_in_on: str | Unset | None
        if isinstance(self.planned_move_in_on, Unset):
            planned_move_in_on = UNSET
        elif isinstance(self.planned_move_in_on, datetime.date):
            planned_move_in_on = self.planned_move_in_on.isoformat()
        else:
            planned_move_in_on = self.planned_move_in_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer": answer,
            }
        )
        if planned_move_in_on is not UNSET:
            field_dict["planned_move_in_on"] = planned_move_in_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer = OfferAnswerInAnswer(d.pop("answer"))

        def _parse_planned_move_in_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_move_in_on_type_0 = datetime.date.fromisoformat(data)

                return planned_move_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_move_in_on = _parse_planned_move_in_on(d.pop("planned_move_in_on", UNSET))

        offer_answer_in = cls(
            answer=answer,
            planned_move_in_on=planned_move_in_on,
        )

        return offer_answer_in
