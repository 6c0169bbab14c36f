from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivered_dwelling import DeliveredDwelling


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        cost (int): What the delivered dwellings cost, NOK.
        dwellings (list[DeliveredDwelling]):
        delivered_on (datetime.date | None | Unset): Defaults to today.
    """

    cost: int
    dwellings: list[DeliveredDwelling]
    delivered_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        cost = self.cost

        dwellings = []
        for dwellings_item_data in self.dwellings:
            dwellings_item = dwellings_item_data.to_dict()
            dwellings.append(dwellings_item)

        delivered_on: str | Unset | None
        if isinstance(self.delivered_on, Unset):
            delivered_on = UNSET
        elif isinstance(self.delivered_on, datetime.date):
            delivered_on = self.delivered_on.isoformat()
        else:
            delivered_on = self.delivered_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cost": cost,
                "dwellings": dwellings,
            }
        )
        if delivered_on is not UNSET:
            field_dict["delivered_on"] = delivered_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivered_dwelling import DeliveredDwelling

        d = dict(src_dict)
        cost = d.pop("cost")

        dwellings = []
        _dwellings = d.pop("dwellings")
        for dwellings_item_data in _dwellings:
            dwellings_item = DeliveredDwelling.from_dict(dwellings_item_data)

            dwellings.append(dwellings_item)

        def _parse_delivered_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_on_type_0 = datetime.date.fromisoformat(data)

                return delivered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        delivered_on = _parse_delivered_on(d.pop("delivered_on", UNSET))

        delivery = cls(
            cost=cost,
            dwellings=dwellings,
            delivered_on=delivered_on,
        )

        return delivery
