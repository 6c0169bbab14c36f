from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferIn")


@_attrs_define
class OfferIn:
    """
    Attributes:
        answer_days (int | None | Unset): Days to answer; the service's default (7) if left out.
    """

    answer_days: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        answer_days: int | Unset | None
        if isinstance(self.answer_days, Unset):
            answer_days = UNSET
        else:
            answer_days = self.answer_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answer_days is not UNSET:
            field_dict["answer_days"] = answer_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_answer_days(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        answer_days = _parse_answer_days(d.pop("answer_days", UNSET))

        offer_in = cls(
            answer_days=answer_days,
        )

        return offer_in
