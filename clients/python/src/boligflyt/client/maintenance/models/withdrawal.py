from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.withdrawal_reason import WithdrawalReason

T = TypeVar("T", bound="Withdrawal")


@_attrs_define
class Withdrawal:
    """
    Attributes:
        reason (WithdrawalReason): Why a dwelling was taken out of letting.
        permanent (bool): It leaves the stock for good.
    """

    reason: WithdrawalReason
    permanent: bool

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        permanent = self.permanent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "permanent": permanent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = WithdrawalReason(d.pop("reason"))

        permanent = d.pop("permanent")

        withdrawal = cls(
            reason=reason,
            permanent=permanent,
        )

        return withdrawal
