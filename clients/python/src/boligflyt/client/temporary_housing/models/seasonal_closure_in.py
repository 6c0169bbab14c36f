from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SeasonalClosureIn")


@_attrs_define
class SeasonalClosureIn:
    """
    Attributes:
        closed_from (str): The first closed day of each year, MM-DD.
        closed_to (str): The last closed day of each year, MM-DD (may run over the new year).
    """

    closed_from: str
    closed_to: str

    def to_dict(self) -> dict[str, Any]:
        closed_from = self.closed_from

        closed_to = self.closed_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closed_from": closed_from,
                "closed_to": closed_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed_from = d.pop("closed_from")

        closed_to = d.pop("closed_to")

        seasonal_closure_in = cls(
            closed_from=closed_from,
            closed_to=closed_to,
        )

        return seasonal_closure_in
