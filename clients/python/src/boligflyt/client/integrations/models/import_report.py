from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_rejection import ImportRejection


T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """
    Attributes:
        id (str):
        source_format (str):
        started_by (str):
        started_at (datetime.datetime):
        finished_at (datetime.datetime):
        rows (int):
        created (int):
        updated (int):
        unchanged (int):
        rejected (int):
        created_objects (list[str]):
        updated_objects (list[str]):
        rejections (list[ImportRejection]):
        ignored_columns (list[str]): Columns of the export the mapping does not use (never sent).
        dry_run (bool | Unset): What an import would do, with nothing sent, remembered or stored. Default: False.
    """

    id: str
    source_format: str
    started_by: str
    started_at: datetime.datetime
    finished_at: datetime.datetime
    rows: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    created_objects: list[str]
    updated_objects: list[str]
    rejections: list[ImportRejection]
    ignored_columns: list[str]
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source_format = self.source_format

        started_by = self.started_by

        started_at = self.started_at.isoformat()

        finished_at = self.finished_at.isoformat()

        rows = self.rows

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        rejected = self.rejected

        created_objects = self.created_objects

        updated_objects = self.updated_objects

        rejections = []
        for rejections_item_data in self.rejections:
            rejections_item = rejections_item_data.to_dict()
            rejections.append(rejections_item)

        ignored_columns = self.ignored_columns

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source_format": source_format,
                "started_by": started_by,
                "started_at": started_at,
                "finished_at": finished_at,
                "rows": rows,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "rejected": rejected,
                "created_objects": created_objects,
                "updated_objects": updated_objects,
                "rejections": rejections,
                "ignored_columns": ignored_columns,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_rejection import ImportRejection

        d = dict(src_dict)
        id = d.pop("id")

        source_format = d.pop("source_format")

        started_by = d.pop("started_by")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        finished_at = datetime.datetime.fromisoformat(d.pop("finished_at"))

        rows = d.pop("rows")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        rejected = d.pop("rejected")

        created_objects = cast(list[str], d.pop("created_objects"))

        updated_objects = cast(list[str], d.pop("updated_objects"))

        rejections = []
        _rejections = d.pop("rejections")
        for rejections_item_data in _rejections:
            rejections_item = ImportRejection.from_dict(rejections_item_data)

            rejections.append(rejections_item)

        ignored_columns = cast(list[str], d.pop("ignored_columns"))

        dry_run = d.pop("dry_run", UNSET)

        import_report = cls(
            id=id,
            source_format=source_format,
            started_by=started_by,
            started_at=started_at,
            finished_at=finished_at,
            rows=rows,
            created=created,
            updated=updated,
            unchanged=unchanged,
            rejected=rejected,
            created_objects=created_objects,
            updated_objects=updated_objects,
            rejections=rejections,
            ignored_columns=ignored_columns,
            dry_run=dry_run,
        )

        import_report.additional_properties = d
        return import_report

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
