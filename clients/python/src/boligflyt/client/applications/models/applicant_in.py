from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.household_member import HouseholdMember


T = TypeVar("T", bound="ApplicantIn")


@_attrs_define
class ApplicantIn:
    """
    Attributes:
        national_id (str): Fødselsnummer or D-number, 11 digits with valid check digits. Stays in this service.
        name (str):
        phone (None | str | Unset):
        email (None | str | Unset):
        postal_address (None | str | Unset):
        language (str | Unset): Preferred language (ISO 639-1). Default: 'nb'.
        interpreter_needed (bool | Unset): An interpreter is needed (e.g. at signing). Default: False.
        household_members (list[HouseholdMember] | Unset):
    """

    national_id: str
    name: str
    phone: str | Unset | None = UNSET
    email: str | Unset | None = UNSET
    postal_address: str | Unset | None = UNSET
    language: str | Unset = "nb"
    interpreter_needed: bool | Unset = False
    household_members: list[HouseholdMember] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        national_id = self.national_id

        name = self.name

        phone: str | Unset | None
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: str | Unset | None
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        postal_address: str | Unset | None
        if isinstance(self.postal_address, Unset):
            postal_address = UNSET
        else:
            postal_address = self.postal_address

        language = self.language

        interpreter_needed = self.interpreter_needed

        household_members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.household_members, Unset):
            household_members = []
            for household_members_item_data in self.household_members:
                household_members_item = household_members_item_data.to_dict()
                household_members.append(household_members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "national_id": national_id,
                "name": name,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if postal_address is not UNSET:
            field_dict["postal_address"] = postal_address
        if language is not UNSET:
            field_dict["language"] = language
        if interpreter_needed is not UNSET:
            field_dict["interpreter_needed"] = interpreter_needed
        if household_members is not UNSET:
            field_dict["household_members"] = household_members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.household_member import HouseholdMember

        d = dict(src_dict)
        national_id = d.pop("national_id")

        name = d.pop("name")

        def _parse_phone(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_postal_address(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_address = _parse_postal_address(d.pop("postal_address", UNSET))

        language = d.pop("language", UNSET)

        interpreter_needed = d.pop("interpreter_needed", UNSET)

        _household_members = d.pop("household_members", UNSET)
        household_members: list[HouseholdMember] | Unset = UNSET
        if _household_members is not UNSET:
            household_members = []
            for household_members_item_data in _household_members:
                household_members_item = HouseholdMember.from_dict(household_members_item_data)

                household_members.append(household_members_item)

        applicant_in = cls(
            national_id=national_id,
            name=name,
            phone=phone,
            email=email,
            postal_address=postal_address,
            language=language,
            interpreter_needed=interpreter_needed,
            household_members=household_members,
        )

        return applicant_in
