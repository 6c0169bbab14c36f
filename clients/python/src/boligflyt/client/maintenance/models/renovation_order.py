from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.renovation_kind import RenovationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RenovationOrder")


@_attrs_define
class RenovationOrder:
    """
    Attributes:
        scope (str):
        kind (RenovationKind | Unset): Why a renovation job was opened.
        due_date (datetime.date | None | Unset): An agreed due date; default 1 month after ordering.
        estimated_cost (int | None | Unset): NOK.
    """

    scope: str
    kind: RenovationKind | Unset = UNSET
    due_date: datetime.date | Unset | None = UNSET
    estimated_cost: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        due_date: str | Unset | None
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        estimated_cost: int | Unset | None
        if isinstance(self.estimated_cost, Unset):
            estimated_cost = UNSET
        else:
            estimated_cost = self.estimated_cost

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scope": scope,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if estimated_cost is not UNSET:
            field_dict["estimated_cost"] = estimated_cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = d.pop("scope")

        _kind = d.pop("kind", UNSET)
        kind: RenovationKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = RenovationKind(_kind)

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

        def _parse_estimated_cost(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_cost = _parse_estimated_cost(d.pop("estimated_cost", UNSET))

        renovation_order = cls(
            scope=scope,
            kind=kind,
            due_date=due_date,
            estimated_cost=estimated_cost,
        )

        return renovation_order
