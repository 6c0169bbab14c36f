from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_out_detail_type_0 import TaskOutDetailType0


T = TypeVar("T", bound="TaskOut")


@_attrs_define
class TaskOut:
    """
    Attributes:
        task_id (str):
        kind (str):
        subject_type (str):
        subject_id (str):
        due_on (datetime.date | None):
        description (str):
        created_at (datetime.datetime):
        done_at (datetime.datetime | None): When the task was closed: done, dismissed or cleared.
        detail (None | TaskOutDetailType0):
        adviser (None | str | Unset):
        status (str | Unset): open, done, dismissed (with a reason) or cleared (its fact went away). Default: 'open'.
        resolution_reason (None | str | Unset):
    """

    task_id: str
    kind: str
    subject_type: str
    subject_id: str
    due_on: datetime.date | None
    description: str
    created_at: datetime.datetime
    done_at: datetime.datetime | None
    detail: TaskOutDetailType0 | None
    adviser: str | Unset | None = UNSET
    status: str | Unset = "open"
    resolution_reason: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_out_detail_type_0 import TaskOutDetailType0

        task_id = self.task_id

        kind = self.kind

        subject_type = self.subject_type

        subject_id = self.subject_id

        due_on: str | None
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        description = self.description

        created_at = self.created_at.isoformat()

        done_at: str | None
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        detail: dict[str, Any] | None
        if isinstance(self.detail, TaskOutDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        adviser: str | Unset | None
        if isinstance(self.adviser, Unset):
            adviser = UNSET
        else:
            adviser = self.adviser

        status = self.status

        resolution_reason: str | Unset | None
        if isinstance(self.resolution_reason, Unset):
            resolution_reason = UNSET
        else:
            resolution_reason = self.resolution_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "kind": kind,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "due_on": due_on,
                "description": description,
                "created_at": created_at,
                "done_at": done_at,
                "detail": detail,
            }
        )
        if adviser is not UNSET:
            field_dict["adviser"] = adviser
        if status is not UNSET:
            field_dict["status"] = status
        if resolution_reason is not UNSET:
            field_dict["resolution_reason"] = resolution_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_out_detail_type_0 import TaskOutDetailType0

        d = dict(src_dict)
        task_id = d.pop("task_id")

        kind = d.pop("kind")

        subject_type = d.pop("subject_type")

        subject_id = d.pop("subject_id")

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        description = d.pop("description")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        def _parse_detail(data: object) -> TaskOutDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = TaskOutDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskOutDetailType0, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_adviser(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adviser = _parse_adviser(d.pop("adviser", UNSET))

        status = d.pop("status", UNSET)

        def _parse_resolution_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution_reason = _parse_resolution_reason(d.pop("resolution_reason", UNSET))

        task_out = cls(
            task_id=task_id,
            kind=kind,
            subject_type=subject_type,
            subject_id=subject_id,
            due_on=due_on,
            description=description,
            created_at=created_at,
            done_at=done_at,
            detail=detail,
            adviser=adviser,
            status=status,
            resolution_reason=resolution_reason,
        )

        task_out.additional_properties = d
        return task_out

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
