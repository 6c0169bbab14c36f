from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dwelling_recommendation_out import DwellingRecommendationOut


T = TypeVar("T", bound="RecommendationOut")


@_attrs_define
class RecommendationOut:
    """
    Attributes:
        meeting_id (str):
        meeting_date (datetime.date):
        dwellings (list[DwellingRecommendationOut]):
    """

    meeting_id: str
    meeting_date: datetime.date
    dwellings: list[DwellingRecommendationOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meeting_id = self.meeting_id

        meeting_date = self.meeting_date.isoformat()

        dwellings = []
        for dwellings_item_data in self.dwellings:
            dwellings_item = dwellings_item_data.to_dict()
            dwellings.append(dwellings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meeting_id": meeting_id,
                "meeting_date": meeting_date,
                "dwellings": dwellings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dwelling_recommendation_out import DwellingRecommendationOut

        d = dict(src_dict)
        meeting_id = d.pop("meeting_id")

        meeting_date = datetime.date.fromisoformat(d.pop("meeting_date"))

        dwellings = []
        _dwellings = d.pop("dwellings")
        for dwellings_item_data in _dwellings:
            dwellings_item = DwellingRecommendationOut.from_dict(dwellings_item_data)

            dwellings.append(dwellings_item)

        recommendation_out = cls(
            meeting_id=meeting_id,
            meeting_date=meeting_date,
            dwellings=dwellings,
        )

        recommendation_out.additional_properties = d
        return recommendation_out

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
