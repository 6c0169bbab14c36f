from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stay_cause import StayCause
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.absence_out import AbsenceOut
    from ..models.case_out import CaseOut
    from ..models.closure_warning_out import ClosureWarningOut
    from ..models.move_out import MoveOut
    from ..models.person_out import PersonOut


T = TypeVar("T", bound="StayOut")


@_attrs_define
class StayOut:
    """
    Attributes:
        stay_id (str):
        person_ref (str):
        state (str):
        adults (int):
        children (int):
        under_30 (bool):
        single (bool):
        new_enquiry (bool):
        decision_date (datetime.date):
        provider_id (str): Where the person stays now.
        agreement_id (None | str):
        price_per_night (int): The price per night where the person stays now.
        start_date (datetime.date):
        end_date (datetime.date | None):
        end_reason (None | str):
        belongings_left (bool):
        nights (int):
        cost (int):
        days_in_stay (int):
        limit_date (datetime.date):
        blocking_reason (None | str):
        application_id (None | str):
        application_submitted_on (datetime.date | None):
        application_decision (None | str):
        allocated_on (datetime.date | None):
        dwelling_id (None | str):
        tenancy_id (None | str):
        person (None | PersonOut | Unset): Only for NAV.
        cause (None | StayCause | Unset): Only for NAV.
        override_justification (None | str | Unset):
        override_reasons (list[str] | None | Unset):
        planned_end_date (datetime.date | None | Unset):
        closure_warning (ClosureWarningOut | None | Unset): The provider closes for the season while the person is
            expected to be there.
        planned_move_in_on (datetime.date | None | Unset): The planned move-in to the allocated dwelling; it follows the
            dwelling's ready date.
        adviser (None | str | Unset):
        moves (list[MoveOut] | Unset):
        absences (list[AbsenceOut] | Unset):
        case (CaseOut | None | Unset): NAV's view of the housing application linked to the stay, from Boligkontoret.
    """

    stay_id: str
    person_ref: str
    state: str
    adults: int
    children: int
    under_30: bool
    single: bool
    new_enquiry: bool
    decision_date: datetime.date
    provider_id: str
    agreement_id: str | None
    price_per_night: int
    start_date: datetime.date
    end_date: datetime.date | None
    end_reason: str | None
    belongings_left: bool
    nights: int
    cost: int
    days_in_stay: int
    limit_date: datetime.date
    blocking_reason: str | None
    application_id: str | None
    application_submitted_on: datetime.date | None
    application_decision: str | None
    allocated_on: datetime.date | None
    dwelling_id: str | None
    tenancy_id: str | None
    person: PersonOut | Unset | None = UNSET
    cause: StayCause | Unset | None = UNSET
    override_justification: str | Unset | None = UNSET
    override_reasons: list[str] | Unset | None = UNSET
    planned_end_date: datetime.date | Unset | None = UNSET
    closure_warning: ClosureWarningOut | Unset | None = UNSET
    planned_move_in_on: datetime.date | Unset | None = UNSET
    adviser: str | Unset | None = UNSET
    moves: list[MoveOut] | Unset = UNSET
    absences: list[AbsenceOut] | Unset = UNSET
    case: CaseOut | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_out import CaseOut
        from ..models.closure_warning_out import ClosureWarningOut
        from ..models.person_out import PersonOut

        stay_id = self.stay_id

        person_ref = self.person_ref

        state = self.state

        adults = self.adults

        children = self.children

        under_30 = self.under_30

        single = self.single

        new_enquiry = self.new_enquiry

        decision_date = self.decision_date.isoformat()

        provider_id = self.provider_id

        agreement_id: str | None
        agreement_id = self.agreement_id

        price_per_night = self.price_per_night

        start_date = self.start_date.isoformat()

        end_date: str | None
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        end_reason: str | None
        end_reason = self.end_reason

        belongings_left = self.belongings_left

        nights = self.nights

        cost = self.cost

        days_in_stay = self.days_in_stay

        limit_date = self.limit_date.isoformat()

        blocking_reason: str | None
        blocking_reason = self.blocking_reason

        application_id: str | None
        application_id = self.application_id

        application_submitted_on: str | None
        if isinstance(self.application_submitted_on, datetime.date):
            application_submitted_on = self.application_submitted_on.isoformat()
        else:
            application_submitted_on = self.application_submitted_on

        application_decision: str | None
        application_decision = self.application_decision

        allocated_on: str | None
        if isinstance(self.allocated_on, datetime.date):
            allocated_on = self.allocated_on.isoformat()
        else:
            allocated_on = self.allocated_on

        dwelling_id: str | None
        dwelling_id = self.dwelling_id

        tenancy_id: str | None
        tenancy_id = self.tenancy_id

        person: dict[str, Any] | Unset | None
        if isinstance(self.person, Unset):
            person = UNSET
        elif isinstance(self.person, PersonOut):
            person = self.person.to_dict()
        else:
            person = self.person

        cause: str | Unset | None
        if isinstance(self.cause, Unset):
            cause = UNSET
        elif isinstance(self.cause, StayCause):
            cause = self.cause.value
        else:
            cause = self.cause

        override_justification: str | Unset | None
        if isinstance(self.override_justification, Unset):
            override_justification = UNSET
        else:
            override_justification = self.override_justification

        override_reasons: list[str] | Unset | None
        if isinstance(self.override_reasons, Unset):
            override_reasons = UNSET
        elif isinstance(self.override_reasons, list):
            override_reasons = self.override_reasons

        else:
            override_reasons = self.override_reasons

        planned_end_date: str | Unset | None
        if isinstance(self.planned_end_date, Unset):
            planned_end_date = UNSET
        elif isinstance(self.planned_end_date, datetime.date):
            planned_end_date = self.planned_end_date.isoformat()
        else:
            planned_end_date = self.planned_end_date

        closure_warning: dict[str, Any] | Unset | None
        if isinstance(self.closure_warning, Unset):
            closure_warning = UNSET
        elif isinstance(self.closure_warning, ClosureWarningOut):
            closure_warning = self.closure_warning.to_dict()
        else:
            closure_warning = self.closure_warning

        planned_move_in_on: str | Unset | None
        if isinstance(self.planned_move_in_on, Unset):
            planned_move_in_on = UNSET
        elif isinstance(self.planned_move_in_on, datetime.date):
            planned_move_in_on = self.planned_move_in_on.isoformat()
        else:
            planned_move_in_on = self.planned_move_in_on

        adviser: str | Unset | None
        if isinstance(self.adviser, Unset):
            adviser = UNSET
        else:
            adviser = self.adviser

        moves: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.moves, Unset):
            moves = []
            for moves_item_data in self.moves:
                moves_item = moves_item_data.to_dict()
                moves.append(moves_item)

        absences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.absences, Unset):
            absences = []
            for absences_item_data in self.absences:
                absences_item = absences_item_data.to_dict()
                absences.append(absences_item)

        case: dict[str, Any] | Unset | None
        if isinstance(self.case, Unset):
            case = UNSET
        elif isinstance(self.case, CaseOut):
            case = self.case.to_dict()
        else:
            case = self.case

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stay_id": stay_id,
                "person_ref": person_ref,
                "state": state,
                "adults": adults,
                "children": children,
                "under_30": under_30,
                "single": single,
                "new_enquiry": new_enquiry,
                "decision_date": decision_date,
                "provider_id": provider_id,
                "agreement_id": agreement_id,
                "price_per_night": price_per_night,
                "start_date": start_date,
                "end_date": end_date,
                "end_reason": end_reason,
                "belongings_left": belongings_left,
                "nights": nights,
                "cost": cost,
                "days_in_stay": days_in_stay,
                "limit_date": limit_date,
                "blocking_reason": blocking_reason,
                "application_id": application_id,
                "application_submitted_on": application_submitted_on,
                "application_decision": application_decision,
                "allocated_on": allocated_on,
                "dwelling_id": dwelling_id,
                "tenancy_id": tenancy_id,
            }
        )
        if person is not UNSET:
            field_dict["person"] = person
        if cause is not UNSET:
            field_dict["cause"] = cause
        if override_justification is not UNSET:
            field_dict["override_justification"] = override_justification
        if override_reasons is not UNSET:
            field_dict["override_reasons"] = override_reasons
        if planned_end_date is not UNSET:
            field_dict["planned_end_date"] = planned_end_date
        if closure_warning is not UNSET:
            field_dict["closure_warning"] = closure_warning
        if planned_move_in_on is not UNSET:
            field_dict["planned_move_in_on"] = planned_move_in_on
        if adviser is not UNSET:
            field_dict["adviser"] = adviser
        if moves is not UNSET:
            field_dict["moves"] = moves
        if absences is not UNSET:
            field_dict["absences"] = absences
        if case is not UNSET:
            field_dict["case"] = case

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.absence_out import AbsenceOut
        from ..models.case_out import CaseOut
        from ..models.closure_warning_out import ClosureWarningOut
        from ..models.move_out import MoveOut
        from ..models.person_out import PersonOut

        d = dict(src_dict)
        stay_id = d.pop("stay_id")

        person_ref = d.pop("person_ref")

        state = d.pop("state")

        adults = d.pop("adults")

        children = d.pop("children")

        under_30 = d.pop("under_30")

        single = d.pop("single")

        new_enquiry = d.pop("new_enquiry")

        decision_date = datetime.date.fromisoformat(d.pop("decision_date"))

        provider_id = d.pop("provider_id")

        def _parse_agreement_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        agreement_id = _parse_agreement_id(d.pop("agreement_id"))

        price_per_night = d.pop("price_per_night")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        def _parse_end_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        belongings_left = d.pop("belongings_left")

        nights = d.pop("nights")

        cost = d.pop("cost")

        days_in_stay = d.pop("days_in_stay")

        limit_date = datetime.date.fromisoformat(d.pop("limit_date"))

        def _parse_blocking_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        blocking_reason = _parse_blocking_reason(d.pop("blocking_reason"))

        def _parse_application_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        application_id = _parse_application_id(d.pop("application_id"))

        def _parse_application_submitted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                application_submitted_on_type_0 = datetime.date.fromisoformat(data)

                return application_submitted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        application_submitted_on = _parse_application_submitted_on(d.pop("application_submitted_on"))

        def _parse_application_decision(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        application_decision = _parse_application_decision(d.pop("application_decision"))

        def _parse_allocated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                allocated_on_type_0 = datetime.date.fromisoformat(data)

                return allocated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        allocated_on = _parse_allocated_on(d.pop("allocated_on"))

        def _parse_dwelling_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        dwelling_id = _parse_dwelling_id(d.pop("dwelling_id"))

        def _parse_tenancy_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        tenancy_id = _parse_tenancy_id(d.pop("tenancy_id"))

        def _parse_person(data: object) -> PersonOut | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                person_type_0 = PersonOut.from_dict(data)

                return person_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonOut | Unset, data)

        person = _parse_person(d.pop("person", UNSET))

        def _parse_cause(data: object) -> StayCause | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cause_type_0 = StayCause(data)

                return cause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StayCause | Unset, data)

        cause = _parse_cause(d.pop("cause", UNSET))

        def _parse_override_justification(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_justification = _parse_override_justification(d.pop("override_justification", UNSET))

        def _parse_override_reasons(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                override_reasons_type_0 = cast(list[str], data)

                return override_reasons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        override_reasons = _parse_override_reasons(d.pop("override_reasons", UNSET))

        def _parse_planned_end_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_date_type_0 = datetime.date.fromisoformat(data)

                return planned_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_end_date = _parse_planned_end_date(d.pop("planned_end_date", UNSET))

        def _parse_closure_warning(data: object) -> ClosureWarningOut | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                closure_warning_type_0 = ClosureWarningOut.from_dict(data)

                return closure_warning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClosureWarningOut | None | Unset, data)

        closure_warning = _parse_closure_warning(d.pop("closure_warning", UNSET))

        def _parse_planned_move_in_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_move_in_on_type_0 = datetime.date.fromisoformat(data)

                return planned_move_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_move_in_on = _parse_planned_move_in_on(d.pop("planned_move_in_on", UNSET))

        def _parse_adviser(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adviser = _parse_adviser(d.pop("adviser", UNSET))

        _moves = d.pop("moves", UNSET)
        moves: list[MoveOut] | Unset = UNSET
        if _moves is not UNSET:
            moves = []
            for moves_item_data in _moves:
                moves_item = MoveOut.from_dict(moves_item_data)

                moves.append(moves_item)

        _absences = d.pop("absences", UNSET)
        absences: list[AbsenceOut] | Unset = UNSET
        if _absences is not UNSET:
            absences = []
            for absences_item_data in _absences:
                absences_item = AbsenceOut.from_dict(absences_item_data)

                absences.append(absences_item)

        def _parse_case(data: object) -> CaseOut | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                case_type_0 = CaseOut.from_dict(data)

                return case_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseOut | None | Unset, data)

        case = _parse_case(d.pop("case", UNSET))

        stay_out = cls(
            stay_id=stay_id,
            person_ref=person_ref,
            state=state,
            adults=adults,
            children=children,
            under_30=under_30,
            single=single,
            new_enquiry=new_enquiry,
            decision_date=decision_date,
            provider_id=provider_id,
            agreement_id=agreement_id,
            price_per_night=price_per_night,
            start_date=start_date,
            end_date=end_date,
            end_reason=end_reason,
            belongings_left=belongings_left,
            nights=nights,
            cost=cost,
            days_in_stay=days_in_stay,
            limit_date=limit_date,
            blocking_reason=blocking_reason,
            application_id=application_id,
            application_submitted_on=application_submitted_on,
            application_decision=application_decision,
            allocated_on=allocated_on,
            dwelling_id=dwelling_id,
            tenancy_id=tenancy_id,
            person=person,
            cause=cause,
            override_justification=override_justification,
            override_reasons=override_reasons,
            planned_end_date=planned_end_date,
            closure_warning=closure_warning,
            planned_move_in_on=planned_move_in_on,
            adviser=adviser,
            moves=moves,
            absences=absences,
            case=case,
        )

        stay_out.additional_properties = d
        return stay_out

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
