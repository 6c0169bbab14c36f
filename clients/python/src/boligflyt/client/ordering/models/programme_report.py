from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.report_line import ReportLine


T = TypeVar("T", bound="ProgrammeReport")


@_attrs_define
class ProgrammeReport:
    """
    Attributes:
        year (int):
        as_of (datetime.date):
        lines (list[ReportLine]):
        needs_reported_in_year (int): Needs reported this calendar year (any state).
        needs_rejected_in_year (int):
    """

    year: int
    as_of: datetime.date
    lines: list[ReportLine]
    needs_reported_in_year: int
    needs_rejected_in_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        as_of = self.as_of.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        needs_reported_in_year = self.needs_reported_in_year

        needs_rejected_in_year = self.needs_rejected_in_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "as_of": as_of,
                "lines": lines,
                "needs_reported_in_year": needs_reported_in_year,
                "needs_rejected_in_year": needs_rejected_in_year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_line import ReportLine

        d = dict(src_dict)
        year = d.pop("year")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReportLine.from_dict(lines_item_data)

            lines.append(lines_item)

        needs_reported_in_year = d.pop("needs_reported_in_year")

        needs_rejected_in_year = d.pop("needs_rejected_in_year")

        programme_report = cls(
            year=year,
            as_of=as_of,
            lines=lines,
            needs_reported_in_year=needs_reported_in_year,
            needs_rejected_in_year=needs_rejected_in_year,
        )

        programme_report.additional_properties = d
        return programme_report

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
