from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rejected_row import RejectedRow


T = TypeVar("T", bound="SyncReport")


@_attrs_define
class SyncReport:
    """
    Attributes:
        created (list[str]): external_refs of dwellings created.
        changed (list[str]):
        unchanged (list[str]):
        rejected (list[RejectedRow]):
    """

    created: list[str]
    changed: list[str]
    unchanged: list[str]
    rejected: list[RejectedRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        changed = self.changed

        unchanged = self.unchanged

        rejected = []
        for rejected_item_data in self.rejected:
            rejected_item = rejected_item_data.to_dict()
            rejected.append(rejected_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "changed": changed,
                "unchanged": unchanged,
                "rejected": rejected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rejected_row import RejectedRow

        d = dict(src_dict)
        created = cast(list[str], d.pop("created"))

        changed = cast(list[str], d.pop("changed"))

        unchanged = cast(list[str], d.pop("unchanged"))

        rejected = []
        _rejected = d.pop("rejected")
        for rejected_item_data in _rejected:
            rejected_item = RejectedRow.from_dict(rejected_item_data)

            rejected.append(rejected_item)

        sync_report = cls(
            created=created,
            changed=changed,
            unchanged=unchanged,
            rejected=rejected,
        )

        sync_report.additional_properties = d
        return sync_report

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
