from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplayIn")


@_attrs_define
class ReplayIn:
    """Events of the subscription to deliver again: those recorded for it in `since` .. `until`, or every one
    from the event `from_event_id` on. Within the delivery log's retention; bounded.

        Attributes:
            since (datetime.datetime | None | Unset): From this moment (inclusive), with its offset.
            until (datetime.datetime | None | Unset): Up to this moment (exclusive), with its offset; default now.
            from_event_id (None | str | Unset): From this event on (inclusive).
    """

    since: datetime.datetime | Unset | None = UNSET
    until: datetime.datetime | Unset | None = UNSET
    from_event_id: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        since: str | Unset | None
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        until: str | Unset | None
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        from_event_id: str | Unset | None
        if isinstance(self.from_event_id, Unset):
            from_event_id = UNSET
        else:
            from_event_id = self.from_event_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if since is not UNSET:
            field_dict["since"] = since
        if until is not UNSET:
            field_dict["until"] = until
        if from_event_id is not UNSET:
            field_dict["from_event_id"] = from_event_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_since(data: object) -> datetime.datetime | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

        def _parse_until(data: object) -> datetime.datetime | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        def _parse_from_event_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_event_id = _parse_from_event_id(d.pop("from_event_id", UNSET))

        replay_in = cls(
            since=since,
            until=until,
            from_event_id=from_event_id,
        )

        return replay_in
