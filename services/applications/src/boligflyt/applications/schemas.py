"""Request and response models of Boligkontoret's API."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from boligflyt.applications.domain import (
    KNOWN_DOCUMENTS,
    ApplicationState,
    OfferState,
    TenancyState,
)
from boligflyt.contracts.codes import (
    ApplicationKind,
    ContractType,
    DecisionOutcome,
    DepositKind,
    LeftListReason,
    NoticeParty,
    PriorityFactor,
    Referrer,
    RejectReason,
    TenancyEndReason,
)
from boligflyt.contracts.fields import Id
from boligflyt.platform.personref import validate_national_id
from boligflyt.platform.plausible import BirthYear, BusinessDate


def _national_id(value: str) -> str:
    return validate_national_id(value)


def _documents(values: list[str]) -> list[str]:
    unknown = sorted(set(values) - KNOWN_DOCUMENTS)
    if unknown:
        raise ValueError(f"unknown document types {unknown}; known: {sorted(KNOWN_DOCUMENTS)}")
    return sorted(set(values))


NationalId = Annotated[str, AfterValidator(_national_id)]
Documents = Annotated[list[str], AfterValidator(_documents)]


# Far above any rent in Larvik, far below what the 32-bit column and a deposit of four months hold.
MAX_MONTHLY_RENT = 1_000_000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- Applicants and consent ----------------------------------------------------------------------------


class HouseholdMember(Strict):
    name: str = Field(min_length=1, max_length=200, examples=["Ola Nordmann"])
    relation: Literal["spouse", "partner", "child", "other"] = Field(examples=["child"])
    birth_year: BirthYear | None = Field(default=None, examples=[2010])


class ApplicantIn(Strict):
    national_id: NationalId = Field(
        description="Fødselsnummer or D-number, 11 digits with valid check digits. Stays in this service.",
        examples=["01010112345"],
    )
    name: str = Field(min_length=1, max_length=200, examples=["Kari Nordmann"])
    phone: str | None = Field(default=None, max_length=40, examples=["+47 900 00 000"])
    email: str | None = Field(default=None, max_length=200, examples=["kari@example.no"])
    postal_address: str | None = Field(default=None, max_length=300, examples=["Postboks 1, 3251 Larvik"])
    language: str = Field(default="nb", max_length=10, description="Preferred language (ISO 639-1).")
    interpreter_needed: bool = Field(default=False, description="An interpreter is needed (e.g. at signing).")
    household_members: list[HouseholdMember] = Field(default_factory=list)


class ApplicantOut(Out):
    id: str
    person_ref: str = Field(description="The pseudonym events carry for this person.")
    name: str
    phone: str | None
    email: str | None
    postal_address: str | None
    language: str
    interpreter_needed: bool
    household_members: list[HouseholdMember]
    consents: list[ConsentOut] = Field(default_factory=list)


ConsentScope = Literal["collect_information", "share_with_nav", "share_with_care_services", "share_with_lke"]


class ConsentIn(Strict):
    signed_on: BusinessDate = Field(description="The day the applicant signed the written consent; not after today.")
    scope: list[ConsentScope] = Field(min_length=1, examples=[["collect_information", "share_with_nav"]])


class ConsentRevokeIn(Strict):
    revoked_on: BusinessDate | None = Field(
        default=None, description="The day consent was withdrawn; today if left out."
    )


class ConsentOut(Out):
    id: str
    signed_on: date
    scope: list[str]
    revoked_on: date | None


# --- Applications --------------------------------------------------------------------------------------


class Household(Strict):
    adults: int = Field(ge=1, le=20, examples=[1])
    children: int = Field(default=0, ge=0, le=20, examples=[2])
    children_needing_own_bedroom: int = Field(default=0, ge=0, le=20, examples=[1])

    @model_validator(mode="after")
    def check_children(self) -> Self:
        if self.children_needing_own_bedroom > self.children:
            raise ValueError("children_needing_own_bedroom cannot exceed children")
        return self


class Needs(Strict):
    bedrooms: int | None = Field(
        default=None,
        ge=0,
        le=10,
        description="Bedrooms needed beyond the norm, for a documented need; the norm (allocation rules § 12) is "
        "computed from the household and is the least: a single or a couple fits a studio, children share.",
    )
    accessible: bool = False
    staffed: bool = False
    areas: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,16}$")]] = Field(
        default_factory=list,
        description="Neighbourhood codes wished for; empty means anywhere.",
        examples=[["SENTRUM"]],
    )


class OwnershipCheck(Strict):
    """The rent-to-own / startlån assessment every application and renewal gets first (§ 8)."""

    able_to_buy: bool = Field(description="The household could buy with startlån or rent-to-own.")
    note: str | None = Field(default=None, max_length=2000)


class ApplicationIn(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "applicant_id": "apl-3f2a9c0d1e2b4a5c",
                    "kind": "rental",
                    "household": {"adults": 1, "children": 2, "children_needing_own_bedroom": 1},
                    "needs": {"accessible": False, "staffed": False, "areas": ["SENTRUM"]},
                    "priority_factors": ["no_fixed_address", "cannot_find_alternative"],
                    "referrer": "nav",
                    "referrer_case_ref": "stay-2015-0042",
                    "ownership_check": {"able_to_buy": False, "note": "Income too low for startlån."},
                    "documents_received": ["income_documentation", "tax_assessment", "housing_situation"],
                }
            ]
        },
    )

    applicant_id: str = Field(examples=["apl-3f2a"])
    kind: ApplicationKind
    household: Household
    needs: Needs = Field(default_factory=Needs)
    priority_factors: list[PriorityFactor] = Field(default_factory=list, examples=[["no_fixed_address"]])
    referrer: Referrer = Referrer.SELF
    referrer_case_ref: Id | None = Field(
        default=None, description="The referrer's own case id (e.g. NAV's stay id). Required for NAV referrals."
    )
    referrer_contact: str | None = Field(
        default=None, max_length=300, description="Where letters go when the reply goes to the referrer."
    )
    ownership_check: OwnershipCheck
    documents_received: Documents = Field(default_factory=list, examples=[["income_documentation"]])
    renewal_of_tenancy_id: str | None = None


class ApplicationOut(Out):
    id: str
    applicant_id: str
    person_ref: str
    state: ApplicationState
    kind: ApplicationKind
    submitted_on: date
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
    ownership_checked_on: date
    decided_on: date | None
    outcome: DecisionOutcome | None
    reject_reasons: list[RejectReason]
    appeal_deadline: date | None
    appealed_on: date | None
    renewal_of_tenancy_id: str | None


class ReferralStatus(Out):
    """What a referring agency (NAV) sees of its own referral: the status, nothing personal."""

    id: str
    state: ApplicationState
    referrer: Referrer
    referrer_case_ref: str | None
    submitted_on: date
    decided_on: date | None
    outcome: DecisionOutcome | None


class DocumentsIn(Strict):
    documents: Documents = Field(min_length=1, examples=[["tax_assessment"]])


class AppealIn(Strict):
    appealed_on: BusinessDate | None = Field(default=None, description="The day the appeal arrived; today if left out.")


class LeaveListIn(Strict):
    reason: Literal[LeftListReason.WITHDRAWN, LeftListReason.LAPSED, LeftListReason.HOUSED_ELSEWHERE]


# --- Allocation committee -----------------------------------------------------------------------------


class MeetingIn(Strict):
    # Bounded so the freeze date (working days before) stays a date: 0001-01-04 underflowed into a 500.
    meeting_date: BusinessDate = Field(ge=date(2000, 1, 1), le=date(2100, 12, 31), examples=["2015-02-12"])


class MeetingCaseOut(Out):
    application_id: str
    added_on: date
    outcome: DecisionOutcome | None
    reject_reasons: list[RejectReason]
    after_appeal: bool


class MeetingOut(Out):
    id: str
    meeting_date: date
    case_list_freezes_on: date
    case_list_frozen: bool
    cases: list[MeetingCaseOut] = Field(default_factory=list)


class CaseIn(Strict):
    application_id: str


class DecisionIn(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "application_id": "app-9b1c2d3e4f5a6b7c",
                    "outcome": "rejected",
                    "reject_reasons": ["able_to_buy"],
                    "reasoning": "Husstanden har betjeningsevne for startlån.",
                    "notified_on": "2015-02-13",
                }
            ]
        },
    )

    application_id: str
    outcome: DecisionOutcome
    reject_reasons: list[RejectReason] = Field(default_factory=list)
    reasoning: str | None = Field(default=None, max_length=4000, description="Written reasons beyond the codes.")
    notified_on: BusinessDate | None = Field(
        default=None, description="The day the applicant is notified; the appeal deadline runs from it."
    )

    @model_validator(mode="after")
    def check_reasons(self) -> Self:
        if self.outcome is DecisionOutcome.REJECTED and not self.reject_reasons:
            raise ValueError("a refusal must cite at least one reject reason")
        if self.outcome is DecisionOutcome.APPROVED and self.reject_reasons:
            raise ValueError("an approval has no reject reasons")
        if len(set(self.reject_reasons)) != len(self.reject_reasons):
            raise ValueError("reject_reasons must not repeat")
        return self


# --- Dwellings, waiting list, offers -------------------------------------------------------------------


class DwellingOut(Out):
    id: str
    owner: str
    category: str
    bedrooms: int
    accessible: bool
    staffed: bool
    monthly_rent: int
    area_code: str | None
    status: str
    ready_on: date | None
    offerable: bool
    allocated_to: str | None
    notice_given_on: date | None = Field(description="The tenant's notice, when the dwelling is coming vacant.")
    expected_ready_on: date | None = Field(description="When LKE expects it ready, while it is not yet.")
    planned_move_in_on: date | None = Field(description="The allocated household's planned move-in.")


class RankedApplication(Out):
    rank: int
    application_id: str
    kind: ApplicationKind
    score: int = Field(
        description="The priority assessment (criteria §10): the weighted factors and the time in temporary housing."
    )
    approved_on: date
    explanation: list[str] = Field(description="Why the application stands where it does.")


class DwellingRecommendationOut(Out):
    """One dwelling on the committee's list: ready or coming vacant, the households it suits, the one proposed."""

    dwelling: DwellingOut
    households: list[RankedApplication] = Field(description="The households the dwelling suits, best first.")
    proposed_application_id: str | None = Field(
        description="The household Boligkontoret proposes: the highest on the waiting list not proposed for a "
        "dwelling ready sooner. Null when nobody on the list fits."
    )


