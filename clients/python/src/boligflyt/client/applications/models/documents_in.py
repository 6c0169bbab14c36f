from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="DocumentsIn")


@_attrs_define
class DocumentsIn:
    """
    Attributes:
        documents (list[str]):
    """

    documents: list[str]

    def to_dict(self) -> dict[str, Any]:
        documents = self.documents

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "documents": documents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        documents = cast(list[str], d.pop("documents"))

        documents_in = cls(
            documents=documents,
        )

        return documents_in
