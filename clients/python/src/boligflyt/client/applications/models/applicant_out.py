from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_out import ConsentOut
    from ..models.household_member import HouseholdMember


T = TypeVar("T", bound="ApplicantOut")


@_attrs_define
class ApplicantOut:
    """
    Attributes:
        id (str):
        person_ref (str): The pseudonym events carry for this person.
        name (str):
        phone (None | str):
        email (None | str):
        postal_address (None | str):
        language (str):
        interpreter_needed (bool):
        household_members (list[HouseholdMember]):
        consents (list[ConsentOut] | Unset):
    """

    id: str
    person_ref: str
    name: str
    phone: str | None
    email: str | None
    postal_address: str | None
    language: str
    interpreter_needed: bool
    household_members: list[HouseholdMember]
    consents: list[ConsentOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        person_ref = self.person_ref

        name = self.name

        phone: str | None
        phone = self.phone

        email: str | None
        email = self.email

        postal_address: str | None
        postal_address = self.postal_address

        language = self.language

        interpreter_needed = self.interpreter_needed

        household_members = []
        for household_members_item_data in self.household_members:
            household_members_item = household_members_item_data.to_dict()
            household_members.append(household_members_item)

        consents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consents, Unset):
            consents = []
            for consents_item_data in self.consents:
                consents_item = consents_item_data.to_dict()
                consents.append(consents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_ref": person_ref,
                "name": name,
                "phone": phone,
                "email": email,
                "postal_address": postal_address,
                "language": language,
                "interpreter_needed": interpreter_needed,
                "household_members": household_members,
            }
        )
        if consents is not UNSET:
            field_dict["consents"] = consents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_out import ConsentOut
        from ..models.household_member import HouseholdMember

        d = dict(src_dict)
        id = d.pop("id")

        person_ref = d.pop("person_ref")

        name = d.pop("name")

        def _parse_phone(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_email(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_postal_address(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        postal_address = _parse_postal_address(d.pop("postal_address"))

        language = d.pop("language")

        interpreter_needed = d.pop("interpreter_needed")

        household_members = []
        _household_members = d.pop("household_members")
        for household_members_item_data in _household_members:
            household_members_item = HouseholdMember.from_dict(household_members_item_data)

            household_members.append(household_members_item)

        _consents = d.pop("consents", UNSET)
        consents: list[ConsentOut] | Unset = UNSET
        if _consents is not UNSET:
            consents = []
            for consents_item_data in _consents:
                consents_item = ConsentOut.from_dict(consents_item_data)

                consents.append(consents_item)

        applicant_out = cls(
            id=id,
            person_ref=person_ref,
            name=name,
            phone=phone,
            email=email,
            postal_address=postal_address,
            language=language,
            interpreter_needed=interpreter_needed,
            household_members=household_members,
            consents=consents,
        )

        applicant_out.additional_properties = d
        return applicant_out

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
