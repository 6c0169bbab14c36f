from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.dwelling_category import DwellingCategory
from ..models.reporting_service import ReportingService
from ..models.service_needs import ServiceNeeds
from ..models.target_group import TargetGroup
from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedIn")


@_attrs_define
class NeedIn:
    """A housing need reported by a service unit. NAV Intro's refugee housing orders come here.

    Attributes:
        quantity (int): How many dwellings are needed.
        dwelling_type (DwellingCategory): The target group or kind a dwelling is earmarked for.
        target_group (TargetGroup): Who the dwellings of a need or an order are for.
        justification (str): Why, in the unit's words. Never names, national ids or health details of persons: the need
            is about dwellings for a group, not about a person.
        service_needs (ServiceNeeds | Unset): What services the dwellings need besides the dwelling itself (financed in
            the economic plan: the housing
            plan's measure 10.1).
        wanted_by (datetime.date | None | Unset): When the dwellings are needed, if known.
        source_ref (None | str | Unset): The reporting unit's own reference, e.g. NAV Intro's settlement_id. Re-sending
            a need with the same source_ref returns the need already reported (200) instead of a second one.
        bedrooms (int | None | Unset): Bedrooms per dwelling, if specified.
        accessible (bool | Unset): The dwellings must be accessible (universally designed). Default: False.
        reported_by (None | ReportingService | Unset): The unit reporting. nav may say nav or nav_intro (default
            nav_intro); boligkontoret reports as boligkontoret; bestiller reports on behalf of any unit and must say which.
    """

    quantity: int
    dwelling_type: DwellingCategory
    target_group: TargetGroup
    justification: str
    service_needs: ServiceNeeds | Unset = UNSET
    wanted_by: datetime.date | Unset | None = UNSET
    source_ref: str | Unset | None = UNSET
    bedrooms: int | Unset | None = UNSET
    accessible: bool | Unset = False
    reported_by: ReportingService | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        dwelling_type = self.dwelling_type.value

        target_group = self.target_group.value

        justification = self.justification

        service_needs: str | Unset = UNSET
        if not isinstance(self.service_needs, Unset):
            service_needs = self.service_needs.value

        wanted_by: str | Unset | None
        if isinstance(self.wanted_by, Unset):
            wanted_by = UNSET
        elif isinstance(self.wanted_by, datetime.date):
            wanted_by = self.wanted_by.isoformat()
        else:
            wanted_by = self.wanted_by

        source_ref: str | Unset | None
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

        bedrooms: int | Unset | None
        if isinstance(self.bedrooms, Unset):
            bedrooms = UNSET
        else:
            bedrooms = self.bedrooms

        accessible = self.accessible

        reported_by: str | Unset | None
        if isinstance(self.reported_by, Unset):
            reported_by = UNSET
        elif isinstance(self.reported_by, ReportingService):
            reported_by = self.reported_by.value
        else:
            reported_by = self.reported_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
                "dwelling_type": dwelling_type,
                "target_group": target_group,
                "justification": justification,
            }
        )
        if service_needs is not UNSET:
            field_dict["service_needs"] = service_needs
        if wanted_by is not UNSET:
            field_dict["wanted_by"] = wanted_by
        if source_ref is not UNSET:
            field_dict["source_ref"] = source_ref
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if accessible is not UNSET:
            field_dict["accessible"] = accessible
        if reported_by is not UNSET:
            field_dict["reported_by"] = reported_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity")

        dwelling_type = DwellingCategory(d.pop("dwelling_type"))

        target_group = TargetGroup(d.pop("target_group"))

        justification = d.pop("justification")

        _service_needs = d.pop("service_needs", UNSET)
        service_needs: ServiceNeeds | Unset
        if isinstance(_service_needs, Unset):
            service_needs = UNSET
        else:
            service_needs = ServiceNeeds(_service_needs)

        def _parse_wanted_by(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                wanted_by_type_0 = datetime.date.fromisoformat(data)

                return wanted_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        wanted_by = _parse_wanted_by(d.pop("wanted_by", UNSET))

        def _parse_source_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

        def _parse_bedrooms(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms", UNSET))

        accessible = d.pop("accessible", UNSET)

        def _parse_reported_by(data: object) -> ReportingService | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_by_type_0 = ReportingService(data)

                return reported_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportingService | Unset, data)

        reported_by = _parse_reported_by(d.pop("reported_by", UNSET))

        need_in = cls(
            quantity=quantity,
            dwelling_type=dwelling_type,
            target_group=target_group,
            justification=justification,
            service_needs=service_needs,
            wanted_by=wanted_by,
            source_ref=source_ref,
            bedrooms=bedrooms,
            accessible=accessible,
            reported_by=reported_by,
        )

        return need_in
