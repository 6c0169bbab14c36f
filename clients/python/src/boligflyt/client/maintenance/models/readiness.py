from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """What is recorded when a dwelling is made ready for move-in: photographs and the meter reading.

    Attributes:
        photographs (list[str]): References to the photographs taken.
        meter_reading_kwh (int): The electricity meter reading.
        meter_number (None | str | Unset):
    """

    photographs: list[str]
    meter_reading_kwh: int
    meter_number: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        photographs = self.photographs

        meter_reading_kwh = self.meter_reading_kwh

        meter_number: str | Unset | None
        if isinstance(self.meter_number, Unset):
            meter_number = UNSET
        else:
            meter_number = self.meter_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "photographs": photographs,
                "meter_reading_kwh": meter_reading_kwh,
            }
        )
        if meter_number is not UNSET:
            field_dict["meter_number"] = meter_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        photographs = cast(list[str], d.pop("photographs"))

        meter_reading_kwh = d.pop("meter_reading_kwh")

        def _parse_meter_number(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        meter_number = _parse_meter_number(d.pop("meter_number", UNSET))

        readiness = cls(
            photographs=photographs,
            meter_reading_kwh=meter_reading_kwh,
            meter_number=meter_number,
        )

        return readiness
