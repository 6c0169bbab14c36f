from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contract_type import ContractType
from ..models.deposit_kind import DepositKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenancyIn")


@_attrs_define
class TenancyIn:
    """
    Attributes:
        application_id (str):
        contract_type (ContractType): The nine tenancy contract types Boligkontoret uses, each with its own terms.
        start_date (datetime.date):
        deposit_kind (DepositKind): How the deposit of 4 months' rent is secured (allocation criteria § 9).
        end_date (datetime.date | None | Unset): Left out: the contract type's default term (3 years for ordinary
            rental).
        monthly_rent (int | None | Unset): NOK; left out: the dwelling's current rent.
        signed_on (datetime.date | None | Unset): Signed at the dwelling; today if left out.
    """

    application_id: str
    contract_type: ContractType
    start_date: datetime.date
    deposit_kind: DepositKind
    end_date: datetime.date | Unset | None = UNSET
    monthly_rent: int | Unset | None = UNSET
    signed_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        contract_type = self.contract_type.value

        start_date = self.start_date.isoformat()

        deposit_kind = self.deposit_kind.value

        end_date: str | Unset | None
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        monthly_rent: int | Unset | None
        if isinstance(self.monthly_rent, Unset):
            monthly_rent = UNSET
        else:
            monthly_rent = self.monthly_rent

        signed_on: str | Unset | None
        if isinstance(self.signed_on, Unset):
            signed_on = UNSET
        elif isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_id": application_id,
                "contract_type": contract_type,
                "start_date": start_date,
                "deposit_kind": deposit_kind,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if monthly_rent is not UNSET:
            field_dict["monthly_rent"] = monthly_rent
        if signed_on is not UNSET:
            field_dict["signed_on"] = signed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        contract_type = ContractType(d.pop("contract_type"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        deposit_kind = DepositKind(d.pop("deposit_kind"))

        def _parse_end_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_monthly_rent(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monthly_rent = _parse_monthly_rent(d.pop("monthly_rent", UNSET))

        def _parse_signed_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        signed_on = _parse_signed_on(d.pop("signed_on", UNSET))

        tenancy_in = cls(
            application_id=application_id,
            contract_type=contract_type,
            start_date=start_date,
            deposit_kind=deposit_kind,
            end_date=end_date,
            monthly_rent=monthly_rent,
            signed_on=signed_on,
        )

        return tenancy_in
