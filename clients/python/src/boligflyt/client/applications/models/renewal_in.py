from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contract_type import ContractType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ownership_check import OwnershipCheck


T = TypeVar("T", bound="RenewalIn")


@_attrs_define
class RenewalIn:
    """
    Attributes:
        ownership_check (OwnershipCheck): The rent-to-own / startlån assessment every application and renewal gets first
            (§ 8).
        application_id (str): The approved renewal application for this tenancy.
        contract_type (ContractType | None | Unset):
        new_end_date (datetime.date | None | Unset): Left out: the contract type's default term.
    """

    ownership_check: OwnershipCheck
    application_id: str
    contract_type: ContractType | Unset | None = UNSET
    new_end_date: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        ownership_check = self.ownership_check.to_dict()

        application_id = self.application_id

        contract_type: str | Unset | None
        if isinstance(self.contract_type, Unset):
            contract_type = UNSET
        elif isinstance(self.contract_type, ContractType):
            contract_type = self.contract_type.value
        else:
            contract_type = self.contract_type

        new_end_date: str | Unset | None
        if isinstance(self.new_end_date, Unset):
            new_end_date = UNSET
        elif isinstance(self.new_end_date, datetime.date):
            new_end_date = self.new_end_date.isoformat()
        else:
            new_end_date = self.new_end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ownership_check": ownership_check,
                "application_id": application_id,
            }
        )
        if contract_type is not UNSET:
            field_dict["contract_type"] = contract_type
        if new_end_date is not UNSET:
            field_dict["new_end_date"] = new_end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ownership_check import OwnershipCheck

        d = dict(src_dict)
        ownership_check = OwnershipCheck.from_dict(d.pop("ownership_check"))

        application_id = d.pop("application_id")

        def _parse_contract_type(data: object) -> ContractType | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_type_type_0 = ContractType(data)

                return contract_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractType | None | Unset, data)

        contract_type = _parse_contract_type(d.pop("contract_type", UNSET))

        def _parse_new_end_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_end_date_type_0 = datetime.date.fromisoformat(data)

                return new_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_end_date = _parse_new_end_date(d.pop("new_end_date", UNSET))

        renewal_in = cls(
            ownership_check=ownership_check,
            application_id=application_id,
            contract_type=contract_type,
            new_end_date=new_end_date,
        )

        return renewal_in
