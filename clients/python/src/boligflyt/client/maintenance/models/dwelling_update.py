from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.dwelling_category import DwellingCategory
from ..models.dwelling_owner import DwellingOwner
from ..types import UNSET, Unset

T = TypeVar("T", bound="DwellingUpdate")


@_attrs_define
class DwellingUpdate:
    """Attributes to change; those left out stay as they are. Status changes go through their own commands.

    Attributes:
        address (None | str | Unset):
        zone (None | str | Unset):
        category (DwellingCategory | None | Unset):
        owner (DwellingOwner | None | Unset):
        coop_board_approval (bool | None | Unset):
        rooms (int | None | Unset):
        bedrooms (int | None | Unset):
        floor_area_m2 (int | None | Unset):
        monthly_rent (int | None | Unset):
        accessible (bool | None | Unset):
        staffed (bool | None | Unset):
        near_services (bool | None | Unset):
        head_lease_end (datetime.date | None | Unset):
    """

    address: str | Unset | None = UNSET
    zone: str | Unset | None = UNSET
    category: DwellingCategory | Unset | None = UNSET
    owner: DwellingOwner | Unset | None = UNSET
    coop_board_approval: bool | Unset | None = UNSET
    rooms: int | Unset | None = UNSET
    bedrooms: int | Unset | None = UNSET
    floor_area_m2: int | Unset | None = UNSET
    monthly_rent: int | Unset | None = UNSET
    accessible: bool | Unset | None = UNSET
    staffed: bool | Unset | None = UNSET
    near_services: bool | Unset | None = UNSET
    head_lease_end: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        address: str | Unset | None
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        zone: str | Unset | None
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone

        category: str | Unset | None
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, DwellingCategory):
            category = self.category.value
        else:
            category = self.category

        owner: str | Unset | None
        if isinstance(self.owner, Unset):
            owner = UNSET
        elif isinstance(self.owner, DwellingOwner):
            owner = self.owner.value
        else:
            owner = self.owner

        coop_board_approval: bool | Unset | None
        if isinstance(self.coop_board_approval, Unset):
            coop_board_approval = UNSET
        else:
            coop_board_approval = self.coop_board_approval

        rooms: int | Unset | None
        if isinstance(self.rooms, Unset):
            rooms = UNSET
        else:
            rooms = self.rooms

        bedrooms: int | Unset | None
        if isinstance(self.bedrooms, Unset):
            bedrooms = UNSET
        else:
            bedrooms = self.bedrooms

        floor_area_m2: int | Unset | None
        if isinstance(self.floor_area_m2, Unset):
            floor_area_m2 = UNSET
        else:
            floor_area_m2 = self.floor_area_m2

        monthly_rent: int | Unset | None
        if isinstance(self.monthly_rent, Unset):
            monthly_rent = UNSET
        else:
            monthly_rent = self.monthly_rent

        accessible: bool | Unset | None
        if isinstance(self.accessible, Unset):
            accessible = UNSET
        else:
            accessible = self.accessible

        staffed: bool | Unset | None
        if isinstance(self.staffed, Unset):
            staffed = UNSET
        else:
            staffed = self.staffed

        near_services: bool | Unset | None
        if isinstance(self.near_services, Unset):
            near_services = UNSET
        else:
            near_services = self.near_services

        head_lease_end: str | Unset | None
        if isinstance(self.head_lease_end, Unset):
            head_lease_end = UNSET
        elif isinstance(self.head_lease_end, datetime.date):
            head_lease_end = self.head_lease_end.isoformat()
        else:
            head_lease_end = self.head_lease_end

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if zone is not UNSET:
            field_dict["zone"] = zone
        if category is not UNSET:
            field_dict["category"] = category
        if owner is not UNSET:
            field_dict["owner"] = owner
        if coop_board_approval is not UNSET:
            field_dict["coop_board_approval"] = coop_board_approval
        if rooms is not UNSET:
            field_dict["rooms"] = rooms
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if floor_area_m2 is not UNSET:
            field_dict["floor_area_m2"] = floor_area_m2
        if monthly_rent is not UNSET:
            field_dict["monthly_rent"] = monthly_rent
        if accessible is not UNSET:
            field_dict["accessible"] = accessible
        if staffed is not UNSET:
            field_dict["staffed"] = staffed
        if near_services is not UNSET:
            field_dict["near_services"] = near_services
        if head_lease_end is not UNSET:
            field_dict["head_lease_end"] = head_lease_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_zone(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))

        def _parse_category(data: object) -> DwellingCategory | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = DwellingCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DwellingCategory | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_owner(data: object) -> DwellingOwner | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_type_0 = DwellingOwner(data)

                return owner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DwellingOwner | None | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_coop_board_approval(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        coop_board_approval = _parse_coop_board_approval(d.pop("coop_board_approval", UNSET))

        def _parse_rooms(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rooms = _parse_rooms(d.pop("rooms", UNSET))

        def _parse_bedrooms(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms", UNSET))

        def _parse_floor_area_m2(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        floor_area_m2 = _parse_floor_area_m2(d.pop("floor_area_m2", UNSET))

        def _parse_monthly_rent(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monthly_rent = _parse_monthly_rent(d.pop("monthly_rent", UNSET))

        def _parse_accessible(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        accessible = _parse_accessible(d.pop("accessible", UNSET))

        def _parse_staffed(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        staffed = _parse_staffed(d.pop("staffed", UNSET))

        def _parse_near_services(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        near_services = _parse_near_services(d.pop("near_services", UNSET))

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

        dwelling_update = cls(
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
            head_lease_end=head_lease_end,
        )

        return dwelling_update
