from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.acquisition_stage import AcquisitionStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="StageMove")


@_attrs_define
class StageMove:
    """
    Attributes:
        stage (AcquisitionStage): The stages of an acquisition project, in order; purchases skip to `taken_over`.
        expected_delivery_on (datetime.date | None | Unset):
    """

    stage: AcquisitionStage
    expected_delivery_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage.value

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
                "stage": stage,
            }
        )
        if expected_delivery_on is not UNSET:
            field_dict["expected_delivery_on"] = expected_delivery_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage = AcquisitionStage(d.pop("stage"))

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

        stage_move = cls(
            stage=stage,
            expected_delivery_on=expected_delivery_on,
        )

        return stage_move