class RecommendationOut(Out):
    meeting_id: str
    meeting_date: date
    dwellings: list[DwellingRecommendationOut]


class CommitteeAllocationIn(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "dwelling_id": "dw-5a6b7c8d9e0f1a2b",
                    "application_id": "app-9b1c2d3e4f5a6b7c",
                    "deviation_reason": None,
                }
            ]
        },
    )

    dwelling_id: str = Field(max_length=64)
    application_id: str = Field(max_length=64)
    deviation_reason: str | None = Field(
        default=None,
        max_length=2000,
        description="Why the committee allocates to another household than the one proposed; required then.",
    )


class CommitteeAllocationOut(Out):
    id: str
    meeting_id: str
    dwelling_id: str
    application_id: str
    proposed_application_id: str | None
    deviation_reason: str | None
    decided_on: date
    offer_id: str
    expected_move_in_on: date | None


class OfferIn(Strict):
    answer_days: int | None = Field(
        default=None, ge=1, le=60, description="Days to answer; the service's default (7) if left out."
    )


class OfferOut(Out):
    id: str
    dwelling_id: str
    application_id: str
    rank: int
    state: OfferState
    offered_on: date
    answer_deadline: date
    answered_on: date | None
    meeting_id: str | None = Field(description="The committee meeting that allocated the dwelling, if one did.")
    expected_move_in_on: date | None = Field(description="When the dwelling is expected ready, if it is not yet.")


