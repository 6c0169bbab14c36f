from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.renovation_kpi_late_jobs_item import RenovationKpiLateJobsItem


T = TypeVar("T", bound="RenovationKpi")


@_attrs_define
class RenovationKpi:
    """
    Attributes:
        open_jobs (int):
        overdue_jobs (int):
        median_duration_days (float | None):
        lost_rent_owed (int):
        lost_rent_accruing (int):
        late_jobs (list[RenovationKpiLateJobsItem]):
        lost_rent_total (int):
    """

    open_jobs: int
    overdue_jobs: int
    median_duration_days: float | None
    lost_rent_owed: int
    lost_rent_accruing: int
    late_jobs: list[RenovationKpiLateJobsItem]
    lost_rent_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_jobs = self.open_jobs

        overdue_jobs = self.overdue_jobs

        median_duration_days: float | None
        median_duration_days = self.median_duration_days

        lost_rent_owed = self.lost_rent_owed

        lost_rent_accruing = self.lost_rent_accruing

        late_jobs = []
        for late_jobs_item_data in self.late_jobs:
            late_jobs_item = late_jobs_item_data.to_dict()
            late_jobs.append(late_jobs_item)

        lost_rent_total = self.lost_rent_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_jobs": open_jobs,
                "overdue_jobs": overdue_jobs,
                "median_duration_days": median_duration_days,
                "lost_rent_owed": lost_rent_owed,
                "lost_rent_accruing": lost_rent_accruing,
                "late_jobs": late_jobs,
                "lost_rent_total": lost_rent_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.renovation_kpi_late_jobs_item import RenovationKpiLateJobsItem

        d = dict(src_dict)
        open_jobs = d.pop("open_jobs")

        overdue_jobs = d.pop("overdue_jobs")

        def _parse_median_duration_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_duration_days = _parse_median_duration_days(d.pop("median_duration_days"))

        lost_rent_owed = d.pop("lost_rent_owed")

        lost_rent_accruing = d.pop("lost_rent_accruing")

        late_jobs = []
        _late_jobs = d.pop("late_jobs")
        for late_jobs_item_data in _late_jobs:
            late_jobs_item = RenovationKpiLateJobsItem.from_dict(late_jobs_item_data)

            late_jobs.append(late_jobs_item)

        lost_rent_total = d.pop("lost_rent_total")

        renovation_kpi = cls(
            open_jobs=open_jobs,
            overdue_jobs=overdue_jobs,
            median_duration_days=median_duration_days,
            lost_rent_owed=lost_rent_owed,
            lost_rent_accruing=lost_rent_accruing,
            late_jobs=late_jobs,
            lost_rent_total=lost_rent_total,
        )

        renovation_kpi.additional_properties = d
        return renovation_kpi

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
