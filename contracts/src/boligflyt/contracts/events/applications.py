"""Events of Boligkontoret (producer `applications`): applications, decisions, offers, allocations, tenancies.

Keys: an application's own steps (and its allocation, which is a step of the same case) are keyed by
`application_id`, offers by `offer_id`, a tenancy's life by `tenancy_id`, so each case stays in order.

Beyond the minimum set: `tenancy.past_end_escalated`: `tenancy.ending_soon` reminds before and at the end, but a
contract that then runs on with neither a renewal nor a notice (husleieloven § 9-2) needs a fact of its own, so the
dashboard can show it as a risk until it is resolved.
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import Field, model_validator

from boligflyt.contracts.base import Event, PersonRef, event
from boligflyt.contracts.codes import (
    ApplicationKind,
    ContractType,
    DecisionOutcome,
    DepositKind,
    DocumentKind,
    LeftListReason,
    NoticeParty,
    OfferAnswer,
    PriorityFactor,
    Referrer,
    RejectReason,
    TenancyEndReason,
)
from boligflyt.contracts.events.maintenance import AreaCode
from boligflyt.contracts.fields import (
    ApplicationId,
    Count,
    DwellingId,
    Id,
    Nok,
    OfferId,
    TenancyId,
    UniqueTuple,
)

PRODUCER = "applications"


@event("application.submitted", producer=PRODUCER, key="application_id")
class ApplicationSubmitted(Event):
    """An application for a municipal dwelling was received, with signed consent, and registered.

    Consumers: temporary-housing links it to the person's stay (by `person_ref`) and NAV Intro's settlement
    (by `referrer_case_ref`); the dashboard starts the submitted->decided clock.
    """

    application_id: ApplicationId
    person_ref: PersonRef = Field(description="The applicant (head of household), pseudonymised.")
    submitted_on: date = Field(description="The day the application was received.")
    kind: ApplicationKind = Field(description="What kind of dwelling is applied for.")
    adults: int = Field(ge=1, description="Adults in the household, the applicant included.")
    children: Count = Field(description="Children (under 18) in the household.")
    children_needing_own_bedroom: Count = Field(
        default=0, description="Of the children, those who need a bedroom of their own."
    )
    bedrooms_needed: Count = Field(description="Bedrooms the household needs.")
    accessible_needed: bool = Field(description="The household needs an accessible (universally designed) dwelling.")
    priority_factors: UniqueTuple[PriorityFactor] = Field(
        default=(), description="The housing situation stated in the application (criteria §10)."
    )
    referrer: Referrer = Field(description="Who brought the application.")
    referrer_case_ref: Id | None = Field(
        default=None,
        description="The referrer's own case id, e.g. NAV Intro's settlement_id or NAV's stay_id, so the "
        "referrer can link the application to its case. Never an identifier of a person.",
    )
    renewal_of_tenancy_id: TenancyId | None = Field(
        default=None,
        description="Set when this is a written application to renew that tenancy (§15): assessed like a "
        "new application, but the household is not on the waiting list.",
    )

    @model_validator(mode="after")
    def check_children_fit(self) -> Self:
        if self.children_needing_own_bedroom > self.children:
            raise ValueError("children_needing_own_bedroom cannot exceed children")
        return self


@event("application.completeness_checked", producer=PRODUCER, key="application_id")
class ApplicationCompletenessChecked(Event):
    """Boligkontoret checked an application's documents: complete, or a letter asks for what is missing.

    Consumers: temporary-housing shows its referred client's missing documents and gives the adviser a task when
    they are still missing after some days; the dashboard (documents missing per application).
    """

    application_id: ApplicationId
    checked_on: date = Field(description="The day of the check.")
    missing_documents: UniqueTuple[DocumentKind] = Field(
        default=(), description="The documents still missing; empty when the application is complete."
    )
    documents_requested_on: date | None = Field(
        default=None,
        description="The day Boligkontoret first asked for the documents still missing (its letter); null when "
        "complete.",
    )


@event("application.listed_for_meeting", producer=PRODUCER, key="application_id")
class ApplicationListedForMeeting(Event):
    """An application was put on the case list of a committee (TBO) meeting, which will decide it.

    Consumers: temporary-housing shows its referred client's committee date; the dashboard.
    """

    application_id: ApplicationId
    meeting_id: Id = Field(description="Boligkontoret's id of the committee meeting.")
    meeting_on: date = Field(description="The day of the meeting.")
    listed_on: date = Field(description="The day the application was put on the case list.")


@event("application.decided", producer=PRODUCER, key="application_id")
class ApplicationDecided(Event):
    """The allocation committee (TBO) decided an application: approved (on the waiting list) or rejected.

    Consumers: the dashboard (waiting list KPI, submitted->decided); ordering counts approved needs that no
    dwelling meets (unmet need from the waiting list).
    """

    application_id: ApplicationId
    person_ref: PersonRef = Field(description="The applicant, pseudonymised.")
    decided_on: date = Field(description="The date of the committee meeting that decided.")
    outcome: DecisionOutcome = Field(description="Approved or rejected.")
    kind: ApplicationKind = Field(description="The kind of dwelling the decision is about.")
    bedrooms_needed: Count = Field(description="Bedrooms the household needs, as assessed.")
    priority_factors: UniqueTuple[PriorityFactor] = Field(
        default=(), description="The priority factors the committee weighed (criteria §10)."
    )
    reject_reasons: UniqueTuple[RejectReason] = Field(
        default=(), description="The criteria a refusal cites; empty when approved."
    )
    appeal_deadline: date | None = Field(
        default=None,
        description="Last day to appeal a refusal (3 weeks, forvaltningsloven § 29); null if approved.",
    )
    after_appeal: bool = Field(default=False, description="This decision re-decides the application after an appeal.")

    @model_validator(mode="after")
    def check_reasons_match_outcome(self) -> Self:
        if self.outcome is DecisionOutcome.REJECTED:
            if not self.reject_reasons:
                raise ValueError("a refusal must cite at least one reject reason")
            if self.appeal_deadline is None or self.appeal_deadline < self.decided_on:
                raise ValueError("a refusal needs an appeal deadline on or after the decision")
        elif self.reject_reasons or self.appeal_deadline is not None:
            raise ValueError("an approval has no reject reasons and no appeal deadline")
        return self


@event("application.appealed", producer=PRODUCER, key="application_id")
class ApplicationAppealed(Event):
    """The applicant appealed a refusal. A changed outcome follows as a new `application.decided`.

    Consumers: the dashboard (appeals per month).
    """

    application_id: ApplicationId
    appealed_on: date = Field(description="The day the appeal was received.")
    within_deadline: bool = Field(description="The appeal arrived within the appeal deadline.")


@event("application.left_list", producer=PRODUCER, key="application_id")
class ApplicationLeftList(Event):
    """An approved application left the waiting list without a move-in (withdrawn, declined, lapsed...).

    Consumers: the dashboard (waiting list KPI); ordering (unmet need shrinks).
    """

    application_id: ApplicationId
    person_ref: PersonRef = Field(description="The applicant, pseudonymised.")
    left_on: date = Field(description="The day the application left the list.")
    reason: LeftListReason = Field(description="Why it left the list.")


@event("offer.made", producer=PRODUCER, key="offer_id")
class OfferMade(Event):
    """A dwelling was offered to a ranked applicant, who must reply by the deadline (normally 1 week).

    Consumers: the dashboard (decided->offered, stuck rule "offer unanswered past its deadline").
    """

    offer_id: OfferId
    application_id: ApplicationId
    dwelling_id: DwellingId
    person_ref: PersonRef = Field(description="The applicant offered the dwelling, pseudonymised.")
    rank: int = Field(ge=1, description="The applicant's rank in the committee's recommendation (innstilling).")
    offered_on: date = Field(description="The day the offer was sent.")
    answer_deadline: date = Field(description="Last day to answer; after it the offer passes to the next rank.")
    area_code: AreaCode | None = Field(
        default=None, description="The dwelling's neighbourhood code (the municipality's areas); never an address."
    )
    bedrooms: Count | None = Field(default=None, description="The dwelling's bedrooms (its size).")
    expected_ready_on: date | None = Field(
        default=None, description="The day LKE expects the dwelling ready; null when it is ready now."
    )

    @model_validator(mode="after")
    def check_deadline_after_offer(self) -> Self:
        if self.answer_deadline < self.offered_on:
            raise ValueError("answer_deadline cannot be before offered_on")
        return self


@event("offer.answered", producer=PRODUCER, key="offer_id")
class OfferAnswered(Event):
    """The applicant accepted or declined an offer, or it expired unanswered.

    Consumers: the dashboard (offer outcomes); a decline is followed by `application.left_list`.
    """

    offer_id: OfferId
    application_id: ApplicationId
    dwelling_id: DwellingId
    answer: OfferAnswer = Field(description="Accepted, declined, or expired with no answer.")
    answered_on: date = Field(description="The day of the answer, or the deadline when it expired.")


@event("allocation.decided", producer=PRODUCER, key="application_id")
class AllocationDecided(Event):
    """A dwelling was allocated (tildelt) to an approved applicant; a contract and move-in follow.

    Consumers: temporary-housing marks the person's stay allocated (by `person_ref`); maintenance reserves
    the dwelling; the dashboard (decided->allocated).
    """

    application_id: ApplicationId
    dwelling_id: DwellingId
    person_ref: PersonRef = Field(description="The applicant the dwelling goes to, pseudonymised.")
    offer_id: OfferId | None = Field(default=None, description="The accepted offer, if the allocation followed one.")
    decided_on: date = Field(description="The day of the allocation decision.")
    no_fixed_address: bool = Field(
        description="The household has no fixed address (institution, friends, NAV temporary housing)."
    )
    planned_move_in_on: date | None = Field(default=None, description="The planned move-in date, if agreed.")
    area_code: AreaCode | None = Field(
        default=None, description="The dwelling's neighbourhood code (the municipality's areas); never an address."
    )
    bedrooms: Count | None = Field(default=None, description="The dwelling's bedrooms (its size).")
    expected_ready_on: date | None = Field(
        default=None, description="The day LKE expects the dwelling ready; null when it is ready now."
    )

    @model_validator(mode="after")
    def check_move_in_after_decision(self) -> Self:
        if self.planned_move_in_on is not None and self.planned_move_in_on < self.decided_on:
            raise ValueError("planned_move_in_on cannot be before decided_on")
        return self


@event("allocation.move_in_rescheduled", producer=PRODUCER, key="application_id")
class AllocationMoveInRescheduled(Event):
    """The household a dwelling is allocated (or offered) to moves in later: the dwelling's renovation slipped.

    The household is told by letter. Consumers: temporary-housing (the stay's planned move-in); the dashboard.
    """

    application_id: ApplicationId
    dwelling_id: DwellingId
    person_ref: PersonRef = Field(description="The household's applicant, pseudonymised.")
    rescheduled_on: date = Field(description="The day the new date became known.")
    previous_move_in_on: date = Field(description="The move-in planned before.")
    planned_move_in_on: date = Field(description="The new planned move-in: the day the dwelling is expected ready.")


@event("tenancy.signed", producer=PRODUCER, key="tenancy_id")
class TenancySigned(Event):
    """A tenancy contract was signed at the dwelling after the walk-through.

    Consumers: the dashboard (contract types, end dates to watch); integrations (property system, rent).
    """

    tenancy_id: TenancyId
    application_id: ApplicationId
    dwelling_id: DwellingId
    person_ref: PersonRef = Field(description="The tenant, pseudonymised.")
    contract_type: ContractType = Field(description="Which of the nine contract types.")
    signed_on: date = Field(description="The day the contract was signed.")
    start_date: date = Field(description="The first day of the tenancy.")
    end_date: date | None = Field(
        default=None,
        description="The agreed end of a time-limited contract; null if indefinite or need-based.",
    )
    monthly_rent: Nok = Field(description="Rent per month in NOK.")
    deposit_kind: DepositKind = Field(description="How the deposit is secured.")
    deposit_amount: Nok = Field(description="Deposit or guaranteed amount in NOK (normally 4 months' rent).")
    adults: int = Field(ge=1, description="Adults moving in.")
    children: Count = Field(description="Children moving in.")

    @model_validator(mode="after")
    def check_dates_and_deposit(self) -> Self:
        if self.end_date is not None and self.end_date <= self.start_date:
            raise ValueError("end_date must be after start_date")
        if self.deposit_kind is DepositKind.NONE and self.deposit_amount != 0:
            raise ValueError("deposit_amount must be 0 when deposit_kind is none")
        return self


@event("tenancy.moved_in", producer=PRODUCER, key="tenancy_id")
class TenancyMovedIn(Event):
    """The tenant moved in: the end of the flow from need to home.

    Consumers: temporary-housing ends the person's stay (reason permanent_housing) and completes a
    settlement; maintenance marks the dwelling let; the dashboard (allocated->moved_in, stay->moved_in,
    re-let time: this is the next tenancy's start date).
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    application_id: ApplicationId
    person_ref: PersonRef = Field(description="The tenant, pseudonymised.")
    move_in_date: date = Field(description="The day the tenant moved in (the tenancy's start).")
    first_let: bool = Field(
        description="This is the dwelling's first let (new or newly acquired): excluded from re-let time."
    )


@event("tenancy.notice_given", producer=PRODUCER, key="tenancy_id")
class TenancyNoticeGiven(Event):
    """Notice to quit (oppsigelse) was given; the dwelling goes to the next committee meeting.

    Consumers: maintenance books the move-out inspection so renovation can start before the key is returned;
    the dashboard (notice->ready_for_letting, stuck rule "no inspection booked within 7 days").
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    given_on: date = Field(description="The day the notice was received or sent.")
    given_by: NoticeParty = Field(description="Tenant or landlord.")
    move_out_date: date = Field(description="The day the tenant is to move out (the tenancy's end date).")

    @model_validator(mode="after")
    def check_move_out_after_notice(self) -> Self:
        if self.move_out_date < self.given_on:
            raise ValueError("move_out_date cannot be before given_on")
        return self


@event("tenancy.notice_withdrawn", producer=PRODUCER, key="tenancy_id")
class TenancyNoticeWithdrawn(Event):
    """A notice to quit was withdrawn: the tenant stays on (some notices turn out not to be meant).

    Consumers: maintenance cancels the move-out inspection; the dashboard.
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    withdrawn_on: date = Field(description="The day the notice was withdrawn.")


@event("tenancy.ending_soon", producer=PRODUCER, key="tenancy_id")
class TenancyEndingSoon(Event):
    """A time-limited contract is near its end (default 3 months before) or at it: renew or send notice.

    Under husleieloven § 9-2 the contract becomes indefinite unless notice is sent within 3 months after
    it ends. Consumers: the dashboard and integrations (reminders to caseworkers).
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    contract_type: ContractType = Field(description="The contract type, which decides the renewal routine.")
    end_date: date = Field(description="The contract's end date.")
    days_left: Count = Field(description="Days from the reminder to end_date; 0 is the reminder at the end.")
    expiry_notice_deadline: date = Field(
        description="Last day to send notice of expiry before the contract becomes indefinite (§ 9-2)."
    )

    @model_validator(mode="after")
    def check_deadline_after_end(self) -> Self:
        if self.expiry_notice_deadline <= self.end_date:
            raise ValueError("expiry_notice_deadline must be after end_date")
        return self


@event("tenancy.past_end_escalated", producer=PRODUCER, key="tenancy_id")
class TenancyPastEndEscalated(Event):
    """A time-limited contract ran past its end with neither a renewal nor a notice: escalated once per end.

    Under husleieloven § 9-2 it becomes indefinite unless notice of expiry is sent by expiry_notice_deadline,
    so every day past the end is a risk. Consumers: the dashboard (§ 9-2 risks) and integrations.
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    contract_type: ContractType = Field(description="The contract type, which decides the renewal routine.")
    end_date: date = Field(description="The end the contract ran past.")
    escalated_on: date = Field(description="The day the escalation job found it past its end, unresolved.")
    days_past_end: Count = Field(description="Days from end_date to escalated_on, at least 1.")
    expiry_notice_deadline: date = Field(
        description="Last day to send notice of expiry before the contract becomes indefinite (§ 9-2)."
    )

    @model_validator(mode="after")
    def check_dates(self) -> Self:
        if self.escalated_on <= self.end_date:
            raise ValueError("escalated_on must be after end_date")
        if self.days_past_end != (self.escalated_on - self.end_date).days:
            raise ValueError("days_past_end must be the days from end_date to escalated_on")
        if self.expiry_notice_deadline <= self.end_date:
            raise ValueError("expiry_notice_deadline must be after end_date")
        return self


@event("tenancy.renewed", producer=PRODUCER, key="tenancy_id")
class TenancyRenewed(Event):
    """A tenancy was renewed after a renewal application and the same needs and ownership check.

    Consumers: the dashboard (renewals, contracts close to turning indefinite).
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    application_id: ApplicationId | None = Field(default=None, description="The renewal application, if any.")
    renewed_on: date = Field(description="The day the renewal was signed.")
    contract_type: ContractType = Field(description="The contract type from now on.")
    previous_end_date: date = Field(description="The end date before the renewal.")
    new_end_date: date | None = Field(description="The new end date; null if the contract is now indefinite.")

    @model_validator(mode="after")
    def check_end_moves_forward(self) -> Self:
        if self.new_end_date is not None and self.new_end_date <= self.previous_end_date:
            raise ValueError("new_end_date must be after previous_end_date")
        return self


@event("tenancy.ended", producer=PRODUCER, key="tenancy_id")
class TenancyEnded(Event):
    """A tenancy ended on its end date: the tenant has moved out and the dwelling goes to LKE.

    Consumers: maintenance opens the vacancy (inspection, renovation); the dashboard (re-let time counts
    from this end date, the end date itself not counted).
    """

    tenancy_id: TenancyId
    dwelling_id: DwellingId
    end_date: date = Field(description="The last day of the tenancy (the move-out date).")
    reason: TenancyEndReason = Field(description="Why the tenancy ended.")
