from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kpis import Kpis
    from ..models.trend_point import TrendPoint
    from ..models.view import View
    from ..models.void_summary import VoidSummary


T = TypeVar("T", bound="Overview")


@_attrs_define
class Overview:
    """
    Attributes:
        view (View): The day figures are told for, and by which clock.
        kpis (Kpis):
        trend (list[TrendPoint]):
        void_months (list[VoidSummary]):
        void_median (float | None):
    """

    view: View
    kpis: Kpis
    trend: list[TrendPoint]
    void_months: list[VoidSummary]
    void_median: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        view = self.view.to_dict()

        kpis = self.kpis.to_dict()

        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)

        void_months = []
        for void_months_item_data in self.void_months:
            void_months_item = void_months_item_data.to_dict()
            void_months.append(void_months_item)

        void_median: float | None
        void_median = self.void_median

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "view": view,
                "kpis": kpis,
                "trend": trend,
                "void_months": void_months,
                "void_median": void_median,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpis import Kpis
        from ..models.trend_point import TrendPoint
        from ..models.view import View
        from ..models.void_summary import VoidSummary

        d = dict(src_dict)
        view = View.from_dict(d.pop("view"))

        kpis = Kpis.from_dict(d.pop("kpis"))

        trend = []
        _trend = d.pop("trend")
        for trend_item_data in _trend:
            trend_item = TrendPoint.from_dict(trend_item_data)

            trend.append(trend_item)

        void_months = []
        _void_months = d.pop("void_months")
        for void_months_item_data in _void_months:
            void_months_item = VoidSummary.from_dict(void_months_item_data)

            void_months.append(void_months_item)

        def _parse_void_median(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        void_median = _parse_void_median(d.pop("void_median"))

        overview = cls(
            view=view,
            kpis=kpis,
            trend=trend,
            void_months=void_months,
            void_median=void_median,
        )

        overview.additional_properties = d
        return overview

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
