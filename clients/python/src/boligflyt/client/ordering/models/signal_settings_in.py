from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SignalSettingsIn")


@_attrs_define
class SignalSettingsIn:
    """
    Attributes:
        period_days (int): How long the gap must last before a need is suggested.
        window_days (int): Supply counts dwellings that became ready this far back.
        min_gap (int): The smallest gap (households) that counts.
    """

    period_days: int
    window_days: int
    min_gap: int

    def to_dict(self) -> dict[str, Any]:
        period_days = self.period_days

        window_days = self.window_days

        min_gap = self.min_gap

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period_days": period_days,
                "window_days": window_days,
                "min_gap": min_gap,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_days = d.pop("period_days")

        window_days = d.pop("window_days")

        min_gap = d.pop("min_gap")

        signal_settings_in = cls(
            period_days=period_days,
            window_days=window_days,
            min_gap=min_gap,
        )

        return signal_settings_in
