from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_entry_detail_type_0 import AuditEntryDetailType0


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """
    Attributes:
        at (datetime.datetime): When the change was committed.
        actor (str): Who: the token's agency and subject, or event:<consumer> for reactions.
        action (str): What was done, e.g. application.submitted.
        entity_type (str):
        entity_id (str):
        actor_name (None | str | Unset): The signed-in person's name from the token; none for machine clients and
            reactions.
        reason (None | str | Unset): Why, where the user or rule gave a reason.
        detail (AuditEntryDetailType0 | None | Unset):
        trace_id (None | str | Unset): The request's trace, to find it in the logs.
    """

    at: datetime.datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    actor_name: str | Unset | None = UNSET
    reason: str | Unset | None = UNSET
    detail: AuditEntryDetailType0 | Unset | None = UNSET
    trace_id: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_detail_type_0 import AuditEntryDetailType0

        at = self.at.isoformat()

        actor = self.actor

        action = self.action

        entity_type = self.entity_type

        entity_id = self.entity_id

        actor_name: str | Unset | None
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        detail: dict[str, Any] | Unset | None
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, AuditEntryDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        trace_id: str | Unset | None
        if isinstance(self.trace_id, Unset):
            trace_id = UNSET
        else:
            trace_id = self.trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "actor": actor,
                "action": action,
                "entity_type": entity_type,
                "entity_id": entity_id,
            }
        )
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if reason is not UNSET:
            field_dict["reason"] = reason
        if detail is not UNSET:
            field_dict["detail"] = detail
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_detail_type_0 import AuditEntryDetailType0

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        action = d.pop("action")

        entity_type = d.pop("entity_type")

        entity_id = d.pop("entity_id")

        def _parse_actor_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_detail(data: object) -> AuditEntryDetailType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = AuditEntryDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryDetailType0 | None | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_trace_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_id = _parse_trace_id(d.pop("trace_id", UNSET))

        audit_entry = cls(
            at=at,
            actor=actor,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            actor_name=actor_name,
            reason=reason,
            detail=detail,
            trace_id=trace_id,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
