from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ChecklistIn")


@_attrs_define
class ChecklistIn:
    """
    Attributes:
        item (str):
        done_on (datetime.date):
    """

    item: str
    done_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        item = self.item

        done_on = self.done_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "item": item,
                "done_on": done_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item = d.pop("item")

        done_on = datetime.date.fromisoformat(d.pop("done_on"))

        checklist_in = cls(
            item=item,
            done_on=done_on,
        )

        return checklist_in
