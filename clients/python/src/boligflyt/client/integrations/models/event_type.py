from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EventType")


@_attrs_define
class EventType:
    """
    Attributes:
        type_ (str):
        producer (str):
        key_field (str):
        summary (str):
        description (str):
        schema_url (str):
    """

    type_: str
    producer: str
    key_field: str
    summary: str
    description: str
    schema_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        producer = self.producer

        key_field = self.key_field

        summary = self.summary

        description = self.description

        schema_url = self.schema_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "producer": producer,
                "key_field": key_field,
                "summary": summary,
                "description": description,
                "schema_url": schema_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        producer = d.pop("producer")

        key_field = d.pop("key_field")

        summary = d.pop("summary")

        description = d.pop("description")

        schema_url = d.pop("schema_url")

        event_type = cls(
            type_=type_,
            producer=producer,
            key_field=key_field,
            summary=summary,
            description=description,
            schema_url=schema_url,
        )

        event_type.additional_properties = d
        return event_type

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
