from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dwelling_category import DwellingCategory
from ..models.dwelling_owner import DwellingOwner
from ..models.dwelling_status import DwellingStatus

T = TypeVar("T", bound="DwellingOut")


@_attrs_define
class DwellingOut:
    """
    Attributes:
        id (str): LKE's dwelling id, used in every event.
        external_ref (str):
        address (str):
        zone (None | str):
        category (DwellingCategory): The target group or kind a dwelling is earmarked for.
        owner (DwellingOwner): Who owns the dwelling the municipality lets.
        coop_board_approval (bool):
        rooms (int):
        bedrooms (int):
        floor_area_m2 (int | None):
        monthly_rent (int):
        accessible (bool):
        staffed (bool):
        near_services (bool):
        acquired_via (None | str):
        order_ref (None | str):
        project_id (None | str):
        head_lease_end (datetime.date | None):
        status (DwellingStatus): Where a dwelling is in its turnover between tenancies.
        status_since (datetime.date):
        new_dwelling (bool):
        allocated_application_id (None | str):
        photographs (list[str] | None):
        meter_number (None | str):
        meter_reading_kwh (int | None):
        registered_on (datetime.date):
    """

    id: str
    external_ref: str
    address: str
    zone: str | None
    category: DwellingCategory
    owner: DwellingOwner
    coop_board_approval: bool
    rooms: int
    bedrooms: int
    floor_area_m2: int | None
    monthly_rent: int
    accessible: bool
    staffed: bool
    near_services: bool
    acquired_via: str | None
    order_ref: str | None
    project_id: str | None
    head_lease_end: datetime.date | None
    status: DwellingStatus
    status_since: datetime.date
    new_dwelling: bool
    allocated_application_id: str | None
    photographs: list[str] | None
    meter_number: str | None
    meter_reading_kwh: int | None
    registered_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        external_ref = self.external_ref

        address = self.address

        zone: str | None
        zone = self.zone

        category = self.category.value

        owner = self.owner.value

        coop_board_approval = self.coop_board_approval

        rooms = self.rooms

        bedrooms = self.bedrooms

        floor_area_m2: int | None
        floor_area_m2 = self.floor_area_m2

        monthly_rent = self.monthly_rent

        accessible = self.accessible

        staffed = self.staffed

        near_services = self.near_services

        acquired_via: str | None
        acquired_via = self.acquired_via

        order_ref: str | None
        order_ref = self.order_ref

        project_id: str | None
        project_id = self.project_id

        head_lease_end: str | None
        if isinstance(self.head_lease_end, datetime.date):
            head_lease_end = self.head_lease_end.isoformat()
        else:
            head_lease_end = self.head_lease_end

        status = self.status.value

        status_since = self.status_since.isoformat()

        new_dwelling = self.new_dwelling

        allocated_application_id: str | None
        allocated_application_id = self.allocated_application_id

        photographs: list[str] | None
        if isinstance(self.photographs, list):
            photographs = self.photographs

        else:
            photographs = self.photographs

        meter_number: str | None
        meter_number = self.meter_number

        meter_reading_kwh: int | None
        meter_reading_kwh = self.meter_reading_kwh

        registered_on = self.registered_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_ref": external_ref,
                "address": address,
                "zone": zone,
                "category": category,
                "owner": owner,
                "coop_board_approval": coop_board_approval,
                "rooms": rooms,
                "bedrooms": bedrooms,
                "floor_area_m2": floor_area_m2,
                "monthly_rent": monthly_rent,
                "accessible": accessible,
                "staffed": staffed,
                "near_services": near_services,
                "acquired_via": acquired_via,
                "order_ref": order_ref,
                "project_id": project_id,
                "head_lease_end": head_lease_end,
                "status": status,
                "status_since": status_since,
                "new_dwelling": new_dwelling,
                "allocated_application_id": allocated_application_id,
                "photographs": photographs,
                "meter_number": meter_number,
                "meter_reading_kwh": meter_reading_kwh,
                "registered_on": registered_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        external_ref = d.pop("external_ref")

        address = d.pop("address")

        def _parse_zone(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        zone = _parse_zone(d.pop("zone"))

        category = DwellingCategory(d.pop("category"))

        owner = DwellingOwner(d.pop("owner"))

        coop_board_approval = d.pop("coop_board_approval")

        rooms = d.pop("rooms")

        bedrooms = d.pop("bedrooms")

        def _parse_floor_area_m2(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        floor_area_m2 = _parse_floor_area_m2(d.pop("floor_area_m2"))

        monthly_rent = d.pop("monthly_rent")

        accessible = d.pop("accessible")

        staffed = d.pop("staffed")

        near_services = d.pop("near_services")

        def _parse_acquired_via(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        acquired_via = _parse_acquired_via(d.pop("acquired_via"))

        def _parse_order_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        order_ref = _parse_order_ref(d.pop("order_ref"))

        def _parse_project_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_head_lease_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                head_lease_end_type_0 = datetime.date.fromisoformat(data)

                return head_lease_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        head_lease_end = _parse_head_lease_end(d.pop("head_lease_end"))

        status = DwellingStatus(d.pop("status"))

        status_since = datetime.date.fromisoformat(d.pop("status_since"))

        new_dwelling = d.pop("new_dwelling")

        def _parse_allocated_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        allocated_application_id = _parse_allocated_application_id(d.pop("allocated_application_id"))

        def _parse_photographs(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                photographs_type_0 = cast(list[str], data)

                return photographs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        photographs = _parse_photographs(d.pop("photographs"))

        def _parse_meter_number(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        meter_number = _parse_meter_number(d.pop("meter_number"))

        def _parse_meter_reading_kwh(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meter_reading_kwh = _parse_meter_reading_kwh(d.pop("meter_reading_kwh"))

        registered_on = datetime.date.fromisoformat(d.pop("registered_on"))

        dwelling_out = cls(
            id=id,
            external_ref=external_ref,
            address=address,
            zone=zone,
            category=category,
            owner=owner,
            coop_board_approval=coop_board_approval,
            rooms=rooms,
            bedrooms=bedrooms,
            floor_area_m2=floor_area_m2,
            monthly_rent=monthly_rent,
            accessible=accessible,
            staffed=staffed,
            near_services=near_services,
            acquired_via=acquired_via,
            order_ref=order_ref,
            project_id=project_id,
            head_lease_end=head_lease_end,
            status=status,
            status_since=status_since,
            new_dwelling=new_dwelling,
            allocated_application_id=allocated_application_id,
            photographs=photographs,
            meter_number=meter_number,
            meter_reading_kwh=meter_reading_kwh,
            registered_on=registered_on,
        )

        dwelling_out.additional_properties = d
        return dwelling_out

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
