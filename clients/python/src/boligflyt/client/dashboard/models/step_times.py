from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.step_case import StepCase
    from ..models.step_times_buckets import StepTimesBuckets


T = TypeVar("T", bound="StepTimes")


@_attrs_define
class StepTimes:
    """
    Attributes:
        step (str):
        cases (list[StepCase]):
        median_days (float | None):
        buckets (StepTimesBuckets):
    """

    step: str
    cases: list[StepCase]
    median_days: float | None
    buckets: StepTimesBuckets
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step = self.step

        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        median_days: float | None
        median_days = self.median_days

        buckets = self.buckets.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step": step,
                "cases": cases,
                "median_days": median_days,
                "buckets": buckets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step_case import StepCase
        from ..models.step_times_buckets import StepTimesBuckets

        d = dict(src_dict)
        step = d.pop("step")

        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = StepCase.from_dict(cases_item_data)

            cases.append(cases_item)

        def _parse_median_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_days = _parse_median_days(d.pop("median_days"))

        buckets = StepTimesBuckets.from_dict(d.pop("buckets"))

        step_times = cls(
            step=step,
            cases=cases,
            median_days=median_days,
            buckets=buckets,
        )

        step_times.additional_properties = d
        return step_times

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
