from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acquisition_method import AcquisitionMethod
from ..models.budget_line import BudgetLine
from ..models.dwelling_category import DwellingCategory
from ..models.order_cancel_reason import OrderCancelReason
from ..models.order_state import OrderState
from ..models.supplier import Supplier
from ..models.target_group import TargetGroup

T = TypeVar("T", bound="OrderOut")


@_attrs_define
class OrderOut:
    """
    Attributes:
        order_id (str):
        state (OrderState): `placed -> accepted -> in_progress -> delivered(partially) -> closed | cancelled`.
        overdue (bool): Open and past its due date (computed from today's date).
        supplier (Supplier): Who an order is placed with; orders to LKBS need prior competition (public procurement
            rules).
        need_ids (list[str]):
        programme_year (int):
        budget_line (BudgetLine): The budget frames dwellings are financed from (the council's Boligløft, LKE's loan
            frame, the economic plan).
        target_group (TargetGroup): Who the dwellings of a need or an order are for.
        dwelling_type (DwellingCategory): The target group or kind a dwelling is earmarked for.
        dwellings (int):
        dwellings_delivered (int):
        delivered_dwelling_ids (list[str]):
        bedrooms (int | None):
        accessible (bool):
        staffed (bool):
        preferred_method (AcquisitionMethod | None):
        estimated_cost (int):
        commitment_remaining (int):
        spent (int):
        placed_on (datetime.date):
        due_date (datetime.date):
        accepted_on (datetime.date | None):
        closed_on (datetime.date | None):
        cancelled_on (datetime.date | None):
        cancel_reason (None | OrderCancelReason):
        project_id (None | str):
        acquisition_stage (None | str):
        over_commit_justification (None | str):
    """

    order_id: str
    state: OrderState
    overdue: bool
    supplier: Supplier
    need_ids: list[str]
    programme_year: int
    budget_line: BudgetLine
    target_group: TargetGroup
    dwelling_type: DwellingCategory
    dwellings: int
    dwellings_delivered: int
    delivered_dwelling_ids: list[str]
    bedrooms: int | None
    accessible: bool
    staffed: bool
    preferred_method: AcquisitionMethod | None
    estimated_cost: int
    commitment_remaining: int
    spent: int
    placed_on: datetime.date
    due_date: datetime.date
    accepted_on: datetime.date | None
    closed_on: datetime.date | None
    cancelled_on: datetime.date | None
    cancel_reason: OrderCancelReason | None
    project_id: str | None
    acquisition_stage: str | None
    over_commit_justification: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        state = self.state.value

        overdue = self.overdue

        supplier = self.supplier.value

        need_ids = self.need_ids

        programme_year = self.programme_year

        budget_line = self.budget_line.value

        target_group = self.target_group.value

        dwelling_type = self.dwelling_type.value

        dwellings = self.dwellings

        dwellings_delivered = self.dwellings_delivered

        delivered_dwelling_ids = self.delivered_dwelling_ids

        bedrooms: int | None
        bedrooms = self.bedrooms

        accessible = self.accessible

        staffed = self.staffed

        preferred_method: str | None
        if isinstance(self.preferred_method, AcquisitionMethod):
            preferred_method = self.preferred_method.value
        else:
            preferred_method = self.preferred_method

        estimated_cost = self.estimated_cost

        commitment_remaining = self.commitment_remaining

        spent = self.spent

        placed_on = self.placed_on.isoformat()

        due_date = self.due_date.isoformat()

        accepted_on: str | None
        if isinstance(self.accepted_on, datetime.date):
            accepted_on = self.accepted_on.isoformat()
        else:
            accepted_on = self.accepted_on

        closed_on: str | None
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        cancelled_on: str | None
        if isinstance(self.cancelled_on, datetime.date):
            cancelled_on = self.cancelled_on.isoformat()
        else:
            cancelled_on = self.cancelled_on

        cancel_reason: str | None
        if isinstance(self.cancel_reason, OrderCancelReason):
            cancel_reason = self.cancel_reason.value
        else:
            cancel_reason = self.cancel_reason

        project_id: str | None
        project_id = self.project_id

        acquisition_stage: str | None
        acquisition_stage = self.acquisition_stage

        over_commit_justification: str | None
        over_commit_justification = self.over_commit_justification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "state": state,
                "overdue": overdue,
                "supplier": supplier,
                "need_ids": need_ids,
                "programme_year": programme_year,
                "budget_line": budget_line,
                "target_group": target_group,
                "dwelling_type": dwelling_type,
                "dwellings": dwellings,
                "dwellings_delivered": dwellings_delivered,
                "delivered_dwelling_ids": delivered_dwelling_ids,
                "bedrooms": bedrooms,
                "accessible": accessible,
                "staffed": staffed,
                "preferred_method": preferred_method,
                "estimated_cost": estimated_cost,
                "commitment_remaining": commitment_remaining,
                "spent": spent,
                "placed_on": placed_on,
                "due_date": due_date,
                "accepted_on": accepted_on,
                "closed_on": closed_on,
                "cancelled_on": cancelled_on,
                "cancel_reason": cancel_reason,
                "project_id": project_id,
                "acquisition_stage": acquisition_stage,
                "over_commit_justification": over_commit_justification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_id = d.pop("order_id")

        state = OrderState(d.pop("state"))

        overdue = d.pop("overdue")

        supplier = Supplier(d.pop("supplier"))

        need_ids = cast(list[str], d.pop("need_ids"))

        programme_year = d.pop("programme_year")

        budget_line = BudgetLine(d.pop("budget_line"))

        target_group = TargetGroup(d.pop("target_group"))

        dwelling_type = DwellingCategory(d.pop("dwelling_type"))

        dwellings = d.pop("dwellings")

        dwellings_delivered = d.pop("dwellings_delivered")

        delivered_dwelling_ids = cast(list[str], d.pop("delivered_dwelling_ids"))

        def _parse_bedrooms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms"))

        accessible = d.pop("accessible")

        staffed = d.pop("staffed")

        def _parse_preferred_method(data: object) -> AcquisitionMethod | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_method_type_0 = AcquisitionMethod(data)

                return preferred_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AcquisitionMethod | None, data)

        preferred_method = _parse_preferred_method(d.pop("preferred_method"))

        estimated_cost = d.pop("estimated_cost")

        commitment_remaining = d.pop("commitment_remaining")

        spent = d.pop("spent")

        placed_on = datetime.date.fromisoformat(d.pop("placed_on"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_accepted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_on_type_0 = datetime.date.fromisoformat(data)

                return accepted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        accepted_on = _parse_accepted_on(d.pop("accepted_on"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_cancelled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_on_type_0 = datetime.date.fromisoformat(data)

                return cancelled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cancelled_on = _parse_cancelled_on(d.pop("cancelled_on"))

        def _parse_cancel_reason(data: object) -> OrderCancelReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancel_reason_type_0 = OrderCancelReason(data)

                return cancel_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderCancelReason, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason"))

        def _parse_project_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_acquisition_stage(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        acquisition_stage = _parse_acquisition_stage(d.pop("acquisition_stage"))

        def _parse_over_commit_justification(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        over_commit_justification = _parse_over_commit_justification(d.pop("over_commit_justification"))

        order_out = cls(
            order_id=order_id,
            state=state,
            overdue=overdue,
            supplier=supplier,
            need_ids=need_ids,
            programme_year=programme_year,
            budget_line=budget_line,
            target_group=target_group,
            dwelling_type=dwelling_type,
            dwellings=dwellings,
            dwellings_delivered=dwellings_delivered,
            delivered_dwelling_ids=delivered_dwelling_ids,
            bedrooms=bedrooms,
            accessible=accessible,
            staffed=staffed,
            preferred_method=preferred_method,
            estimated_cost=estimated_cost,
            commitment_remaining=commitment_remaining,
            spent=spent,
            placed_on=placed_on,
            due_date=due_date,
            accepted_on=accepted_on,
            closed_on=closed_on,
            cancelled_on=cancelled_on,
            cancel_reason=cancel_reason,
            project_id=project_id,
            acquisition_stage=acquisition_stage,
            over_commit_justification=over_commit_justification,
        )

        order_out.additional_properties = d
        return order_out

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
