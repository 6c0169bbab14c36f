from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Replay")


@_attrs_define
class Replay:
    """
    Attributes:
        id (str): Sent as the `boligflyt-replay` header of every delivery of the replay.
        subscription_id (str):
        requested_by (str):
        requested_at (datetime.datetime):
        since (datetime.datetime | None):
        until (datetime.datetime):
        from_event_id (None | str):
        events (int): How many events are delivered again.
    """

    id: str
    subscription_id: str
    requested_by: str
    requested_at: datetime.datetime
    since: datetime.datetime | None
    until: datetime.datetime
    from_event_id: str | None
    events: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        subscription_id = self.subscription_id

        requested_by = self.requested_by

        requested_at = self.requested_at.isoformat()

        since: str | None
        if isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        until = self.until.isoformat()

        from_event_id: str | None
        from_event_id = self.from_event_id

        events = self.events

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "subscription_id": subscription_id,
                "requested_by": requested_by,
                "requested_at": requested_at,
                "since": since,
                "until": until,
                "from_event_id": from_event_id,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        subscription_id = d.pop("subscription_id")

        requested_by = d.pop("requested_by")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        since = _parse_since(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        def _parse_from_event_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        from_event_id = _parse_from_event_id(d.pop("from_event_id"))

        events = d.pop("events")

        replay = cls(
            id=id,
            subscription_id=subscription_id,
            requested_by=requested_by,
            requested_at=requested_at,
            since=since,
            until=until,
            from_event_id=from_event_id,
            events=events,
        )

        replay.additional_properties = d
        return replay

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
