from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.demand_out import DemandOut
    from ..models.signal_settings_in import SignalSettingsIn


T = TypeVar("T", bound="UnmetNeedOut")


@_attrs_define
class UnmetNeedOut:
    """
    Attributes:
        settings (SignalSettingsIn):
        demand (list[DemandOut]):
    """

    settings: SignalSettingsIn
    demand: list[DemandOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        settings = self.settings.to_dict()

        demand = []
        for demand_item_data in self.demand:
            demand_item = demand_item_data.to_dict()
            demand.append(demand_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "settings": settings,
                "demand": demand,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.demand_out import DemandOut
        from ..models.signal_settings_in import SignalSettingsIn

        d = dict(src_dict)
        settings = SignalSettingsIn.from_dict(d.pop("settings"))

        demand = []
        _demand = d.pop("demand")
        for demand_item_data in _demand:
            demand_item = DemandOut.from_dict(demand_item_data)

            demand.append(demand_item)

        unmet_need_out = cls(
            settings=settings,
            demand=demand,
        )

        unmet_need_out.additional_properties = d
        return unmet_need_out

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
