from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplicationLinkIn")


@_attrs_define
class ApplicationLinkIn:
    """
    Attributes:
        application_id (None | str | Unset): An application the person made; leave out to have NAV submit one now.
        submitted_on (datetime.date | None | Unset): When the linked application was submitted.
        bedrooms_needed (int | None | Unset): When NAV submits: bedrooms beyond the allocation rules' norm, for a
            documented need; left out, Boligkontoret applies the norm (a single person fits a studio).
        accessible_needed (bool | Unset):  Default: False.
        consent_signed_on (datetime.date | None | Unset): When NAV submits: the day the person signed consent (today by
            default, not later).
    """

    application_id: str | Unset | None = UNSET
    submitted_on: datetime.date | Unset | None = UNSET
    bedrooms_needed: int | Unset | None = UNSET
    accessible_needed: bool | Unset = False
    consent_signed_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_id: str | Unset | None
        if isinstance(self.application_id, Unset):
            application_id = UNSET
        else:
            application_id = self.application_id

        submitted_on: str | Unset | None
        if isinstance(self.submitted_on, Unset):
            submitted_on = UNSET
        elif isinstance(self.submitted_on, datetime.date):
            submitted_on = self.submitted_on.isoformat()
        else:
            submitted_on = self.submitted_on

        bedrooms_needed: int | Unset | None
        if isinstance(self.bedrooms_needed, Unset):
            bedrooms_needed = UNSET
        else:
            bedrooms_needed = self.bedrooms_needed

        accessible_needed = self.accessible_needed

        consent_signed_on: str | Unset | None
        if isinstance(self.consent_signed_on, Unset):
            consent_signed_on = UNSET
        elif isinstance(self.consent_signed_on, datetime.date):
            consent_signed_on = self.consent_signed_on.isoformat()
        else:
            consent_signed_on = self.consent_signed_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if submitted_on is not UNSET:
            field_dict["submitted_on"] = submitted_on
        if bedrooms_needed is not UNSET:
            field_dict["bedrooms_needed"] = bedrooms_needed
        if accessible_needed is not UNSET:
            field_dict["accessible_needed"] = accessible_needed
        if consent_signed_on is not UNSET:
            field_dict["consent_signed_on"] = consent_signed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_application_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_id = _parse_application_id(d.pop("application_id", UNSET))

        def _parse_submitted_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_on_type_0 = datetime.date.fromisoformat(data)

                return submitted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        submitted_on = _parse_submitted_on(d.pop("submitted_on", UNSET))

        def _parse_bedrooms_needed(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms_needed = _parse_bedrooms_needed(d.pop("bedrooms_needed", UNSET))

        accessible_needed = d.pop("accessible_needed", UNSET)

        def _parse_consent_signed_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_signed_on_type_0 = datetime.date.fromisoformat(data)

                return consent_signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        consent_signed_on = _parse_consent_signed_on(d.pop("consent_signed_on", UNSET))

        application_link_in = cls(
            application_id=application_id,
            submitted_on=submitted_on,
            bedrooms_needed=bedrooms_needed,
            accessible_needed=accessible_needed,
            consent_signed_on=consent_signed_on,
        )

        return application_link_in
