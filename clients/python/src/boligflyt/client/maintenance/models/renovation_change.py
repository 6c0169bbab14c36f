from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RenovationChange")


@_attrs_define
class RenovationChange:
    """
    Attributes:
        reason (str): Why (kept in the audit log).
        due_date (datetime.date | None | Unset): A new due date agreed for extraordinary work.
        scope (None | str | Unset):
        estimated_cost (int | None | Unset): NOK.
    """

    reason: str
    due_date: datetime.date | Unset | None = UNSET
    scope: str | Unset | None = UNSET
    estimated_cost: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        due_date: str | Unset | None
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        scope: str | Unset | None
        if isinstance(self.scope, Unset):
            scope = UNSET
        else:
            scope = self.scope

        estimated_cost: int | Unset | None
        if isinstance(self.estimated_cost, Unset):
            estimated_cost = UNSET
        else:
            estimated_cost = self.estimated_cost

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if scope is not UNSET:
            field_dict["scope"] = scope
        if estimated_cost is not UNSET:
            field_dict["estimated_cost"] = estimated_cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_due_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_scope(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_estimated_cost(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_cost = _parse_estimated_cost(d.pop("estimated_cost", UNSET))

        renovation_change = cls(
            reason=reason,
            due_date=due_date,
            scope=scope,
            estimated_cost=estimated_cost,
        )

        return renovation_change
