from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stock_row_rejected import StockRowRejected


T = TypeVar("T", bound="StockImportReport")


@_attrs_define
class StockImportReport:
    """What an import of the existing stock did: the good rows are stored, the rejected ones not at all.

    Attributes:
        source_format (str):
        rows (int):
        created (int):
        unchanged (int): Contracts stored by an earlier import with the same terms.
        rejected (int):
        dry_run (bool):
        created_tenancies (list[str]):
        rejections (list[StockRowRejected]):
        ignored_columns (list[str]): Columns the import never reads.
    """

    source_format: str
    rows: int
    created: int
    unchanged: int
    rejected: int
    dry_run: bool
    created_tenancies: list[str]
    rejections: list[StockRowRejected]
    ignored_columns: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_format = self.source_format

        rows = self.rows

        created = self.created

        unchanged = self.unchanged

        rejected = self.rejected

        dry_run = self.dry_run

        created_tenancies = self.created_tenancies

        rejections = []
        for rejections_item_data in self.rejections:
            rejections_item = rejections_item_data.to_dict()
            rejections.append(rejections_item)

        ignored_columns = self.ignored_columns

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source_format": source_format,
                "rows": rows,
                "created": created,
                "unchanged": unchanged,
                "rejected": rejected,
                "dry_run": dry_run,
                "created_tenancies": created_tenancies,
                "rejections": rejections,
                "ignored_columns": ignored_columns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stock_row_rejected import StockRowRejected

        d = dict(src_dict)
        source_format = d.pop("source_format")

        rows = d.pop("rows")

        created = d.pop("created")

        unchanged = d.pop("unchanged")

        rejected = d.pop("rejected")

        dry_run = d.pop("dry_run")

        created_tenancies = cast(list[str], d.pop("created_tenancies"))

        rejections = []
        _rejections = d.pop("rejections")
        for rejections_item_data in _rejections:
            rejections_item = StockRowRejected.from_dict(rejections_item_data)

            rejections.append(rejections_item)

        ignored_columns = cast(list[str], d.pop("ignored_columns"))

        stock_import_report = cls(
            source_format=source_format,
            rows=rows,
            created=created,
            unchanged=unchanged,
            rejected=rejected,
            dry_run=dry_run,
            created_tenancies=created_tenancies,
            rejections=rejections,
            ignored_columns=ignored_columns,
        )

        stock_import_report.additional_properties = d
        return stock_import_report

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
