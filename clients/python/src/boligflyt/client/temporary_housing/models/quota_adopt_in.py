from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuotaAdoptIn")


@_attrs_define
class QuotaAdoptIn:
    """
    Attributes:
        adopted_persons (int):
        adopted_on (datetime.date):
        unaccompanied_minors (int | Unset):  Default: 0.
    """

    adopted_persons: int
    adopted_on: datetime.date
    unaccompanied_minors: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        adopted_persons = self.adopted_persons

        adopted_on = self.adopted_on.isoformat()

        unaccompanied_minors = self.unaccompanied_minors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adopted_persons": adopted_persons,
                "adopted_on": adopted_on,
            }
        )
        if unaccompanied_minors is not UNSET:
            field_dict["unaccompanied_minors"] = unaccompanied_minors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adopted_persons = d.pop("adopted_persons")

        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        unaccompanied_minors = d.pop("unaccompanied_minors", UNSET)

        quota_adopt_in = cls(
            adopted_persons=adopted_persons,
            adopted_on=adopted_on,
            unaccompanied_minors=unaccompanied_minors,
        )

        return quota_adopt_in
