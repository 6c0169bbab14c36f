from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CaseIn")


@_attrs_define
class CaseIn:
    """
    Attributes:
        application_id (str):
    """

    application_id: str

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_id": application_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        case_in = cls(
            application_id=application_id,
        )

        return case_in
