from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.dwelling_batch_dwellings_item import DwellingBatchDwellingsItem


T = TypeVar("T", bound="DwellingBatch")


@_attrs_define
class DwellingBatch:
    """
    Attributes:
        dwellings (list[DwellingBatchDwellingsItem]): Dwellings keyed by external_ref (fields as in POST /v1/dwellings);
            bad rows are rejected one by one, the good ones written in one transaction.
    """

    dwellings: list[DwellingBatchDwellingsItem]

    def to_dict(self) -> dict[str, Any]:
        dwellings = []
        for dwellings_item_data in self.dwellings:
            dwellings_item = dwellings_item_data.to_dict()
            dwellings.append(dwellings_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dwellings": dwellings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dwelling_batch_dwellings_item import DwellingBatchDwellingsItem

        d = dict(src_dict)
        dwellings = []
        _dwellings = d.pop("dwellings")
        for dwellings_item_data in _dwellings:
            dwellings_item = DwellingBatchDwellingsItem.from_dict(dwellings_item_data)

            dwellings.append(dwellings_item)

        dwelling_batch = cls(
            dwellings=dwellings,
        )

        return dwelling_batch
