from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DemandOut")


@_attrs_define
class DemandOut:
    """
    Attributes:
        kind (str): The kind of dwelling applied for: rental, care, staffed.
        waiting (int): Approved households on the waiting list for this kind.
        ready_in_window (int): Dwellings of this kind that became ready within the window.
        gap (int):
        gap_since (datetime.date | None):
        evaluated_on (datetime.date | None):
    """

    kind: str
    waiting: int
    ready_in_window: int
    gap: int
    gap_since: datetime.date | None
    evaluated_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        waiting = self.waiting

        ready_in_window = self.ready_in_window

        gap = self.gap

        gap_since: str | None
        if isinstance(self.gap_since, datetime.date):
            gap_since = self.gap_since.isoformat()
        else:
            gap_since = self.gap_since

        evaluated_on: str | None
        if isinstance(self.evaluated_on, datetime.date):
            evaluated_on = self.evaluated_on.isoformat()
        else:
            evaluated_on = self.evaluated_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "waiting": waiting,
                "ready_in_window": ready_in_window,
                "gap": gap,
                "gap_since": gap_since,
                "evaluated_on": evaluated_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        waiting = d.pop("waiting")

        ready_in_window = d.pop("ready_in_window")

        gap = d.pop("gap")

        def _parse_gap_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_since_type_0 = datetime.date.fromisoformat(data)

                return gap_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        gap_since = _parse_gap_since(d.pop("gap_since"))

        def _parse_evaluated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluated_on_type_0 = datetime.date.fromisoformat(data)

                return evaluated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        evaluated_on = _parse_evaluated_on(d.pop("evaluated_on"))

        demand_out = cls(
            kind=kind,
            waiting=waiting,
            ready_in_window=ready_in_window,
            gap=gap,
            gap_since=gap_since,
            evaluated_on=evaluated_on,
        )

        demand_out.additional_properties = d
        return demand_out

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
