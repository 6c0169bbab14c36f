from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PersonIn")


@_attrs_define
class PersonIn:
    """
    Attributes:
        national_id (str):
        name (str):
        birth_date (datetime.date):
    """

    national_id: str
    name: str
    birth_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        national_id = self.national_id

        name = self.name

        birth_date = self.birth_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "national_id": national_id,
                "name": name,
                "birth_date": birth_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        national_id = d.pop("national_id")

        name = d.pop("name")

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        person_in = cls(
            national_id=national_id,
            name=name,
            birth_date=birth_date,
        )

        return person_in
