from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inspection_trigger import InspectionTrigger

if TYPE_CHECKING:
    from ..models.checklist_answer import ChecklistAnswer


T = TypeVar("T", bound="InspectionOut")


@_attrs_define
class InspectionOut:
    """
    Attributes:
        id (str):
        dwelling_id (str):
        trigger (InspectionTrigger): What an inspection (befaring) is for; LKE holds over 700 a year.
        tenancy_id (None | str):
        booked_on (datetime.date):
        planned_on (datetime.date):
        status (str):
        inspected_on (datetime.date | None):
        meets_minimum_standard (bool | None):
        results (list[ChecklistAnswer] | None):
        inspector (None | str):
        renovation_job_id (None | str):
    """

    id: str
    dwelling_id: str
    trigger: InspectionTrigger
    tenancy_id: str | None
    booked_on: datetime.date
    planned_on: datetime.date
    status: str
    inspected_on: datetime.date | None
    meets_minimum_standard: bool | None
    results: list[ChecklistAnswer] | None
    inspector: str | None
    renovation_job_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        dwelling_id = self.dwelling_id

        trigger = self.trigger.value

        tenancy_id: str | None
        tenancy_id = self.tenancy_id

        booked_on = self.booked_on.isoformat()

        planned_on = self.planned_on.isoformat()

        status = self.status

        inspected_on: str | None
        if isinstance(self.inspected_on, datetime.date):
            inspected_on = self.inspected_on.isoformat()
        else:
            inspected_on = self.inspected_on

        meets_minimum_standard: bool | None
        meets_minimum_standard = self.meets_minimum_standard

        results: list[dict[str, Any]] | None
        if isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = results_type_0_item_data.to_dict()
                results.append(results_type_0_item)

        else:
            results = self.results

        inspector: str | None
        inspector = self.inspector

        renovation_job_id: str | None
        renovation_job_id = self.renovation_job_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "dwelling_id": dwelling_id,
                "trigger": trigger,
                "tenancy_id": tenancy_id,
                "booked_on": booked_on,
                "planned_on": planned_on,
                "status": status,
                "inspected_on": inspected_on,
                "meets_minimum_standard": meets_minimum_standard,
                "results": results,
                "inspector": inspector,
                "renovation_job_id": renovation_job_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_answer import ChecklistAnswer

        d = dict(src_dict)
        id = d.pop("id")

        dwelling_id = d.pop("dwelling_id")

        trigger = InspectionTrigger(d.pop("trigger"))

        def _parse_tenancy_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        tenancy_id = _parse_tenancy_id(d.pop("tenancy_id"))

        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        status = d.pop("status")

        def _parse_inspected_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_on_type_0 = datetime.date.fromisoformat(data)

                return inspected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        inspected_on = _parse_inspected_on(d.pop("inspected_on"))

        def _parse_meets_minimum_standard(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        meets_minimum_standard = _parse_meets_minimum_standard(d.pop("meets_minimum_standard"))

        def _parse_results(data: object) -> list[ChecklistAnswer] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = []
                _results_type_0 = data
                for results_type_0_item_data in _results_type_0:
                    results_type_0_item = ChecklistAnswer.from_dict(results_type_0_item_data)

                    results_type_0.append(results_type_0_item)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChecklistAnswer] | None, data)

        results = _parse_results(d.pop("results"))

        def _parse_inspector(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        inspector = _parse_inspector(d.pop("inspector"))

        def _parse_renovation_job_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        renovation_job_id = _parse_renovation_job_id(d.pop("renovation_job_id"))

        inspection_out = cls(
            id=id,
            dwelling_id=dwelling_id,
            trigger=trigger,
            tenancy_id=tenancy_id,
            booked_on=booked_on,
            planned_on=planned_on,
            status=status,
            inspected_on=inspected_on,
            meets_minimum_standard=meets_minimum_standard,
            results=results,
            inspector=inspector,
            renovation_job_id=renovation_job_id,
        )

        inspection_out.additional_properties = d
        return inspection_out

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
