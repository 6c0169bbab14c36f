from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_answer import ChecklistAnswer
    from ..models.readiness import Readiness


T = TypeVar("T", bound="InspectionResult")


@_attrs_define
class InspectionResult:
    """
    Attributes:
        results (list[ChecklistAnswer]): One answer per checklist item.
        inspected_on (datetime.date | None | Unset): Defaults to today.
        inspector (None | str | Unset):
        readiness (None | Readiness | Unset): Required when the dwelling passes and is empty: it then becomes ready.
        renovation_scope (None | str | Unset): What the renovation job is to do, if it fails.
        renovation_due_date (datetime.date | None | Unset): An agreed due date (default: 1 month).
        estimated_cost (int | None | Unset): NOK.
    """

    results: list[ChecklistAnswer]
    inspected_on: datetime.date | Unset | None = UNSET
    inspector: str | Unset | None = UNSET
    readiness: Readiness | Unset | None = UNSET
    renovation_scope: str | Unset | None = UNSET
    renovation_due_date: datetime.date | Unset | None = UNSET
    estimated_cost: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.readiness import Readiness

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        inspected_on: str | Unset | None
        if isinstance(self.inspected_on, Unset):
            inspected_on = UNSET
        elif isinstance(self.inspected_on, datetime.date):
            inspected_on = self.inspected_on.isoformat()
        else:
            inspected_on = self.inspected_on

        inspector: str | Unset | None
        if isinstance(self.inspector, Unset):
            inspector = UNSET
        else:
            inspector = self.inspector

        readiness: dict[str, Any] | Unset | None
        if isinstance(self.readiness, Unset):
            readiness = UNSET
        elif isinstance(self.readiness, Readiness):
            readiness = self.readiness.to_dict()
        else:
            readiness = self.readiness

        renovation_scope: str | Unset | None
        if isinstance(self.renovation_scope, Unset):
            renovation_scope = UNSET
        else:
            renovation_scope = self.renovation_scope

        renovation_due_date: str | Unset | None
        if isinstance(self.renovation_due_date, Unset):
            renovation_due_date = UNSET
        elif isinstance(self.renovation_due_date, datetime.date):
            renovation_due_date = self.renovation_due_date.isoformat()
        else:
            renovation_due_date = self.renovation_due_date

        estimated_cost: int | Unset | None
        if isinstance(self.estimated_cost, Unset):
            estimated_cost = UNSET
        else:
            estimated_cost = self.estimated_cost

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "results": results,
            }
        )
        if inspected_on is not UNSET:
            field_dict["inspected_on"] = inspected_on
        if inspector is not UNSET:
            field_dict["inspector"] = inspector
        if readiness is not UNSET:
            field_dict["readiness"] = readiness
        if renovation_scope is not UNSET:
            field_dict["renovation_scope"] = renovation_scope
        if renovation_due_date is not UNSET:
            field_dict["renovation_due_date"] = renovation_due_date
        if estimated_cost is not UNSET:
            field_dict["estimated_cost"] = estimated_cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_answer import ChecklistAnswer
        from ..models.readiness import Readiness

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ChecklistAnswer.from_dict(results_item_data)

            results.append(results_item)

        def _parse_inspected_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_on_type_0 = datetime.date.fromisoformat(data)

                return inspected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        inspected_on = _parse_inspected_on(d.pop("inspected_on", UNSET))

        def _parse_inspector(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inspector = _parse_inspector(d.pop("inspector", UNSET))

        def _parse_readiness(data: object) -> Readiness | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                readiness_type_0 = Readiness.from_dict(data)

                return readiness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Readiness | Unset, data)

        readiness = _parse_readiness(d.pop("readiness", UNSET))

        def _parse_renovation_scope(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        renovation_scope = _parse_renovation_scope(d.pop("renovation_scope", UNSET))

        def _parse_renovation_due_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renovation_due_date_type_0 = datetime.date.fromisoformat(data)

                return renovation_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        renovation_due_date = _parse_renovation_due_date(d.pop("renovation_due_date", UNSET))

        def _parse_estimated_cost(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_cost = _parse_estimated_cost(d.pop("estimated_cost", UNSET))

        inspection_result = cls(
            results=results,
            inspected_on=inspected_on,
            inspector=inspector,
            readiness=readiness,
            renovation_scope=renovation_scope,
            renovation_due_date=renovation_due_date,
            estimated_cost=estimated_cost,
        )

        return inspection_result
