from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DepositPaymentIn")


@_attrs_define
class DepositPaymentIn:
    """
    Attributes:
        paid_on (datetime.date | None | Unset): The day the deposit was paid; today if left out.
    """

    paid_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        paid_on: str | Unset | None
        if isinstance(self.paid_on, Unset):
            paid_on = UNSET
        elif isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_paid_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        paid_on = _parse_paid_on(d.pop("paid_on", UNSET))

        deposit_payment_in = cls(
            paid_on=paid_on,
        )

        return deposit_payment_in
