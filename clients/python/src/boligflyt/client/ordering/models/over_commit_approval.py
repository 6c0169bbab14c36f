from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OverCommitApproval")


@_attrs_define
class OverCommitApproval:
    """
    Attributes:
        justification (str): Why the frame may be exceeded (recorded and audited).
    """

    justification: str

    def to_dict(self) -> dict[str, Any]:
        justification = self.justification

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "justification": justification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        justification = d.pop("justification")

        over_commit_approval = cls(
            justification=justification,
        )

        return over_commit_approval
