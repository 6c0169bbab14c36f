from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.acquired_via import AcquiredVia
from ..models.dwelling_category import DwellingCategory
from ..models.dwelling_owner import DwellingOwner
from ..models.initial_status import InitialStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="DwellingCreate")


@_attrs_define
class DwellingCreate:
    """
    Attributes:
        address (str): Street address of the dwelling (never sent in events).
        category (DwellingCategory): The target group or kind a dwelling is earmarked for.
        owner (DwellingOwner): Who owns the dwelling the municipality lets.
        rooms (int): Number of rooms.
        bedrooms (int): Number of bedrooms.
        monthly_rent (int): Rent per month in NOK.
        external_ref (str): The property system's id of the dwelling.
        zone (None | str | Unset): Neighbourhood/area code for spread.
        coop_board_approval (bool | Unset): In a housing co-op: the board must approve the tenant (required for co-ops).
            Default: False.
        floor_area_m2 (int | None | Unset): Usable floor area.
        accessible (bool | Unset): Universally designed. Default: False.
        staffed (bool | Unset): Has staff or a staff base. Default: False.
        near_services (bool | Unset): Close to shops, transport and services. Default: False.
        acquired_via (AcquiredVia | Unset): How LKE came to have the dwelling: an acquisition method, or stock it always
            had or took over.
        order_ref (None | str | Unset): The order it was delivered against.
        head_lease_end (datetime.date | None | Unset): When a private head lease ends.
        status (InitialStatus | Unset): The status a dwelling enters the register with (existing stock is mostly let).
    """

    address: str
    category: DwellingCategory
    owner: DwellingOwner
    rooms: int
    bedrooms: int
    monthly_rent: int
    external_ref: str
    zone: str | Unset | None = UNSET
    coop_board_approval: bool | Unset = False
    floor_area_m2: int | Unset | None = UNSET
    accessible: bool | Unset = False
    staffed: bool | Unset = False
    near_services: bool | Unset = False
    acquired_via: AcquiredVia | Unset = UNSET
    order_ref: str | Unset | None = UNSET
    head_lease_end: datetime.date | Unset | None = UNSET
    status: InitialStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        category = self.category.value

        owner = self.owner.value

        rooms = self.rooms

        bedrooms = self.bedrooms

        monthly_rent = self.monthly_rent

        external_ref = self.external_ref

        zone: str | Unset | None
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone

        coop_board_approval = self.coop_board_approval

        floor_area_m2: int | Unset | None
        if isinstance(self.floor_area_m2, Unset):
            floor_area_m2 = UNSET
        else:
            floor_area_m2 = self.floor_area_m2

        accessible = self.accessible

        staffed = self.staffed

        near_services = self.near_services

        acquired_via: str | Unset = UNSET
        if not isinstance(self.acquired_via, Unset):
            acquired_via = self.acquired_via.value

        order_ref: str | Unset | None
        if isinstance(self.order_ref, Unset):
            order_ref = UNSET
        else:
            order_ref = self.order_ref

        head_lease_end: str | Unset | None
        if isinstance(self.head_lease_end, Unset):
            head_lease_end = UNSET
        elif isinstance(self.head_lease_end, datetime.date):
            head_lease_end = self.head_lease_end.isoformat()
        else:
            head_lease_end = self.head_lease_end

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "category": category,
                "owner": owner,
                "rooms": rooms,
                "bedrooms": bedrooms,
                "monthly_rent": monthly_rent,
                "external_ref": external_ref,
            }
        )
        if zone is not UNSET:
            field_dict["zone"] = zone
        if coop_board_approval is not UNSET:
            field_dict["coop_board_approval"] = coop_board_approval
        if floor_area_m2 is not UNSET:
            field_dict["floor_area_m2"] = floor_area_m2
        if accessible is not UNSET:
            field_dict["accessible"] = accessible
        if staffed is not UNSET:
            field_dict["staffed"] = staffed
        if near_services is not UNSET:
            field_dict["near_services"] = near_services
        if acquired_via is not UNSET:
            field_dict["acquired_via"] = acquired_via
        if order_ref is not UNSET:
            field_dict["order_ref"] = order_ref
        if head_lease_end is not UNSET:
            field_dict["head_lease_end"] = head_lease_end
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        category = DwellingCategory(d.pop("category"))

        owner = DwellingOwner(d.pop("owner"))

        rooms = d.pop("rooms")

        bedrooms = d.pop("bedrooms")

        monthly_rent = d.pop("monthly_rent")

        external_ref = d.pop("external_ref")

        def _parse_zone(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))

        coop_board_approval = d.pop("coop_board_approval", UNSET)

        def _parse_floor_area_m2(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        floor_area_m2 = _parse_floor_area_m2(d.pop("floor_area_m2", UNSET))

        accessible = d.pop("accessible", UNSET)

        staffed = d.pop("staffed", UNSET)

        near_services = d.pop("near_services", UNSET)

        _acquired_via = d.pop("acquired_via", UNSET)
        acquired_via: AcquiredVia | Unset
        if isinstance(_acquired_via, Unset):
            acquired_via = UNSET
        else:
            acquired_via = AcquiredVia(_acquired_via)

        def _parse_order_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_ref = _parse_order_ref(d.pop("order_ref", UNSET))

        def _parse_head_lease_end(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                head_lease_end_type_0 = datetime.date.fromisoformat(data)

                return head_lease_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        head_lease_end = _parse_head_lease_end(d.pop("head_lease_end", UNSET))

        _status = d.pop("status", UNSET)
        status: InitialStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = InitialStatus(_status)

        dwelling_create = cls(
            address=address,
            category=category,
            owner=owner,
            rooms=rooms,
            bedrooms=bedrooms,
            monthly_rent=monthly_rent,
            external_ref=external_ref,
            zone=zone,
            coop_board_approval=coop_board_approval,
            floor_area_m2=floor_area_m2,
            accessible=accessible,
            staffed=staffed,
            near_services=near_services,
            acquired_via=acquired_via,
            order_ref=order_ref,
            head_lease_end=head_lease_end,
            status=status,
        )

        return dwelling_create