class OfferAnswerIn(Strict):
    answer: Literal["accepted", "declined"]
    planned_move_in_on: BusinessDate | None = None


# --- Tenancies -----------------------------------------------------------------------------------------


class TenancyIn(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "application_id": "app-9b1c2d3e4f5a6b7c",
                    "contract_type": "ordinary_rental",
                    "start_date": "2015-03-01",
                    "deposit_kind": "nav_guarantee",
                }
            ]
        },
    )

    application_id: str
    contract_type: ContractType
    start_date: BusinessDate
    end_date: BusinessDate | None = Field(
        default=None, description="Left out: the contract type's default term (3 years for ordinary rental)."
    )
    deposit_kind: DepositKind
    monthly_rent: int | None = Field(
        default=None, ge=0, le=MAX_MONTHLY_RENT, description="NOK; left out: the dwelling's current rent."
    )
    signed_on: BusinessDate | None = Field(default=None, description="Signed at the dwelling; today if left out.")


class CoopBoardRequestIn(Strict):
    requested_on: BusinessDate | None = Field(
        default=None, description="The day the board got the request (its 20 days run from it); today if left out."
    )


class CoopBoardAnswerIn(Strict):
    answer: Literal["approved", "refused"]
    answered_on: BusinessDate | None = Field(default=None, description="Today if left out.")


