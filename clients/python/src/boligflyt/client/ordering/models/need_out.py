from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.budget_line import BudgetLine
from ..models.dwelling_category import DwellingCategory
from ..models.need_reject_reason import NeedRejectReason
from ..models.need_state import NeedState
from ..models.reporting_service import ReportingService
from ..models.service_needs import ServiceNeeds
from ..models.target_group import TargetGroup

T = TypeVar("T", bound="NeedOut")


@_attrs_define
class NeedOut:
    """
    Attributes:
        need_id (str):
        state (NeedState): `reported -> prioritised -> ordered -> delivered | rejected`, plus the unmet-need signal's
            `suggested` (waiting for a coordinator to confirm it as reported, or dismiss it).
        origin (str): api, or unmet_need_signal for a suggestion from the waiting list.
        reported_by (ReportingService): The municipal service that reported a housing need.
        target_group (TargetGroup): Who the dwellings of a need or an order are for.
        dwelling_type (DwellingCategory): The target group or kind a dwelling is earmarked for.
        quantity (int):
        bedrooms (int | None):
        accessible (bool):
        service_needs (ServiceNeeds): What services the dwellings need besides the dwelling itself (financed in the
            economic plan: the housing
            plan's measure 10.1).
        wanted_by (datetime.date | None):
        justification (str):
        source_ref (None | str):
        reported_on (datetime.date):
        programme_year (int | None):
        budget_line (BudgetLine | None):
        dwellings_prioritised (int | None):
        prioritised_on (datetime.date | None):
        rejected_on (datetime.date | None):
        reject_reason (NeedRejectReason | None):
        decision_note (None | str):
        order_id (None | str):
    """

    need_id: str
    state: NeedState
    origin: str
    reported_by: ReportingService
    target_group: TargetGroup
    dwelling_type: DwellingCategory
    quantity: int
    bedrooms: int | None
    accessible: bool
    service_needs: ServiceNeeds
    wanted_by: datetime.date | None
    justification: str
    source_ref: str | None
    reported_on: datetime.date
    programme_year: int | None
    budget_line: BudgetLine | None
    dwellings_prioritised: int | None
    prioritised_on: datetime.date | None
    rejected_on: datetime.date | None
    reject_reason: NeedRejectReason | None
    decision_note: str | None
    order_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        need_id = self.need_id

        state = self.state.value

        origin = self.origin

        reported_by = self.reported_by.value

        target_group = self.target_group.value

        dwelling_type = self.dwelling_type.value

        quantity = self.quantity

        bedrooms: int | None
        bedrooms = self.bedrooms

        accessible = self.accessible

        service_needs = self.service_needs.value

        wanted_by: str | None
        if isinstance(self.wanted_by, datetime.date):
            wanted_by = self.wanted_by.isoformat()
        else:
            wanted_by = self.wanted_by

        justification = self.justification

        source_ref: str | None
        source_ref = self.source_ref

        reported_on = self.reported_on.isoformat()

        programme_year: int | None
        programme_year = self.programme_year

        budget_line: str | None
        if isinstance(self.budget_line, BudgetLine):
            budget_line = self.budget_line.value
        else:
            budget_line = self.budget_line

        dwellings_prioritised: int | None
        dwellings_prioritised = self.dwellings_prioritised

        prioritised_on: str | None
        if isinstance(self.prioritised_on, datetime.date):
            prioritised_on = self.prioritised_on.isoformat()
        else:
            prioritised_on = self.prioritised_on

        rejected_on: str | None
        if isinstance(self.rejected_on, datetime.date):
            rejected_on = self.rejected_on.isoformat()
        else:
            rejected_on = self.rejected_on

        reject_reason: str | None
        if isinstance(self.reject_reason, NeedRejectReason):
            reject_reason = self.reject_reason.value
        else:
            reject_reason = self.reject_reason

        decision_note: str | None
        decision_note = self.decision_note

        order_id: str | None
        order_id = self.order_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "need_id": need_id,
                "state": state,
                "origin": origin,
                "reported_by": reported_by,
                "target_group": target_group,
                "dwelling_type": dwelling_type,
                "quantity": quantity,
                "bedrooms": bedrooms,
                "accessible": accessible,
                "service_needs": service_needs,
                "wanted_by": wanted_by,
                "justification": justification,
                "source_ref": source_ref,
                "reported_on": reported_on,
                "programme_year": programme_year,
                "budget_line": budget_line,
                "dwellings_prioritised": dwellings_prioritised,
                "prioritised_on": prioritised_on,
                "rejected_on": rejected_on,
                "reject_reason": reject_reason,
                "decision_note": decision_note,
                "order_id": order_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        need_id = d.pop("need_id")

        state = NeedState(d.pop("state"))

        origin = d.pop("origin")

        reported_by = ReportingService(d.pop("reported_by"))

        target_group = TargetGroup(d.pop("target_group"))

        dwelling_type = DwellingCategory(d.pop("dwelling_type"))

        quantity = d.pop("quantity")

        def _parse_bedrooms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms"))

        accessible = d.pop("accessible")

        service_needs = ServiceNeeds(d.pop("service_needs"))

        def _parse_wanted_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                wanted_by_type_0 = datetime.date.fromisoformat(data)

                return wanted_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        wanted_by = _parse_wanted_by(d.pop("wanted_by"))

        justification = d.pop("justification")

        def _parse_source_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        source_ref = _parse_source_ref(d.pop("source_ref"))

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        def _parse_programme_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        programme_year = _parse_programme_year(d.pop("programme_year"))

        def _parse_budget_line(data: object) -> BudgetLine | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                budget_line_type_0 = BudgetLine(data)

                return budget_line_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BudgetLine | None, data)

        budget_line = _parse_budget_line(d.pop("budget_line"))

        def _parse_dwellings_prioritised(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        dwellings_prioritised = _parse_dwellings_prioritised(d.pop("dwellings_prioritised"))

        def _parse_prioritised_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prioritised_on_type_0 = datetime.date.fromisoformat(data)

                return prioritised_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        prioritised_on = _parse_prioritised_on(d.pop("prioritised_on"))

        def _parse_rejected_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rejected_on_type_0 = datetime.date.fromisoformat(data)

                return rejected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        rejected_on = _parse_rejected_on(d.pop("rejected_on"))

        def _parse_reject_reason(data: object) -> NeedRejectReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reject_reason_type_0 = NeedRejectReason(data)

                return reject_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NeedRejectReason | None, data)

        reject_reason = _parse_reject_reason(d.pop("reject_reason"))

        def _parse_decision_note(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

        def _parse_order_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        need_out = cls(
            need_id=need_id,
            state=state,
            origin=origin,
            reported_by=reported_by,
            target_group=target_group,
            dwelling_type=dwelling_type,
            quantity=quantity,
            bedrooms=bedrooms,
            accessible=accessible,
            service_needs=service_needs,
            wanted_by=wanted_by,
            justification=justification,
            source_ref=source_ref,
            reported_on=reported_on,
            programme_year=programme_year,
            budget_line=budget_line,
            dwellings_prioritised=dwellings_prioritised,
            prioritised_on=prioritised_on,
            rejected_on=rejected_on,
            reject_reason=reject_reason,
            decision_note=decision_note,
            order_id=order_id,
        )

        need_out.additional_properties = d
        return need_out

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
