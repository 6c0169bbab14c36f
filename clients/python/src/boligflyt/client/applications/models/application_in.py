from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.application_kind import ApplicationKind
from ..models.priority_factor import PriorityFactor
from ..models.referrer import Referrer
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.household import Household
    from ..models.needs import Needs
    from ..models.ownership_check import OwnershipCheck


T = TypeVar("T", bound="ApplicationIn")


@_attrs_define
class ApplicationIn:
    """
    Attributes:
        applicant_id (str):
        kind (ApplicationKind): What the application is for: rental dwelling, care dwelling or staffed dwelling.
        household (Household):
        ownership_check (OwnershipCheck): The rent-to-own / startlån assessment every application and renewal gets first
            (§ 8).
        needs (Needs | Unset):
        priority_factors (list[PriorityFactor] | Unset):
        referrer (Referrer | Unset): Who brought the application (for NAV Intro the reply goes to the programme
            adviser).
        referrer_case_ref (None | str | Unset): The referrer's own case id (e.g. NAV's stay id). Required for NAV
            referrals.
        referrer_contact (None | str | Unset): Where letters go when the reply goes to the referrer.
        documents_received (list[str] | Unset):
        renewal_of_tenancy_id (None | str | Unset):
    """

    applicant_id: str
    kind: ApplicationKind
    household: Household
    ownership_check: OwnershipCheck
    needs: Needs | Unset = UNSET
    priority_factors: list[PriorityFactor] | Unset = UNSET
    referrer: Referrer | Unset = UNSET
    referrer_case_ref: str | Unset | None = UNSET
    referrer_contact: str | Unset | None = UNSET
    documents_received: list[str] | Unset = UNSET
    renewal_of_tenancy_id: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        applicant_id = self.applicant_id

        kind = self.kind.value

        household = self.household.to_dict()

        ownership_check = self.ownership_check.to_dict()

        needs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs.to_dict()

        priority_factors: list[str] | Unset = UNSET
        if not isinstance(self.priority_factors, Unset):
            priority_factors = []
            for priority_factors_item_data in self.priority_factors:
                priority_factors_item = priority_factors_item_data.value
                priority_factors.append(priority_factors_item)

        referrer: str | Unset = UNSET
        if not isinstance(self.referrer, Unset):
            referrer = self.referrer.value

        referrer_case_ref: str | Unset | None
        if isinstance(self.referrer_case_ref, Unset):
            referrer_case_ref = UNSET
        else:
            referrer_case_ref = self.referrer_case_ref

        referrer_contact: str | Unset | None
        if isinstance(self.referrer_contact, Unset):
            referrer_contact = UNSET
        else:
            referrer_contact = self.referrer_contact

        documents_received: list[str] | Unset = UNSET
        if not isinstance(self.documents_received, Unset):
            documents_received = self.documents_received

        renewal_of_tenancy_id: str | Unset | None
        if isinstance(self.renewal_of_tenancy_id, Unset):
            renewal_of_tenancy_id = UNSET
        else:
            renewal_of_tenancy_id = self.renewal_of_tenancy_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applicant_id": applicant_id,
                "kind": kind,
                "household": household,
                "ownership_check": ownership_check,
            }
        )
        if needs is not UNSET:
            field_dict["needs"] = needs
        if priority_factors is not UNSET:
            field_dict["priority_factors"] = priority_factors
        if referrer is not UNSET:
            field_dict["referrer"] = referrer
        if referrer_case_ref is not UNSET:
            field_dict["referrer_case_ref"] = referrer_case_ref
        if referrer_contact is not UNSET:
            field_dict["referrer_contact"] = referrer_contact
        if documents_received is not UNSET:
            field_dict["documents_received"] = documents_received
        if renewal_of_tenancy_id is not UNSET:
            field_dict["renewal_of_tenancy_id"] = renewal_of_tenancy_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.household import Household
        from ..models.needs import Needs
        from ..models.ownership_check import OwnershipCheck

        d = dict(src_dict)
        applicant_id = d.pop("applicant_id")

        kind = ApplicationKind(d.pop("kind"))

        household = Household.from_dict(d.pop("household"))

        ownership_check = OwnershipCheck.from_dict(d.pop("ownership_check"))

        _needs = d.pop("needs", UNSET)
        needs: Needs | Unset
        if isinstance(_needs, Unset):
            needs = UNSET
        else:
            needs = Needs.from_dict(_needs)

        _priority_factors = d.pop("priority_factors", UNSET)
        priority_factors: list[PriorityFactor] | Unset = UNSET
        if _priority_factors is not UNSET:
            priority_factors = []
            for priority_factors_item_data in _priority_factors:
                priority_factors_item = PriorityFactor(priority_factors_item_data)

                priority_factors.append(priority_factors_item)

        _referrer = d.pop("referrer", UNSET)
        referrer: Referrer | Unset
        if isinstance(_referrer, Unset):
            referrer = UNSET
        else:
            referrer = Referrer(_referrer)

        def _parse_referrer_case_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer_case_ref = _parse_referrer_case_ref(d.pop("referrer_case_ref", UNSET))

        def _parse_referrer_contact(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer_contact = _parse_referrer_contact(d.pop("referrer_contact", UNSET))

        documents_received = cast(list[str], d.pop("documents_received", UNSET))

        def _parse_renewal_of_tenancy_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        renewal_of_tenancy_id = _parse_renewal_of_tenancy_id(d.pop("renewal_of_tenancy_id", UNSET))

        application_in = cls(
            applicant_id=applicant_id,
            kind=kind,
            household=household,
            ownership_check=ownership_check,
            needs=needs,
            priority_factors=priority_factors,
            referrer=referrer,
            referrer_case_ref=referrer_case_ref,
            referrer_contact=referrer_contact,
            documents_received=documents_received,
            renewal_of_tenancy_id=renewal_of_tenancy_id,
        )

        return application_in
