from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_kind import ApplicationKind

T = TypeVar("T", bound="RankedApplication")


@_attrs_define
class RankedApplication:
    """
    Attributes:
        rank (int):
        application_id (str):
        kind (ApplicationKind): What the application is for: rental dwelling, care dwelling or staffed dwelling.
        score (int): The priority assessment (criteria §10): the weighted factors and the time in temporary housing.
        approved_on (datetime.date):
        explanation (list[str]): Why the application stands where it does.
    """

    rank: int
    application_id: str
    kind: ApplicationKind
    score: int
    approved_on: datetime.date
    explanation: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        application_id = self.application_id

        kind = self.kind.value

        score = self.score

        approved_on = self.approved_on.isoformat()

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rank": rank,
                "application_id": application_id,
                "kind": kind,
                "score": score,
                "approved_on": approved_on,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank")

        application_id = d.pop("application_id")

        kind = ApplicationKind(d.pop("kind"))

        score = d.pop("score")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        explanation = cast(list[str], d.pop("explanation"))

        ranked_application = cls(
            rank=rank,
            application_id=application_id,
            kind=kind,
            score=score,
            approved_on=approved_on,
            explanation=explanation,
        )

        ranked_application.additional_properties = d
        return ranked_application

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
