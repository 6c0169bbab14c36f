from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LetterOut")


@_attrs_define
class LetterOut:
    """
    Attributes:
        id (str):
        application_id (str):
        kind (str):
        written_on (datetime.date):
        addressee (str):
        subject (str):
        body (str):
    """

    id: str
    application_id: str
    kind: str
    written_on: datetime.date
    addressee: str
    subject: str
    body: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        application_id = self.application_id

        kind = self.kind

        written_on = self.written_on.isoformat()

        addressee = self.addressee

        subject = self.subject

        body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "kind": kind,
                "written_on": written_on,
                "addressee": addressee,
                "subject": subject,
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        application_id = d.pop("application_id")

        kind = d.pop("kind")

        written_on = datetime.date.fromisoformat(d.pop("written_on"))

        addressee = d.pop("addressee")

        subject = d.pop("subject")

        body = d.pop("body")

        letter_out = cls(
            id=id,
            application_id=application_id,
            kind=kind,
            written_on=written_on,
            addressee=addressee,
            subject=subject,
            body=body,
        )

        letter_out.additional_properties = d
        return letter_out

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
