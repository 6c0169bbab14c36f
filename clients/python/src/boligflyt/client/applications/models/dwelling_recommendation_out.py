from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dwelling_out import DwellingOut
    from ..models.ranked_application import RankedApplication


T = TypeVar("T", bound="DwellingRecommendationOut")


@_attrs_define
class DwellingRecommendationOut:
    """One dwelling on the committee's list: ready or coming vacant, the households it suits, the one proposed.

    Attributes:
        dwelling (DwellingOut):
        households (list[RankedApplication]): The households the dwelling suits, best first.
        proposed_application_id (None | str): The household Boligkontoret proposes: the highest on the waiting list not
            proposed for a dwelling ready sooner. Null when nobody on the list fits.
    """

    dwelling: DwellingOut
    households: list[RankedApplication]
    proposed_application_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dwelling = self.dwelling.to_dict()

        households = []
        for households_item_data in self.households:
            households_item = households_item_data.to_dict()
            households.append(households_item)

        proposed_application_id: str | None
        proposed_application_id = self.proposed_application_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dwelling": dwelling,
                "households": households,
                "proposed_application_id": proposed_application_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dwelling_out import DwellingOut
        from ..models.ranked_application import RankedApplication

        d = dict(src_dict)
        dwelling = DwellingOut.from_dict(d.pop("dwelling"))

        households = []
        _households = d.pop("households")
        for households_item_data in _households:
            households_item = RankedApplication.from_dict(households_item_data)

            households.append(households_item)

        def _parse_proposed_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        proposed_application_id = _parse_proposed_application_id(d.pop("proposed_application_id"))

        dwelling_recommendation_out = cls(
            dwelling=dwelling,
            households=households,
            proposed_application_id=proposed_application_id,
        )

        dwelling_recommendation_out.additional_properties = d
        return dwelling_recommendation_out

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
