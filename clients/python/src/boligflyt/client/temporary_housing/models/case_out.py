from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_entry_out import CaseEntryOut
    from ..models.dwelling_out import DwellingOut


T = TypeVar("T", bound="CaseOut")


@_attrs_define
class CaseOut:
    """NAV's view of a referred housing application, kept from Boligkontoret's events.

    Attributes:
        application_id (str):
        stay_id (None | str):
        person_ref (str):
        state (str):
        submitted_on (datetime.date | None):
        missing_documents (list[str]):
        documents_checked_on (datetime.date | None):
        documents_requested_on (datetime.date | None): When Boligkontoret asked for the documents missing.
        meeting_id (None | str):
        meeting_on (datetime.date | None): The committee meeting that decides (or decided) the application.
        outcome (None | str):
        decided_on (datetime.date | None):
        reject_reasons (list[str]):
        appeal_deadline (datetime.date | None):
        appealed_on (datetime.date | None):
        offer_id (None | str):
        offered_on (datetime.date | None):
        answer_deadline (datetime.date | None):
        offer_answer (None | str):
        answered_on (datetime.date | None):
        dwelling (DwellingOut | None):
        expected_ready_on (datetime.date | None): When LKE expects the dwelling ready; null when ready.
        allocated_on (datetime.date | None):
        first_planned_move_in_on (datetime.date | None):
        planned_move_in_on (datetime.date | None):
        moved_in_on (datetime.date | None):
        left_list_on (datetime.date | None):
        left_list_reason (None | str):
        history (list[CaseEntryOut] | Unset):
    """

    application_id: str
    stay_id: str | None
    person_ref: str
    state: str
    submitted_on: datetime.date | None
    missing_documents: list[str]
    documents_checked_on: datetime.date | None
    documents_requested_on: datetime.date | None
    meeting_id: str | None
    meeting_on: datetime.date | None
    outcome: str | None
    decided_on: datetime.date | None
    reject_reasons: list[str]
    appeal_deadline: datetime.date | None
    appealed_on: datetime.date | None
    offer_id: str | None
    offered_on: datetime.date | None
    answer_deadline: datetime.date | None
    offer_answer: str | None
    answered_on: datetime.date | None
    dwelling: DwellingOut | None
    expected_ready_on: datetime.date | None
    allocated_on: datetime.date | None
    first_planned_move_in_on: datetime.date | None
    planned_move_in_on: datetime.date | None
    moved_in_on: datetime.date | None
    left_list_on: datetime.date | None
    left_list_reason: str | None
    history: list[CaseEntryOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dwelling_out import DwellingOut

        application_id = self.application_id

        stay_id: str | None
        stay_id = self.stay_id

        person_ref = self.person_ref

        state = self.state

        submitted_on: str | None
        if isinstance(self.submitted_on, datetime.date):
            submitted_on = self.submitted_on.isoformat()
        else:
            submitted_on = self.submitted_on

        missing_documents = self.missing_documents

        documents_checked_on: str | None
        if isinstance(self.documents_checked_on, datetime.date):
            documents_checked_on = self.documents_checked_on.isoformat()
        else:
            documents_checked_on = self.documents_checked_on

        documents_requested_on: str | None
        if isinstance(self.documents_requested_on, datetime.date):
            documents_requested_on = self.documents_requested_on.isoformat()
        else:
            documents_requested_on = self.documents_requested_on

        meeting_id: str | None
        meeting_id = self.meeting_id

        meeting_on: str | None
        if isinstance(self.meeting_on, datetime.date):
            meeting_on = self.meeting_on.isoformat()
        else:
            meeting_on = self.meeting_on

        outcome: str | None
        outcome = self.outcome

        decided_on: str | None
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        reject_reasons = self.reject_reasons

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

        offer_id: str | None
        offer_id = self.offer_id

        offered_on: str | None
        if isinstance(self.offered_on, datetime.date):
            offered_on = self.offered_on.isoformat()
        else:
            offered_on = self.offered_on

        answer_deadline: str | None
        if isinstance(self.answer_deadline, datetime.date):
            answer_deadline = self.answer_deadline.isoformat()
        else:
            answer_deadline = self.answer_deadline

        offer_answer: str | None
        offer_answer = self.offer_answer

        answered_on: str | None
        if isinstance(self.answered_on, datetime.date):
            answered_on = self.answered_on.isoformat()
        else:
            answered_on = self.answered_on

        dwelling: dict[str, Any] | None
        if isinstance(self.dwelling, DwellingOut):
            dwelling = self.dwelling.to_dict()
        else:
            dwelling = self.dwelling

        expected_ready_on: str | None
        if isinstance(self.expected_ready_on, datetime.date):
            expected_ready_on = self.expected_ready_on.isoformat()
        else:
            expected_ready_on = self.expected_ready_on

        allocated_on: str | None
        if isinstance(self.allocated_on, datetime.date):
            allocated_on = self.allocated_on.isoformat()
        else:
            allocated_on = self.allocated_on

        first_planned_move_in_on: str | None
        if isinstance(self.first_planned_move_in_on, datetime.date):
            first_planned_move_in_on = self.first_planned_move_in_on.isoformat()
        else:
            first_planned_move_in_on = self.first_planned_move_in_on

        planned_move_in_on: str | None
        if isinstance(self.planned_move_in_on, datetime.date):
            planned_move_in_on = self.planned_move_in_on.isoformat()
        else:
            planned_move_in_on = self.planned_move_in_on

        moved_in_on: str | None
        if isinstance(self.moved_in_on, datetime.date):
            moved_in_on = self.moved_in_on.isoformat()
        else:
            moved_in_on = self.moved_in_on

        left_list_on: str | None
        if isinstance(self.left_list_on, datetime.date):
            left_list_on = self.left_list_on.isoformat()
        else:
            left_list_on = self.left_list_on

        left_list_reason: str | None
        left_list_reason = self.left_list_reason

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "stay_id": stay_id,
                "person_ref": person_ref,
                "state": state,
                "submitted_on": submitted_on,
                "missing_documents": missing_documents,
                "documents_checked_on": documents_checked_on,
                "documents_requested_on": documents_requested_on,
                "meeting_id": meeting_id,
                "meeting_on": meeting_on,
                "outcome": outcome,
                "decided_on": decided_on,
                "reject_reasons": reject_reasons,
                "appeal_deadline": appeal_deadline,
                "appealed_on": appealed_on,
                "offer_id": offer_id,
                "offered_on": offered_on,
                "answer_deadline": answer_deadline,
                "offer_answer": offer_answer,
                "answered_on": answered_on,
                "dwelling": dwelling,
                "expected_ready_on": expected_ready_on,
                "allocated_on": allocated_on,
                "first_planned_move_in_on": first_planned_move_in_on,
                "planned_move_in_on": planned_move_in_on,
                "moved_in_on": moved_in_on,
                "left_list_on": left_list_on,
                "left_list_reason": left_list_reason,
            }
        )
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_entry_out import CaseEntryOut
        from ..models.dwelling_out import DwellingOut

        d = dict(src_dict)
        application_id = d.pop("application_id")

        def _parse_stay_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        stay_id = _parse_stay_id(d.pop("stay_id"))

        person_ref = d.pop("person_ref")

        state = d.pop("state")

        def _parse_submitted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_on_type_0 = datetime.date.fromisoformat(data)

                return submitted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        submitted_on = _parse_submitted_on(d.pop("submitted_on"))

        missing_documents = cast(list[str], d.pop("missing_documents"))

        def _parse_documents_checked_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                documents_checked_on_type_0 = datetime.date.fromisoformat(data)

                return documents_checked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        documents_checked_on = _parse_documents_checked_on(d.pop("documents_checked_on"))

        def _parse_documents_requested_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                documents_requested_on_type_0 = datetime.date.fromisoformat(data)

                return documents_requested_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        documents_requested_on = _parse_documents_requested_on(d.pop("documents_requested_on"))

        def _parse_meeting_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id"))

        def _parse_meeting_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_on_type_0 = datetime.date.fromisoformat(data)

                return meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        meeting_on = _parse_meeting_on(d.pop("meeting_on"))

        def _parse_outcome(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

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

        reject_reasons = cast(list[str], d.pop("reject_reasons"))

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

        def _parse_offer_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        offer_id = _parse_offer_id(d.pop("offer_id"))

        def _parse_offered_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offered_on_type_0 = datetime.date.fromisoformat(data)

                return offered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        offered_on = _parse_offered_on(d.pop("offered_on"))

        def _parse_answer_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_deadline_type_0 = datetime.date.fromisoformat(data)

                return answer_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        answer_deadline = _parse_answer_deadline(d.pop("answer_deadline"))

        def _parse_offer_answer(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        offer_answer = _parse_offer_answer(d.pop("offer_answer"))

        def _parse_answered_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_on_type_0 = datetime.date.fromisoformat(data)

                return answered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        answered_on = _parse_answered_on(d.pop("answered_on"))

        def _parse_dwelling(data: object) -> DwellingOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dwelling_type_0 = DwellingOut.from_dict(data)

                return dwelling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DwellingOut | None, data)

        dwelling = _parse_dwelling(d.pop("dwelling"))

        def _parse_expected_ready_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_ready_on_type_0 = datetime.date.fromisoformat(data)

                return expected_ready_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_ready_on = _parse_expected_ready_on(d.pop("expected_ready_on"))

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

        def _parse_first_planned_move_in_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_planned_move_in_on_type_0 = datetime.date.fromisoformat(data)

                return first_planned_move_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_planned_move_in_on = _parse_first_planned_move_in_on(d.pop("first_planned_move_in_on"))

        def _parse_planned_move_in_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_move_in_on_type_0 = datetime.date.fromisoformat(data)

                return planned_move_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_move_in_on = _parse_planned_move_in_on(d.pop("planned_move_in_on"))

        def _parse_moved_in_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moved_in_on_type_0 = datetime.date.fromisoformat(data)

                return moved_in_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        moved_in_on = _parse_moved_in_on(d.pop("moved_in_on"))

        def _parse_left_list_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_list_on_type_0 = datetime.date.fromisoformat(data)

                return left_list_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_list_on = _parse_left_list_on(d.pop("left_list_on"))

        def _parse_left_list_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        left_list_reason = _parse_left_list_reason(d.pop("left_list_reason"))

        _history = d.pop("history", UNSET)
        history: list[CaseEntryOut] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = CaseEntryOut.from_dict(history_item_data)

                history.append(history_item)

        case_out = cls(
            application_id=application_id,
            stay_id=stay_id,
            person_ref=person_ref,
            state=state,
            submitted_on=submitted_on,
            missing_documents=missing_documents,
            documents_checked_on=documents_checked_on,
            documents_requested_on=documents_requested_on,
            meeting_id=meeting_id,
            meeting_on=meeting_on,
            outcome=outcome,
            decided_on=decided_on,
            reject_reasons=reject_reasons,
            appeal_deadline=appeal_deadline,
            appealed_on=appealed_on,
            offer_id=offer_id,
            offered_on=offered_on,
            answer_deadline=answer_deadline,
            offer_answer=offer_answer,
            answered_on=answered_on,
            dwelling=dwelling,
            expected_ready_on=expected_ready_on,
            allocated_on=allocated_on,
            first_planned_move_in_on=first_planned_move_in_on,
            planned_move_in_on=planned_move_in_on,
            moved_in_on=moved_in_on,
            left_list_on=left_list_on,
            left_list_reason=left_list_reason,
            history=history,
        )

        case_out.additional_properties = d
        return case_out

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
