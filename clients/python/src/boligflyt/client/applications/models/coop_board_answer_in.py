from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.coop_board_answer_in_answer import CoopBoardAnswerInAnswer
from ..types import UNSET, Unset

T = TypeVar("T", bound="CoopBoardAnswerIn")


@_attrs_define
class CoopBoardAnswerIn:
    """
    Attributes:
        answer (CoopBoardAnswerInAnswer):
        answered_on (datetime.date | None | Unset): Today if left out.
    """

    answer: CoopBoardAnswerInAnswer
    answered_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer.value

        answered_on: str | Unset | None
        if isinstance(self.answered_on, Unset):
            answered_on = UNSET
        elif isinstance(self.answered_on, datetime.date):
            answered_on = self.answered_on.isoformat()
        else:
            answered_on = self.answered_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer": answer,
            }
        )
        if answered_on is not UNSET:
            field_dict["answered_on"] = answered_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer = CoopBoardAnswerInAnswer(d.pop("answer"))

        def _parse_answered_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_on_type_0 = datetime.date.fromisoformat(data)

                return answered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        answered_on = _parse_answered_on(d.pop("answered_on", UNSET))

        coop_board_answer_in = cls(
            answer=answer,
            answered_on=answered_on,
        )

        return coop_board_answer_in
