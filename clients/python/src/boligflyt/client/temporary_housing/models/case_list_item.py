from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_out import CaseOut


T = TypeVar("T", bound="CaseListItem")


@_attrs_define
class CaseListItem:
    """A referred case in the adviser's list, with the stay's days and the 3-month limit beside it.

    Attributes:
        case (CaseOut): NAV's view of a referred housing application, kept from Boligkontoret's events.
        adviser (None | str):
        stay_state (None | str):
        days_in_stay (int | None):
        limit_date (datetime.date | None):
        over_limit (bool | None):
        open_tasks (int):
    """

    case: CaseOut
    adviser: str | None
    stay_state: str | None
    days_in_stay: int | None
    limit_date: datetime.date | None
    over_limit: bool | None
    open_tasks: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case = self.case.to_dict()

        adviser: str | None
        adviser = self.adviser

        stay_state: str | None
        stay_state = self.stay_state

        days_in_stay: int | None
        days_in_stay = self.days_in_stay

        limit_date: str | None
        if isinstance(self.limit_date, datetime.date):
            limit_date = self.limit_date.isoformat()
        else:
            limit_date = self.limit_date

        over_limit: bool | None
        over_limit = self.over_limit

        open_tasks = self.open_tasks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case": case,
                "adviser": adviser,
                "stay_state": stay_state,
                "days_in_stay": days_in_stay,
                "limit_date": limit_date,
                "over_limit": over_limit,
                "open_tasks": open_tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_out import CaseOut

        d = dict(src_dict)
        case = CaseOut.from_dict(d.pop("case"))

        def _parse_adviser(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        adviser = _parse_adviser(d.pop("adviser"))

        def _parse_stay_state(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        stay_state = _parse_stay_state(d.pop("stay_state"))

        def _parse_days_in_stay(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_in_stay = _parse_days_in_stay(d.pop("days_in_stay"))

        def _parse_limit_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                limit_date_type_0 = datetime.date.fromisoformat(data)

                return limit_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        limit_date = _parse_limit_date(d.pop("limit_date"))

        def _parse_over_limit(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        over_limit = _parse_over_limit(d.pop("over_limit"))

        open_tasks = d.pop("open_tasks")

        case_list_item = cls(
            case=case,
            adviser=adviser,
            stay_state=stay_state,
            days_in_stay=days_in_stay,
            limit_date=limit_date,
            over_limit=over_limit,
            open_tasks=open_tasks,
        )

        case_list_item.additional_properties = d
        return case_list_item

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
