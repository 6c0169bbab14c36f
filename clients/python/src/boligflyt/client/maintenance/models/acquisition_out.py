from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acquisition_method import AcquisitionMethod
from ..models.acquisition_stage import AcquisitionStage

if TYPE_CHECKING:
    from ..models.acquisition_out_stages_item import AcquisitionOutStagesItem


T = TypeVar("T", bound="AcquisitionOut")


@_attrs_define
class AcquisitionOut:
    """
    Attributes:
        id (str):
        order_id (None | str):
        method (AcquisitionMethod): How LKE provides ordered dwellings.
        stage (AcquisitionStage): The stages of an acquisition project, in order; purchases skip to `taken_over`.
        stage_since (datetime.date):
        dwellings_planned (int):
        dwellings_delivered (int):
        budget_amount (int | None):
        target_group (None | str): Who the ordered dwellings are for.
        dwelling_category (None | str): The kind of dwelling ordered, if specified.
        bedrooms (int | None):
        accessible (bool):
        staffed (bool):
        expected_delivery_on (datetime.date | None):
        opened_on (datetime.date):
        stages (list[AcquisitionOutStagesItem]):
    """

    id: str
    order_id: str | None
    method: AcquisitionMethod
    stage: AcquisitionStage
    stage_since: datetime.date
    dwellings_planned: int
    dwellings_delivered: int
    budget_amount: int | None
    target_group: str | None
    dwelling_category: str | None
    bedrooms: int | None
    accessible: bool
    staffed: bool
    expected_delivery_on: datetime.date | None
    opened_on: datetime.date
    stages: list[AcquisitionOutStagesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        order_id: str | None
        order_id = self.order_id

        method = self.method.value

        stage = self.stage.value

        stage_since = self.stage_since.isoformat()

        dwellings_planned = self.dwellings_planned

        dwellings_delivered = self.dwellings_delivered

        budget_amount: int | None
        budget_amount = self.budget_amount

        target_group: str | None
        target_group = self.target_group

        dwelling_category: str | None
        dwelling_category = self.dwelling_category

        bedrooms: int | None
        bedrooms = self.bedrooms

        accessible = self.accessible

        staffed = self.staffed

        expected_delivery_on: str | None
        if isinstance(self.expected_delivery_on, datetime.date):
            expected_delivery_on = self.expected_delivery_on.isoformat()
        else:
            expected_delivery_on = self.expected_delivery_on

        opened_on = self.opened_on.isoformat()

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_id": order_id,
                "method": method,
                "stage": stage,
                "stage_since": stage_since,
                "dwellings_planned": dwellings_planned,
                "dwellings_delivered": dwellings_delivered,
                "budget_amount": budget_amount,
                "target_group": target_group,
                "dwelling_category": dwelling_category,
                "bedrooms": bedrooms,
                "accessible": accessible,
                "staffed": staffed,
                "expected_delivery_on": expected_delivery_on,
                "opened_on": opened_on,
                "stages": stages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acquisition_out_stages_item import AcquisitionOutStagesItem

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_order_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        method = AcquisitionMethod(d.pop("method"))

        stage = AcquisitionStage(d.pop("stage"))

        stage_since = datetime.date.fromisoformat(d.pop("stage_since"))

        dwellings_planned = d.pop("dwellings_planned")

        dwellings_delivered = d.pop("dwellings_delivered")

        def _parse_budget_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        budget_amount = _parse_budget_amount(d.pop("budget_amount"))

        def _parse_target_group(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        target_group = _parse_target_group(d.pop("target_group"))

        def _parse_dwelling_category(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        dwelling_category = _parse_dwelling_category(d.pop("dwelling_category"))

        def _parse_bedrooms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms"))

        accessible = d.pop("accessible")

        staffed = d.pop("staffed")

        def _parse_expected_delivery_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_delivery_on_type_0 = datetime.date.fromisoformat(data)

                return expected_delivery_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_delivery_on = _parse_expected_delivery_on(d.pop("expected_delivery_on"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = AcquisitionOutStagesItem.from_dict(stages_item_data)

            stages.append(stages_item)

        acquisition_out = cls(
            id=id,
            order_id=order_id,
            method=method,
            stage=stage,
            stage_since=stage_since,
            dwellings_planned=dwellings_planned,
            dwellings_delivered=dwellings_delivered,
            budget_amount=budget_amount,
            target_group=target_group,
            dwelling_category=dwelling_category,
            bedrooms=bedrooms,
            accessible=accessible,
            staffed=staffed,
            expected_delivery_on=expected_delivery_on,
            opened_on=opened_on,
            stages=stages,
        )

        acquisition_out.additional_properties = d
        return acquisition_out

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
