from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StockRowRejected")


@_attrs_define
class StockRowRejected:
    """
    Attributes:
        line (int): The file's line (CSV, the header is line 1) or the entry's number (JSON, from 1).
        dwelling_id (None | str):
        reasons (list[str]):
    """

    line: int
    dwelling_id: str | None
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        dwelling_id: str | None
        dwelling_id = self.dwelling_id

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "dwelling_id": dwelling_id,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        def _parse_dwelling_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        dwelling_id = _parse_dwelling_id(d.pop("dwelling_id"))

        reasons = cast(list[str], d.pop("reasons"))

        stock_row_rejected = cls(
            line=line,
            dwelling_id=dwelling_id,
            reasons=reasons,
        )

        stock_row_rejected.additional_properties = d
        return stock_row_rejected

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