class DepositPaymentIn(Strict):
    paid_on: BusinessDate | None = Field(default=None, description="The day the deposit was paid; today if left out.")


class GatesOut(Out):
    application_id: str
    dwelling_id: str
    deposit_kind: DepositKind
    gates: dict[str, str] = Field(description="Each gate that applies: `closed`, or why it is still open.")
    open_gates: list[str]
    coop_board_requested_on: date | None
    coop_board_answer: str | None
    deposit_paid_on: date | None
    guarantee_decision: str | None


class TenancyOut(Out):
    id: str
    application_id: str | None = Field(description="None for a contract of the existing stock, imported.")
    applicant_id: str | None = Field(default=None, description="The tenant of an imported contract.")
    dwelling_id: str
    state: TenancyState
    contract_type: ContractType
    signed_on: date
    start_date: date
    end_date: date | None
    monthly_rent: int
    deposit_kind: DepositKind
    deposit_amount: int
    interpreter_at_signing: bool
    move_in_date: date | None
    notice_given_on: date | None
    move_out_date: date | None
    ended_on: date | None
    end_reason: str | None
    contract_ref: str | None = Field(default=None, description="The contract's reference in the system it came from.")
    imported_on: date | None = Field(default=None, description="The day it was imported with the existing stock.")
    escalated_end_date: date | None = Field(
        default=None, description="The end a § 9-2 escalation was sent for (past it, neither renewed nor given notice)."
    )


class StockRowRejected(BaseModel):
    line: int = Field(description="The file's line (CSV, the header is line 1) or the entry's number (JSON, from 1).")
    dwelling_id: str | None
    reasons: list[str]


class StockImportReport(BaseModel):
    """What an import of the existing stock did: the good rows are stored, the rejected ones not at all."""

    source_format: str
    rows: int
    created: int
    unchanged: int = Field(description="Contracts stored by an earlier import with the same terms.")
    rejected: int
    dry_run: bool
    created_tenancies: list[str]
    rejections: list[StockRowRejected]
    ignored_columns: list[str] = Field(description="Columns the import never reads.")


class MoveInIn(Strict):
    move_in_date: BusinessDate | None = Field(
        default=None,
        description="The day the tenant moved in: not before the contract starts, at most 7 days after today. "
        "Left out: the contract's start.",
    )


class NoticeIn(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"given_by": "tenant", "move_out_date": "2015-06-30", "given_on": "2015-04-01"}]
        },
    )

    given_by: NoticeParty
    move_out_date: BusinessDate
    given_on: BusinessDate | None = Field(default=None, description="Not before the tenancy started; today by default.")


class RenewalIn(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"ownership_check": {"able_to_buy": False}, "application_id": "app-9b1c2d3e4f5a6b7c"}]
        },
    )

    ownership_check: OwnershipCheck
    contract_type: ContractType | None = None
    new_end_date: BusinessDate | None = Field(default=None, description="Left out: the contract type's default term.")
    application_id: str = Field(description="The approved renewal application for this tenancy.")


class EndIn(Strict):
    reason: TenancyEndReason
    end_date: BusinessDate | None = None


# --- Letters -------------------------------------------------------------------------------------------


class LetterOut(Out):
    id: str
    application_id: str
    kind: str
    written_on: date
    addressee: str
    subject: str
    body: str


ApplicantOut.model_rebuild()
