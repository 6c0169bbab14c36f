from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_kind import ApplicationKind
from ..models.application_state import ApplicationState
from ..models.decision_outcome import DecisionOutcome
from ..models.priority_factor import PriorityFactor
from ..models.referrer import Referrer
from ..models.reject_reason import RejectReason

T = TypeVar("T", bound="ApplicationOut")


@_attrs_define
class ApplicationOut:
    """
    Attributes:
        id (str):
        applicant_id (str):
        person_ref (str):
        state (ApplicationState):
        kind (ApplicationKind): What the application is for: rental dwelling, care dwelling or staffed dwelling.
        submitted_on (datetime.date):
        adults (int):
        children (int):
        children_needing_own_bedroom (int):
        bedrooms_needed (int):
        accessible_needed (bool):
        staffed_needed (bool):
        area_wishes (list[str]):
        priority_factors (list[PriorityFactor]):
        referrer (Referrer): Who brought the application (for NAV Intro the reply goes to the programme adviser).
        referrer_case_ref (None | str):
        reply_to (str):
        documents_received (list[str]):
        missing_documents (list[str]):
        able_to_buy (bool):
        ownership_checked_on (datetime.date):
        decided_on (datetime.date | None):
        outcome (DecisionOutcome | None):
        reject_reasons (list[RejectReason]):
        appeal_deadline (datetime.date | None):
        appealed_on (datetime.date | None):
        renewal_of_tenancy_id (None | str):
    """

    id: str
    applicant_id: str
    person_ref: str
    state: ApplicationState
    kind: ApplicationKind
    submitted_on: datetime.date
    adults: int
    children: int
    children_needing_own_bedroom: int
    bedrooms_needed: int
    accessible_needed: bool
    staffed_needed: bool
    area_wishes: list[str]
    priority_factors: list[PriorityFactor]
    referrer: Referrer
    referrer_case_ref: str | None
    reply_to: str
    documents_received: list[str]
    missing_documents: list[str]
    able_to_buy: bool
    ownership_checked_on: datetime.date
    decided_on: datetime.date | None
    outcome: DecisionOutcome | None
    reject_reasons: list[RejectReason]
    appeal_deadline: datetime.date | None
    appealed_on: datetime.date | None
    renewal_of_tenancy_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        applicant_id = self.applicant_id

        person_ref = self.person_ref

        state = self.state.value

        kind = self.kind.value

        submitted_on = self.submitted_on.isoformat()

        adults = self.adults

        children = self.children

        children_needing_own_bedroom = self.children_needing_own_bedroom

        bedrooms_needed = self.bedrooms_needed

        accessible_needed = self.accessible_needed

        staffed_needed = self.staffed_needed

        area_wishes = self.area_wishes

        priority_factors = []
        for priority_factors_item_data in self.priority_factors:
            priority_factors_item = priority_factors_item_data.value
            priority_factors.append(priority_factors_item)

        referrer = self.referrer.value

        referrer_case_ref: str | None
        referrer_case_ref = self.referrer_case_ref

        reply_to = self.reply_to

        documents_received = self.documents_received

        missing_documents = self.missing_documents

        able_to_buy = self.able_to_buy

        ownership_checked_on = self.ownership_checked_on.isoformat()

        decided_on: str | None
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        outcome: str | None
        if isinstance(self.outcome, DecisionOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        reject_reasons = []
        for reject_reasons_item_data in self.reject_reasons:
            reject_reasons_item = reject_reasons_item_data.value
            reject_reasons.append(reject_reasons_item)

        appeal_deadline: str | None
        if isinstance(self.appeal_deadline, datetime.date):
            appeal_deadline = self.appeal_deadline.isoformat()
        else:
            appeal_deadline = self.appeal_deadline

        appealed_on: str | None
        if isinstance(self.appealed_on, datetime.date):
            appealed_on = self.appealed_on.isoformat()
        else:
            appealed_on = self.appealed_on

        renewal_of_tenancy_id: str | None
        renewal_of_tenancy_id = self.renewal_of_tenancy_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "applicant_id": applicant_id,
                "person_ref": person_ref,
                "state": state,
                "kind": kind,
                "submitted_on": submitted_on,
                "adults": adults,
                "children": children,
                "children_needing_own_bedroom": children_needing_own_bedroom,
                "bedrooms_needed": bedrooms_needed,
                "accessible_needed": accessible_needed,
                "staffed_needed": staffed_needed,
                "area_wishes": area_wishes,
                "priority_factors": priority_factors,
                "referrer": referrer,
                "referrer_case_ref": referrer_case_ref,
                "reply_to": reply_to,
                "documents_received": documents_received,
                "missing_documents": missing_documents,
                "able_to_buy": able_to_buy,
                "ownership_checked_on": ownership_checked_on,
                "decided_on": decided_on,
                "outcome": outcome,
                "reject_reasons": reject_reasons,
                "appeal_deadline": appeal_deadline,
                "appealed_on": appealed_on,
                "renewal_of_tenancy_id": renewal_of_tenancy_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        applicant_id = d.pop("applicant_id")

        person_ref = d.pop("person_ref")

        state = ApplicationState(d.pop("state"))

        kind = ApplicationKind(d.pop("kind"))

        submitted_on = datetime.date.fromisoformat(d.pop("submitted_on"))

        adults = d.pop("adults")

        children = d.pop("children")

        children_needing_own_bedroom = d.pop("children_needing_own_bedroom")

        bedrooms_needed = d.pop("bedrooms_needed")

        accessible_needed = d.pop("accessible_needed")

        staffed_needed = d.pop("staffed_needed")

        area_wishes = cast(list[str], d.pop("area_wishes"))

        priority_factors = []
        _priority_factors = d.pop("priority_factors")
        for priority_factors_item_data in _priority_factors:
            priority_factors_item = PriorityFactor(priority_factors_item_data)

            priority_factors.append(priority_factors_item)

        referrer = Referrer(d.pop("referrer"))

        def _parse_referrer_case_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        referrer_case_ref = _parse_referrer_case_ref(d.pop("referrer_case_ref"))

        reply_to = d.pop("reply_to")

        documents_received = cast(list[str], d.pop("documents_received"))

        missing_documents = cast(list[str], d.pop("missing_documents"))

        able_to_buy = d.pop("able_to_buy")

        ownership_checked_on = datetime.date.fromisoformat(d.pop("ownership_checked_on"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_outcome(data: object) -> DecisionOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = DecisionOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionOutcome | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        reject_reasons = []
        _reject_reasons = d.pop("reject_reasons")
        for reject_reasons_item_data in _reject_reasons:
            reject_reasons_item = RejectReason(reject_reasons_item_data)

            reject_reasons.append(reject_reasons_item)

        def _parse_appeal_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appeal_deadline_type_0 = datetime.date.fromisoformat(data)

                return appeal_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        appeal_deadline = _parse_appeal_deadline(d.pop("appeal_deadline"))

        def _parse_appealed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appealed_on_type_0 = datetime.date.fromisoformat(data)

                return appealed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        appealed_on = _parse_appealed_on(d.pop("appealed_on"))

        def _parse_renewal_of_tenancy_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        renewal_of_tenancy_id = _parse_renewal_of_tenancy_id(d.pop("renewal_of_tenancy_id"))

        application_out = cls(
            id=id,
            applicant_id=applicant_id,
            person_ref=person_ref,
            state=state,
            kind=kind,
            submitted_on=submitted_on,
            adults=adults,
            children=children,
            children_needing_own_bedroom=children_needing_own_bedroom,
            bedrooms_needed=bedrooms_needed,
            accessible_needed=accessible_needed,
            staffed_needed=staffed_needed,
            area_wishes=area_wishes,
            priority_factors=priority_factors,
            referrer=referrer,
            referrer_case_ref=referrer_case_ref,
            reply_to=reply_to,
            documents_received=documents_received,
            missing_documents=missing_documents,
            able_to_buy=able_to_buy,
            ownership_checked_on=ownership_checked_on,
            decided_on=decided_on,
            outcome=outcome,
            reject_reasons=reject_reasons,
            appeal_deadline=appeal_deadline,
            appealed_on=appealed_on,
            renewal_of_tenancy_id=renewal_of_tenancy_id,
        )

        application_out.additional_properties = d
        return application_out

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
