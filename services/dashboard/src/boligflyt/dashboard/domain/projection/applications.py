"""Boligkontoret's events (producer `applications`): applications, offers, allocations and tenancies."""

from __future__ import annotations

from boligflyt.contracts.codes import RejectReason
from boligflyt.contracts.events import applications as a

from ..events import event_date
from ..tables import Change
from .base import Projections, dwelling_status

projections = Projections()


@projections.on(a.ApplicationSubmitted)
def application_submitted(data: a.ApplicationSubmitted, event_id: str) -> list[Change]:
    return [
        Change(
            "applications",
            data.application_id,
            {
                "person_ref": data.person_ref,
                "submitted_on": data.submitted_on,
                "kind": data.kind.value,
                "referrer": data.referrer.value,
                "renewal": data.renewal_of_tenancy_id is not None,
            },
        )
    ]


@projections.on(a.ApplicationCompletenessChecked)
def completeness_checked(data: a.ApplicationCompletenessChecked, event_id: str) -> list[Change]:
    return [Change("applications", data.application_id, {"documents_missing": len(data.missing_documents)})]


@projections.on(a.ApplicationListedForMeeting)
def listed_for_meeting(data: a.ApplicationListedForMeeting, event_id: str) -> list[Change]:
    return [Change("applications", data.application_id, {"meeting_on": data.meeting_on})]


@projections.on(a.ApplicationDecided)
def application_decided(data: a.ApplicationDecided, event_id: str) -> list[Change]:
    return [
        Change(
            "applications",
            data.application_id,
            {
                "person_ref": data.person_ref,
                "decided_on": data.decided_on,
                "outcome": data.outcome.value,
                "kind": data.kind.value,
                # Referred to a start-up loan or rent-to-own; an approval (on appeal) takes the referral back.
                "able_to_buy_on": data.decided_on if RejectReason.ABLE_TO_BUY in data.reject_reasons else None,
            },
            first={
                "first_decided_on": data.decided_on,
                # decided -> allocated counts from the approval (a refusal may be approved on appeal)
                **({"approved_on": data.decided_on} if data.outcome.value == "approved" else {}),
            },
        )
    ]


@projections.on(a.ApplicationAppealed)
def application_appealed(data: a.ApplicationAppealed, event_id: str) -> list[Change]:
    return [Change("applications", data.application_id, {"appealed_on": data.appealed_on})]


@projections.on(a.ApplicationLeftList)
def application_left_list(data: a.ApplicationLeftList, event_id: str) -> list[Change]:
    return [
        Change(
            "applications",
            data.application_id,
            {"person_ref": data.person_ref, "left_on": data.left_on, "left_reason": data.reason.value},
        )
    ]


@projections.on(a.OfferMade)
def offer_made(data: a.OfferMade, event_id: str) -> list[Change]:
    return [
        Change(
            "offers",
            data.offer_id,
            {
                "application_id": data.application_id,
                "dwelling_id": data.dwelling_id,
                "person_ref": data.person_ref,
                "rank": data.rank,
                "offered_on": data.offered_on,
                "answer_deadline": data.answer_deadline,
            },
        )
    ]


@projections.on(a.OfferAnswered)
def offer_answered(data: a.OfferAnswered, event_id: str) -> list[Change]:
    return [
        Change(
            "offers",
            data.offer_id,
            {
                "application_id": data.application_id,
                "dwelling_id": data.dwelling_id,
                "answer": data.answer.value,
                "answered_on": data.answered_on,
            },
        )
    ]


@projections.on(a.AllocationDecided)
def allocation_decided(data: a.AllocationDecided, event_id: str) -> list[Change]:
    return [
        Change(
            "applications",
            data.application_id,
            {
                "person_ref": data.person_ref,
                "allocated_on": data.decided_on,
                "allocated_dwelling_id": data.dwelling_id,
                "planned_move_in_on": data.planned_move_in_on,
            },
        )
    ]


@projections.on(a.AllocationMoveInRescheduled)
def move_in_rescheduled(data: a.AllocationMoveInRescheduled, event_id: str) -> list[Change]:
    """The dwelling's renovation slipped: the household waits until the new date (a pending offer's household too,
    so the row is the application's, not its allocation's)."""
    return [Change("applications", data.application_id, {"planned_move_in_on": data.planned_move_in_on})]


@projections.on(a.TenancySigned)
def tenancy_signed(data: a.TenancySigned, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {
                "application_id": data.application_id,
                "dwelling_id": data.dwelling_id,
                "person_ref": data.person_ref,
                "contract_type": data.contract_type.value,
                "signed_on": data.signed_on,
                "start_date": data.start_date,
                "contract_end_date": data.end_date,
                "monthly_rent": data.monthly_rent,
            },
        )
    ]


@projections.on(a.TenancyMovedIn)
def tenancy_moved_in(data: a.TenancyMovedIn, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {
                "application_id": data.application_id,
                "dwelling_id": data.dwelling_id,
                "person_ref": data.person_ref,
                "move_in_date": data.move_in_date,
                "first_let": data.first_let,
            },
        ),
        Change(
            "applications",
            data.application_id,
            {"person_ref": data.person_ref, "moved_in_on": data.move_in_date, "tenancy_id": data.tenancy_id},
        ),
        dwelling_status(data.dwelling_id, "let", data.move_in_date),
    ]


@projections.on(a.TenancyNoticeGiven)
def tenancy_notice_given(data: a.TenancyNoticeGiven, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {
                "dwelling_id": data.dwelling_id,
                "notice_given_on": data.given_on,
                "move_out_date": data.move_out_date,
                "notice_withdrawn_on": None,
            },
        ),
        dwelling_status(data.dwelling_id, "notice_given", data.given_on),
    ]


@projections.on(a.TenancyNoticeWithdrawn)
def tenancy_notice_withdrawn(data: a.TenancyNoticeWithdrawn, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {"dwelling_id": data.dwelling_id, "notice_withdrawn_on": data.withdrawn_on},
        ),
        dwelling_status(data.dwelling_id, "let", data.withdrawn_on),
    ]


@projections.on(a.TenancyEndingSoon)
def tenancy_ending_soon(data: a.TenancyEndingSoon, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {
                "dwelling_id": data.dwelling_id,
                "contract_end_date": data.end_date,
                "ending_soon_on": event_date(data),
            },
        )
    ]


@projections.on(a.TenancyPastEndEscalated)
def tenancy_past_end_escalated(data: a.TenancyPastEndEscalated, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {
                "dwelling_id": data.dwelling_id,
                "contract_type": data.contract_type.value,
                "contract_end_date": data.end_date,
                "escalated_end_date": data.end_date,
                "escalated_on": data.escalated_on,
            },
        )
    ]


@projections.on(a.TenancyRenewed)
def tenancy_renewed(data: a.TenancyRenewed, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {
                "dwelling_id": data.dwelling_id,
                "renewed_on": data.renewed_on,
                "contract_type": data.contract_type.value,
                "contract_end_date": data.new_end_date,
            },
        )
    ]


@projections.on(a.TenancyEnded)
def tenancy_ended(data: a.TenancyEnded, event_id: str) -> list[Change]:
    return [
        Change(
            "tenancies",
            data.tenancy_id,
            {"dwelling_id": data.dwelling_id, "end_date": data.end_date, "end_reason": data.reason.value},
        ),
        dwelling_status(data.dwelling_id, "vacant", data.end_date),
    ]
