from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.acquisition_method import AcquisitionMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="AcquisitionOpen")


@_attrs_define
class AcquisitionOpen:
    """
    Attributes:
        method (AcquisitionMethod): How LKE provides ordered dwellings.
        dwellings_planned (int):
        order_id (None | str | Unset):
        expected_delivery_on (datetime.date | None | Unset):
    """

    method: AcquisitionMethod
    dwellings_planned: int
    order_id: str | Unset | None = UNSET
    expected_delivery_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        dwellings_planned = self.dwellings_planned

        order_id: str | Unset | None
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        expected_delivery_on: str | Unset | None
        if isinstance(self.expected_delivery_on, Unset):
            expected_delivery_on = UNSET
        elif isinstance(self.expected_delivery_on, datetime.date):
            expected_delivery_on = self.expected_delivery_on.isoformat()
        else:
            expected_delivery_on = self.expected_delivery_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "dwellings_planned": dwellings_planned,
            }
        )
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if expected_delivery_on is not UNSET:
            field_dict["expected_delivery_on"] = expected_delivery_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = AcquisitionMethod(d.pop("method"))

        dwellings_planned = d.pop("dwellings_planned")

        def _parse_order_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        def _parse_expected_delivery_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_delivery_on_type_0 = datetime.date.fromisoformat(data)

                return expected_delivery_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_delivery_on = _parse_expected_delivery_on(d.pop("expected_delivery_on", UNSET))

        acquisition_open = cls(
            method=method,
            dwellings_planned=dwellings_planned,
            order_id=order_id,
            expected_delivery_on=expected_delivery_on,
        )

        return acquisition_open
