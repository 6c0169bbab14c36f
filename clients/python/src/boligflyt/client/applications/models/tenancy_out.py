from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_type import ContractType
from ..models.deposit_kind import DepositKind
from ..models.tenancy_state import TenancyState
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenancyOut")


@_attrs_define
class TenancyOut:
    """
    Attributes:
        id (str):
        application_id (None | str): None for a contract of the existing stock, imported.
        dwelling_id (str):
        state (TenancyState):
        contract_type (ContractType): The nine tenancy contract types Boligkontoret uses, each with its own terms.
        signed_on (datetime.date):
        start_date (datetime.date):
        end_date (datetime.date | None):
        monthly_rent (int):
        deposit_kind (DepositKind): How the deposit of 4 months' rent is secured (allocation criteria § 9).
        deposit_amount (int):
        interpreter_at_signing (bool):
        move_in_date (datetime.date | None):
        notice_given_on (datetime.date | None):
        move_out_date (datetime.date | None):
        ended_on (datetime.date | None):
        end_reason (None | str):
        applicant_id (None | str | Unset): The tenant of an imported contract.
        contract_ref (None | str | Unset): The contract's reference in the system it came from.
        imported_on (datetime.date | None | Unset): The day it was imported with the existing stock.
        escalated_end_date (datetime.date | None | Unset): The end a § 9-2 escalation was sent for (past it, neither
            renewed nor given notice).
    """

    id: str
    application_id: str | None
    dwelling_id: str
    state: TenancyState
    contract_type: ContractType
    signed_on: datetime.date
    start_date: datetime.date
    end_date: datetime.date | None
    monthly_rent: int
    deposit_kind: DepositKind
    deposit_amount: int
    interpreter_at_signing: bool
    move_in_date: datetime.date | None
    notice_given_on: datetime.date | None
    move_out_date: datetime.date | None
    ended_on: datetime.date | None
    end_reason: str | None
    applicant_id: str | Unset | None = UNSET
    contract_ref: str | Unset | None = UNSET
    imported_on: datetime.date | Unset | None = UNSET
    escalated_end_date: datetime.date | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        application_id: str | None
        application_id = self.application_id

        dwelling_id = self.dwelling_id

        state = self.state.value

        contract_type = self.contract_type.value

        signed_on = self.signed_on.isoformat()

        start_date = self.start_date.isoformat()

        end_date: str | None
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        monthly_rent = self.monthly_rent

        deposit_kind = self.deposit_kind.value

        deposit_amount = self.deposit_amount

        interpreter_at_signing = self.interpreter_at_signing

        move_in_date: str | None
        if isinstance(self.move_in_date, datetime.date):
            move_in_date = self.move_in_date.isoformat()
        else:
            move_in_date = self.move_in_date

        notice_given_on: str | None
        if isinstance(self.notice_given_on, datetime.date):
            notice_given_on = self.notice_given_on.isoformat()
        else:
            notice_given_on = self.notice_given_on

        move_out_date: str | None
        if isinstance(self.move_out_date, datetime.date):
            move_out_date = self.move_out_date.isoformat()
        else:
            move_out_date = self.move_out_date

        ended_on: str | None
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: str | None
        end_reason = self.end_reason

        applicant_id: str | Unset | None
        if isinstance(self.applicant_id, Unset):
            applicant_id = UNSET
        else:
            applicant_id = self.applicant_id

        contract_ref: str | Unset | None
        if isinstance(self.contract_ref, Unset):
            contract_ref = UNSET
        else:
            contract_ref = self.contract_ref

        imported_on: str | Unset | None
        if isinstance(self.imported_on, Unset):
            imported_on = UNSET
        elif isinstance(self.imported_on, datetime.date):
            imported_on = self.imported_on.isoformat()
        else:
            imported_on = self.imported_on

        escalated_end_date: str | Unset | None
        if isinstance(self.escalated_end_date, Unset):
            escalated_end_date = UNSET
        elif isinstance(self.escalated_end_date, datetime.date):
            escalated_end_date = self.escalated_end_date.isoformat()
        else:
            escalated_end_date = self.escalated_end_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "dwelling_id": dwelling_id,
                "state": state,
                "contract_type": contract_type,
                "signed_on": signed_on,
                "start_date": start_date,
                "end_date": end_date,
                "monthly_rent": monthly_rent,
                "deposit_kind": deposit_kind,
                "deposit_amount": deposit_amount,
                "interpreter_at_signing": interpreter_at_signing,
                "move_in_date": move_in_date,
                "notice_given_on": notice_given_on,
                "move_out_date": move_out_date,
                "ended_on": ended_on,
                "end_reason": end_reason,
            }
        )
        if applicant_id is not UNSET:
            field_dict["applicant_id"] = applicant_id
        if contract_ref is not UNSET:
            field_dict["contract_ref"] = contract_ref
        if imported_on is not UNSET:
            field_dict["imported_on"] = imported_on
        if escalated_end_date is not UNSET:
            field_dict["escalated_end_date"] = escalated_end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        application_id = _parse_application_id(d.pop("application_id"))

        dwelling_id = d.pop("dwelling_id")

        state = TenancyState(d.pop("state"))

        contract_type = ContractType(d.pop("contract_type"))

        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        monthly_rent = d.pop("monthly_rent")

        deposit_kind = DepositKind(d.pop("deposit_kind"))

        deposit_amount = d.pop("deposit_amount")

        interpreter_at_signing = d.pop("interpreter_at_signing")

        def _parse_move_in_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                move_in_date_type_0 = datetime.date.fromisoformat(data)

                return move_in_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        move_in_date = _parse_move_in_date(d.pop("move_in_date"))

        def _parse_notice_given_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_given_on_type_0 = datetime.date.fromisoformat(data)

                return notice_given_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notice_given_on = _parse_notice_given_on(d.pop("notice_given_on"))

        def _parse_move_out_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                move_out_date_type_0 = datetime.date.fromisoformat(data)

                return move_out_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        move_out_date = _parse_move_out_date(d.pop("move_out_date"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_end_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        def _parse_applicant_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_id = _parse_applicant_id(d.pop("applicant_id", UNSET))

        def _parse_contract_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_ref = _parse_contract_ref(d.pop("contract_ref", UNSET))

        def _parse_imported_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                imported_on_type_0 = datetime.date.fromisoformat(data)

                return imported_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        imported_on = _parse_imported_on(d.pop("imported_on", UNSET))

        def _parse_escalated_end_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_end_date_type_0 = datetime.date.fromisoformat(data)

                return escalated_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        escalated_end_date = _parse_escalated_end_date(d.pop("escalated_end_date", UNSET))

        tenancy_out = cls(
            id=id,
            application_id=application_id,
            dwelling_id=dwelling_id,
            state=state,
            contract_type=contract_type,
            signed_on=signed_on,
            start_date=start_date,
            end_date=end_date,
            monthly_rent=monthly_rent,
            deposit_kind=deposit_kind,
            deposit_amount=deposit_amount,
            interpreter_at_signing=interpreter_at_signing,
            move_in_date=move_in_date,
            notice_given_on=notice_given_on,
            move_out_date=move_out_date,
            ended_on=ended_on,
            end_reason=end_reason,
            applicant_id=applicant_id,
            contract_ref=contract_ref,
            imported_on=imported_on,
            escalated_end_date=escalated_end_date,
        )

        tenancy_out.additional_properties = d
        return tenancy_out

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
