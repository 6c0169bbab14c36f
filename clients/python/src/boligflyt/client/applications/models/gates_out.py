from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deposit_kind import DepositKind

if TYPE_CHECKING:
    from ..models.gates_out_gates import GatesOutGates


T = TypeVar("T", bound="GatesOut")


@_attrs_define
class GatesOut:
    """
    Attributes:
        application_id (str):
        dwelling_id (str):
        deposit_kind (DepositKind): How the deposit of 4 months' rent is secured (allocation criteria § 9).
        gates (GatesOutGates): Each gate that applies: `closed`, or why it is still open.
        open_gates (list[str]):
        coop_board_requested_on (datetime.date | None):
        coop_board_answer (None | str):
        deposit_paid_on (datetime.date | None):
        guarantee_decision (None | str):
    """

    application_id: str
    dwelling_id: str
    deposit_kind: DepositKind
    gates: GatesOutGates
    open_gates: list[str]
    coop_board_requested_on: datetime.date | None
    coop_board_answer: str | None
    deposit_paid_on: datetime.date | None
    guarantee_decision: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        dwelling_id = self.dwelling_id

        deposit_kind = self.deposit_kind.value

        gates = self.gates.to_dict()

        open_gates = self.open_gates

        coop_board_requested_on: str | None
        if isinstance(self.coop_board_requested_on, datetime.date):
            coop_board_requested_on = self.coop_board_requested_on.isoformat()
        else:
            coop_board_requested_on = self.coop_board_requested_on

        coop_board_answer: str | None
        coop_board_answer = self.coop_board_answer

        deposit_paid_on: str | None
        if isinstance(self.deposit_paid_on, datetime.date):
            deposit_paid_on = self.deposit_paid_on.isoformat()
        else:
            deposit_paid_on = self.deposit_paid_on

        guarantee_decision: str | None
        guarantee_decision = self.guarantee_decision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "dwelling_id": dwelling_id,
                "deposit_kind": deposit_kind,
                "gates": gates,
                "open_gates": open_gates,
                "coop_board_requested_on": coop_board_requested_on,
                "coop_board_answer": coop_board_answer,
                "deposit_paid_on": deposit_paid_on,
                "guarantee_decision": guarantee_decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gates_out_gates import GatesOutGates

        d = dict(src_dict)
        application_id = d.pop("application_id")

        dwelling_id = d.pop("dwelling_id")

        deposit_kind = DepositKind(d.pop("deposit_kind"))

        gates = GatesOutGates.from_dict(d.pop("gates"))

        open_gates = cast(list[str], d.pop("open_gates"))

        def _parse_coop_board_requested_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                coop_board_requested_on_type_0 = datetime.date.fromisoformat(data)

                return coop_board_requested_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        coop_board_requested_on = _parse_coop_board_requested_on(d.pop("coop_board_requested_on"))

        def _parse_coop_board_answer(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        coop_board_answer = _parse_coop_board_answer(d.pop("coop_board_answer"))

        def _parse_deposit_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deposit_paid_on_type_0 = datetime.date.fromisoformat(data)

                return deposit_paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        deposit_paid_on = _parse_deposit_paid_on(d.pop("deposit_paid_on"))

        def _parse_guarantee_decision(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        guarantee_decision = _parse_guarantee_decision(d.pop("guarantee_decision"))

        gates_out = cls(
            application_id=application_id,
            dwelling_id=dwelling_id,
            deposit_kind=deposit_kind,
            gates=gates,
            open_gates=open_gates,
            coop_board_requested_on=coop_board_requested_on,
            coop_board_answer=coop_board_answer,
            deposit_paid_on=deposit_paid_on,
            guarantee_decision=guarantee_decision,
        )

        gates_out.additional_properties = d
        return gates_out

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
