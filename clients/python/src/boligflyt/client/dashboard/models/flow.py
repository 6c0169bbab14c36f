from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.flow_stages import FlowStages
    from ..models.flow_steps import FlowSteps
    from ..models.view import View


T = TypeVar("T", bound="Flow")


@_attrs_define
class Flow:
    """
    Attributes:
        view (View): The day figures are told for, and by which clock.
        stages (FlowStages):
        steps (FlowSteps):
    """

    view: View
    stages: FlowStages
    steps: FlowSteps
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        view = self.view.to_dict()

        stages = self.stages.to_dict()

        steps = self.steps.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "view": view,
                "stages": stages,
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_stages import FlowStages
        from ..models.flow_steps import FlowSteps
        from ..models.view import View

        d = dict(src_dict)
        view = View.from_dict(d.pop("view"))

        stages = FlowStages.from_dict(d.pop("stages"))

        steps = FlowSteps.from_dict(d.pop("steps"))

        flow = cls(
            view=view,
            stages=stages,
            steps=steps,
        )

        flow.additional_properties = d
        return flow

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
