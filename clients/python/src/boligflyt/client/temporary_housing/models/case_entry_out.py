from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_entry_out_detail_type_0 import CaseEntryOutDetailType0


T = TypeVar("T", bound="CaseEntryOut")


@_attrs_define
class CaseEntryOut:
    """
    Attributes:
        occurred_on (datetime.date):
        fact (str): What happened: the Boligkontoret event NAV learnt it from.
        state (str): The case's state after it.
        detail (CaseEntryOutDetailType0 | None):
    """

    occurred_on: datetime.date
    fact: str
    state: str
    detail: CaseEntryOutDetailType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_entry_out_detail_type_0 import CaseEntryOutDetailType0

        occurred_on = self.occurred_on.isoformat()

        fact = self.fact

        state = self.state

        detail: dict[str, Any] | None
        if isinstance(self.detail, CaseEntryOutDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "occurred_on": occurred_on,
                "fact": fact,
                "state": state,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_entry_out_detail_type_0 import CaseEntryOutDetailType0

        d = dict(src_dict)
        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        fact = d.pop("fact")

        state = d.pop("state")

        def _parse_detail(data: object) -> CaseEntryOutDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = CaseEntryOutDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseEntryOutDetailType0 | None, data)

        detail = _parse_detail(d.pop("detail"))

        case_entry_out = cls(
            occurred_on=occurred_on,
            fact=fact,
            state=state,
            detail=detail,
        )

        case_entry_out.additional_properties = d
        return case_entry_out

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
