"""Boligkontoret's REST API under /v1: thin routes that authorize, call a use case and shape the answer.

Who may do what: Boligkontoret's staff write; NAV registers its clients, records their consent, submits
applications it refers and reads the status of its own referrals; coordinators read (never personal data).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from boligflyt.applications import domain, service
from boligflyt.applications.domain import ApplicationState, OfferState, Ranked, TenancyState
from boligflyt.applications.letters import to_pdf
from boligflyt.applications.models import Dwelling, Meeting, MeetingCase
from boligflyt.applications.schemas import (
    AppealIn,
    ApplicantIn,
    ApplicantOut,
    ApplicationIn,
    ApplicationOut,
    CaseIn,
    CommitteeAllocationIn,
    CommitteeAllocationOut,
    ConsentIn,
    ConsentOut,
    ConsentRevokeIn,
    CoopBoardAnswerIn,
    CoopBoardRequestIn,
    DecisionIn,
    DepositPaymentIn,
    DocumentsIn,
    DwellingOut,
    DwellingRecommendationOut,
    EndIn,
    GatesOut,
    LeaveListIn,
    LetterOut,
    MeetingCaseOut,
    MeetingIn,
    MeetingOut,
    MoveInIn,
    NoticeIn,
    OfferAnswerIn,
    OfferIn,
    OfferOut,
    RankedApplication,
    RecommendationOut,
    ReferralStatus,
    RenewalIn,
    StockImportReport,
    TenancyIn,
    TenancyOut,
)
from boligflyt.contracts.codes import ApplicationKind, DepositKind, DwellingStatus, Referrer
from boligflyt.platform.auth import Agency, Principal, require
from boligflyt.platform.errors import RuleViolation
from boligflyt.platform.pagination import Page, PageRequestDep
from boligflyt.platform.personref import PersonRefQuery
from boligflyt.platform.plausible import BusinessDate
from boligflyt.platform.runtime import ClockDep, DatabaseDep, RuntimeDep

router = APIRouter(prefix="/v1")

Staff = Annotated[Principal, Depends(require(Agency.boligkontoret))]
StaffOrNav = Annotated[Principal, Depends(require(Agency.boligkontoret, Agency.nav))]
Nav = Annotated[Principal, Depends(require(Agency.nav))]
Reader = Annotated[Principal, Depends(require(Agency.boligkontoret, Agency.coordinator))]


def created(response: Response, location: str) -> None:
    response.status_code = 201
    response.headers["Location"] = location


# --- Applicants and consent ----------------------------------------------------------------------------


@router.post("/applicants", status_code=201, response_model=ApplicantOut, tags=["applicants"])
async def register_applicant(
    body: ApplicantIn, principal: StaffOrNav, runtime: RuntimeDep, response: Response
) -> ApplicantOut:
    """Register a person who applies. The national id is validated and kept here; events get `person_ref`.

    Boligkontoret registering a person it has already gets 409 with the `applicant_id`. NAV gets 201 with the same
    body whether the person was known here or not (no details Boligkontoret holds): the person becomes NAV's client,
    for whom NAV may record consent and submit applications."""
    applicant = await service.register_applicant(
        runtime.database, principal, runtime.clock, runtime.settings.person_ref_key, body
    )
    created(response, f"/v1/applicants/{applicant.id}")
    if principal.agency is Agency.nav:
        return service.answer_to_nav(applicant, body)
    return ApplicantOut.model_validate(applicant)


@router.get("/applicants/{applicant_id}", response_model=ApplicantOut, tags=["applicants"])
async def get_applicant(applicant_id: str, _: Staff, database: DatabaseDep) -> ApplicantOut:
    applicant, consents = await service.get_applicant(database, applicant_id)
    out = ApplicantOut.model_validate(applicant)
    out.consents = [ConsentOut.model_validate(c) for c in consents]
    return out


@router.post("/applicants/{applicant_id}/consents", status_code=201, response_model=ConsentOut, tags=["applicants"])
async def record_consent(
    applicant_id: str, body: ConsentIn, principal: StaffOrNav, database: DatabaseDep, response: Response
) -> ConsentOut:
    """Record the applicant's signed, written consent (date and scope)."""
    consent = await service.record_consent(database, principal, applicant_id, body)
    created(response, f"/v1/applicants/{applicant_id}")
    return ConsentOut.model_validate(consent)


@router.post("/applicants/{applicant_id}/consents/{consent_id}/revoke", response_model=ConsentOut, tags=["applicants"])
async def revoke_consent(
    applicant_id: str,
    consent_id: str,
    body: ConsentRevokeIn,
    principal: StaffOrNav,
    database: DatabaseDep,
    clock: ClockDep,
) -> ConsentOut:
    """The applicant withdrew consent: no new application can be registered on it."""
    consent = await service.revoke_consent(database, principal, clock, applicant_id, consent_id, body.revoked_on)
    return ConsentOut.model_validate(consent)


@router.get("/applicants", response_model=Page[ApplicantOut], tags=["applicants"])
async def list_applicants(
    _: Staff,
    database: DatabaseDep,
    page: PageRequestDep,
    person_ref: PersonRefQuery = None,
    name: Annotated[str | None, Query(min_length=2, max_length=200, description="Part of the name.")] = None,
) -> Page[ApplicantOut]:
    rows, total = await service.list_applicants(database, page, person_ref=person_ref, name=name)
    return Page(items=[ApplicantOut.model_validate(r) for r in rows], total=total, limit=page.limit, offset=page.offset)


# --- Applications --------------------------------------------------------------------------------------


@router.post("/applications", status_code=201, response_model=ApplicationOut, tags=["applications"])
async def submit_application(
    body: ApplicationIn, principal: StaffOrNav, database: DatabaseDep, clock: ClockDep, response: Response
) -> ApplicationOut:
    """Register an application (needs signed consent). NAV submits for a client it refers, with its case id."""
    application = await service.submit_application(database, principal, clock, body)
    created(response, f"/v1/applications/{application.id}")
    return ApplicationOut.model_validate(application)


@router.get("/applications", response_model=Page[ApplicationOut], tags=["applications"])
async def list_applications(
    _: Reader,
    database: DatabaseDep,
    page: PageRequestDep,
    state: ApplicationState | None = None,
    kind: ApplicationKind | None = None,
    referrer: Referrer | None = None,
    person_ref: PersonRefQuery = None,
) -> Page[ApplicationOut]:
    rows, total = await service.list_applications(
        database, page, state=state, kind=kind, referrer=referrer, person_ref=person_ref
    )
    return Page(
        items=[ApplicationOut.model_validate(r) for r in rows], total=total, limit=page.limit, offset=page.offset
    )


@router.get("/applications/{application_id}", response_model=ApplicationOut, tags=["applications"])
async def get_application(application_id: str, _: Reader, database: DatabaseDep) -> ApplicationOut:
    return ApplicationOut.model_validate(await service.get_application(database, application_id))


@router.post("/applications/{application_id}/documents", response_model=ApplicationOut, tags=["applications"])
async def receive_documents(
    application_id: str, body: DocumentsIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> ApplicationOut:
    """Register documents received and re-check completeness (incomplete <-> complete)."""
    application = await service.check_completeness(database, principal, clock, application_id, body.documents)
    return ApplicationOut.model_validate(application)


@router.post("/applications/{application_id}/completeness-check", response_model=ApplicationOut, tags=["applications"])
async def completeness_check(
    application_id: str, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> ApplicationOut:
    """Check the application for missing documents; a letter asks for them in writing."""
    application = await service.check_completeness(database, principal, clock, application_id)
    return ApplicationOut.model_validate(application)


@router.post("/applications/{application_id}/appeal", response_model=ApplicationOut, tags=["applications"])
async def appeal(
    application_id: str, body: AppealIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> ApplicationOut:
    """Register an appeal against a refusal; the committee decides it again at a meeting."""
    application = await service.appeal(database, principal, clock, application_id, body.appealed_on)
    return ApplicationOut.model_validate(application)


# --- Gates before the contract ------------------------------------------------------------------------


async def _gates(database: DatabaseDep, clock: ClockDep, application_id: str, deposit_kind: DepositKind) -> GatesOut:
    application, dwelling, gates = await service.gates_of(database, clock, application_id, deposit_kind)
    return GatesOut(
        application_id=application.id,
        dwelling_id=dwelling.id,
        deposit_kind=deposit_kind,
        gates=gates,
        open_gates=[gate for gate, state in gates.items() if state != "closed"],
        coop_board_requested_on=application.coop_board_requested_on,
        coop_board_answer=application.coop_board_answer,
        deposit_paid_on=application.deposit_paid_on,
        guarantee_decision=application.guarantee_decision,
    )


@router.get("/applications/{application_id}/gates", response_model=GatesOut, tags=["tenancies"])
async def gates(
    application_id: str,
    _: Reader,
    database: DatabaseDep,
    clock: ClockDep,
    deposit_kind: DepositKind = DepositKind.CASH,
) -> GatesOut:
    """The gates before the contract for the allocated dwelling, and which are still open."""
    return await _gates(database, clock, application_id, deposit_kind)


@router.post("/applications/{application_id}/coop-board-request", response_model=GatesOut, tags=["tenancies"])
async def request_coop_board(
    application_id: str, body: CoopBoardRequestIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> GatesOut:
    """The co-op board was asked to approve the tenant; silent for 20 days, it has approved."""
    await service.request_coop_board(database, principal, clock, application_id, body)
    return await _gates(database, clock, application_id, DepositKind.NONE)


@router.post("/applications/{application_id}/coop-board-answer", response_model=GatesOut, tags=["tenancies"])
async def answer_coop_board(
    application_id: str, body: CoopBoardAnswerIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> GatesOut:
    await service.answer_coop_board(database, principal, clock, application_id, body)
    return await _gates(database, clock, application_id, DepositKind.NONE)


@router.post("/applications/{application_id}/deposit-payment", response_model=GatesOut, tags=["tenancies"])
async def record_deposit_paid(
    application_id: str, body: DepositPaymentIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> GatesOut:
    """The deposit of 4 months' rent was paid into the deposit account."""
    await service.record_deposit_paid(database, principal, clock, application_id, body)
    return await _gates(database, clock, application_id, DepositKind.CASH)


@router.post("/applications/{application_id}/leave-list", response_model=ApplicationOut, tags=["applications"])
async def leave_list(
    application_id: str, body: LeaveListIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> ApplicationOut:
    """Withdraw an application, or take an approved one off the waiting list (lapsed, housed elsewhere)."""
    application = await service.leave_list(database, principal, clock, application_id, body.reason)
    return ApplicationOut.model_validate(application)


@router.get("/applications/{application_id}/letters", response_model=list[LetterOut], tags=["letters"])
async def list_letters(application_id: str, _: Staff, database: DatabaseDep) -> list[LetterOut]:
    return [LetterOut.model_validate(letter) for letter in await service.letters_of(database, application_id)]


@router.get("/letters/{letter_id}", response_model=LetterOut, tags=["letters"])
async def get_letter(letter_id: str, _: Staff, database: DatabaseDep) -> LetterOut:
    return LetterOut.model_validate(await service.get_letter(database, letter_id))


@router.get(
    "/letters/{letter_id}/pdf",
    tags=["letters"],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The letter as PDF."}},
)
async def letter_pdf(letter_id: str, _: Staff, database: DatabaseDep) -> Response:
    letter = await service.get_letter(database, letter_id)
    return Response(
        content=to_pdf(letter.subject, letter.body),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{letter.id}.pdf"'},
    )


# --- NAV's own referrals -------------------------------------------------------------------------------


@router.get("/referrals", response_model=Page[ReferralStatus], tags=["referrals"])
async def list_referrals(
    principal: Nav, database: DatabaseDep, page: PageRequestDep, referrer_case_ref: str | None = None
) -> Page[ReferralStatus]:
    """The status of the applications NAV submitted, and only those."""
    rows, total = await service.list_referrals(database, principal.agency, page, referrer_case_ref=referrer_case_ref)
    return Page(
        items=[ReferralStatus.model_validate(r) for r in rows], total=total, limit=page.limit, offset=page.offset
    )


@router.get("/referrals/{application_id}", response_model=ReferralStatus, tags=["referrals"])
async def get_referral(application_id: str, principal: Nav, database: DatabaseDep) -> ReferralStatus:
    return ReferralStatus.model_validate(await service.get_referral(database, principal.agency, application_id))


# --- Allocation committee (TBO) ------------------------------------------------------------------------


def _meeting_out(meeting: Meeting, cases: list[MeetingCase], today: date) -> MeetingOut:
    return MeetingOut(
        id=meeting.id,
        meeting_date=meeting.meeting_date,
        case_list_freezes_on=meeting.case_list_freezes_on,
        case_list_frozen=domain.case_list_frozen(meeting.case_list_freezes_on, today),
        cases=[MeetingCaseOut.model_validate(c) for c in cases],
    )


@router.post("/meetings", status_code=201, response_model=MeetingOut, tags=["committee"])
async def create_meeting(
    body: MeetingIn, principal: Staff, database: DatabaseDep, clock: ClockDep, response: Response
) -> MeetingOut:
    """Schedule a committee meeting; its case list freezes 5 working days before."""
    meeting = await service.create_meeting(database, principal, body.meeting_date)
    created(response, f"/v1/meetings/{meeting.id}")
    return _meeting_out(meeting, [], clock.today())


@router.get("/meetings", response_model=Page[MeetingOut], tags=["committee"])
async def list_meetings(
    _: Reader,
    database: DatabaseDep,
    clock: ClockDep,
    page: PageRequestDep,
    from_date: BusinessDate | None = None,
) -> Page[MeetingOut]:
    rows, total = await service.list_meetings(database, page, from_date=from_date)
    items = [_meeting_out(meeting, cases, clock.today()) for meeting, cases in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/meetings/{meeting_id}", response_model=MeetingOut, tags=["committee"])
async def get_meeting(meeting_id: str, _: Reader, database: DatabaseDep, clock: ClockDep) -> MeetingOut:
    meeting, cases = await service.get_meeting(database, meeting_id)
    return _meeting_out(meeting, cases, clock.today())


@router.post("/meetings/{meeting_id}/cases", status_code=201, response_model=MeetingOut, tags=["committee"])
async def add_case(
    meeting_id: str, body: CaseIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> MeetingOut:
    """Put an application on the meeting's case list (until it freezes)."""
    await service.add_case(database, principal, clock, meeting_id, body.application_id)
    return await get_meeting(meeting_id, principal, database, clock)


@router.post("/meetings/{meeting_id}/decisions", response_model=ApplicationOut, tags=["committee"])
async def decide(
    meeting_id: str, body: DecisionIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> ApplicationOut:
    """Record the committee's decision on a case: approve (waiting list) or reject with reasons."""
    application = await service.decide(database, principal, clock, meeting_id, body)
    return ApplicationOut.model_validate(application)


@router.get("/meetings/{meeting_id}/recommendation", response_model=RecommendationOut, tags=["committee"])
async def recommendation(meeting_id: str, _: Reader, database: DatabaseDep, clock: ClockDep) -> RecommendationOut:
    """Boligkontoret's recommendation (innstilling) to the meeting: every dwelling ready or coming vacant (from the
    tenant's notice on) that is not yet allocated, the households it suits ranked with why, and the one proposed."""
    meeting, advice = await service.recommendation(database, clock, meeting_id)
    dwellings = await service.dwellings_by_id(database, [a.dwelling.fit.dwelling_id for a in advice])
    return RecommendationOut(
        meeting_id=meeting.id,
        meeting_date=meeting.meeting_date,
        dwellings=[
            DwellingRecommendationOut(
                dwelling=_dwelling_out(
                    dwellings[a.dwelling.fit.dwelling_id], a.dwelling.status is DwellingStatus.READY
                ),
                households=_ranked(list(a.ranked)),
                proposed_application_id=a.proposed.candidate.application_id if a.proposed else None,
            )
            for a in advice
        ],
    )


@router.post(
    "/meetings/{meeting_id}/allocations", status_code=201, response_model=CommitteeAllocationOut, tags=["committee"]
)
async def allocate(
    meeting_id: str,
    body: CommitteeAllocationIn,
    principal: Staff,
    database: DatabaseDep,
    clock: ClockDep,
    response: Response,
) -> CommitteeAllocationOut:
    """Record the committee's allocation of a dwelling to a household. The household gets the offer, with the day
    the dwelling is expected ready; another household than the one proposed needs `deviation_reason`."""
    decision = await service.allocate(database, principal, clock, meeting_id, body)
    created(response, f"/v1/offers/{decision.offer_id}")
    return CommitteeAllocationOut.model_validate(decision)


@router.get("/meetings/{meeting_id}/allocations", response_model=list[CommitteeAllocationOut], tags=["committee"])
async def list_allocations(meeting_id: str, _: Reader, database: DatabaseDep) -> list[CommitteeAllocationOut]:
    """The allocations the meeting decided, with the proposal each followed or deviated from."""
    return [CommitteeAllocationOut.model_validate(a) for a in await service.allocations_of(database, meeting_id)]


# --- Dwellings and the waiting list ----------------------------------------------------------------------


def _dwelling_out(dwelling: Dwelling, offerable: bool) -> DwellingOut:
    return DwellingOut(
        id=dwelling.id,
        owner=dwelling.owner,
        category=dwelling.category,
        bedrooms=dwelling.bedrooms,
        accessible=dwelling.accessible,
        staffed=dwelling.staffed,
        monthly_rent=dwelling.monthly_rent,
        area_code=dwelling.area_code,
        status=dwelling.status,
        ready_on=dwelling.ready_on,
        offerable=offerable,
        allocated_to=dwelling.allocated_to,
        notice_given_on=dwelling.notice_given_on,
        expected_ready_on=dwelling.expected_ready_on,
        planned_move_in_on=dwelling.planned_move_in_on,
    )


@router.get("/dwellings", response_model=Page[DwellingOut], tags=["dwellings"])
async def list_dwellings(
    _: Reader,
    database: DatabaseDep,
    page: PageRequestDep,
    offerable: bool | None = None,
    status: DwellingStatus | None = None,
    allocated_to: Annotated[str | None, Query(max_length=64)] = None,
) -> Page[DwellingOut]:
    """The dwellings LKE told us about; `offerable=true` gives those ready to offer now, `status=notice_given` those
    coming vacant, `allocated_to` the one allocated to an application."""
    rows, total = await service.list_dwellings(
        database, page, offerable=offerable, status=status, allocated_to=allocated_to
    )
    items = [_dwelling_out(dwelling, can_offer) for dwelling, can_offer in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/dwellings/{dwelling_id}", response_model=DwellingOut, tags=["dwellings"])
async def get_dwelling(dwelling_id: str, _: Reader, database: DatabaseDep) -> DwellingOut:
    return _dwelling_out(*await service.get_dwelling(database, dwelling_id))


def _ranked(rows: list[Ranked]) -> list[RankedApplication]:
    return [
        RankedApplication(
            rank=r.rank,
            application_id=r.candidate.application_id,
            kind=r.candidate.needs.kind,
            score=r.score,
            approved_on=r.candidate.approved_on,
            explanation=list(r.explanation),
        )
        for r in rows
    ]


@router.get("/dwellings/{dwelling_id}/matches", response_model=list[RankedApplication], tags=["dwellings"])
async def dwelling_matches(
    dwelling_id: str, _: Reader, database: DatabaseDep, clock: ClockDep
) -> list[RankedApplication]:
    """The households on the waiting list this dwelling suits (size by the norm of § 12, accessibility, staffing),
    ranked by priority, those who wished its area first among equals."""
    return _ranked(await service.dwelling_matches(database, clock, dwelling_id))


@router.get("/waiting-list", response_model=Page[RankedApplication], tags=["waiting list"])
async def waiting_list(
    _: Reader, database: DatabaseDep, clock: ClockDep, page: PageRequestDep, kind: ApplicationKind | None = None
) -> Page[RankedApplication]:
    """Approved applications by priority (criteria §10: the factors, and the time already spent in temporary
    housing), then by date, each with its explanation."""
    ranked, total = await service.waiting_list_page(database, clock, page, kind=kind)
    return Page(items=_ranked(ranked), total=total, limit=page.limit, offset=page.offset)


# --- Offers --------------------------------------------------------------------------------------------


@router.post("/dwellings/{dwelling_id}/offers", status_code=201, response_model=OfferOut, tags=["offers"])
async def make_offer(
    dwelling_id: str, body: OfferIn, principal: Staff, database: DatabaseDep, clock: ClockDep, response: Response
) -> OfferOut:
    """Offer the dwelling to the best-ranked household it suits; a decline or silence passes it on."""
    offer = await service.make_offer(database, principal, clock, dwelling_id, body.answer_days)
    created(response, f"/v1/offers/{offer.id}")
    return OfferOut.model_validate(offer)


@router.get("/offers", response_model=Page[OfferOut], tags=["offers"])
async def list_offers(
    _: Reader,
    database: DatabaseDep,
    page: PageRequestDep,
    state: OfferState | None = None,
    dwelling_id: str | None = None,
    application_id: str | None = None,
) -> Page[OfferOut]:
    rows, total = await service.list_offers(
        database, page, state=state, dwelling_id=dwelling_id, application_id=application_id
    )
    return Page(items=[OfferOut.model_validate(r) for r in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/offers/{offer_id}", response_model=OfferOut, tags=["offers"])
async def get_offer(offer_id: str, _: Reader, database: DatabaseDep) -> OfferOut:
    return OfferOut.model_validate(await service.get_offer(database, offer_id))


@router.post("/offers/{offer_id}/answer", response_model=OfferOut, tags=["offers"])
async def answer_offer(
    offer_id: str, body: OfferAnswerIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> OfferOut:
    """Accept (the dwelling is allocated) or decline (one-offer rule: off the list; the next is offered)."""
    return OfferOut.model_validate(await service.answer_offer(database, principal, clock, offer_id, body))


# --- Tenancies -----------------------------------------------------------------------------------------


@router.post("/tenancies", status_code=201, response_model=TenancyOut, tags=["tenancies"])
async def sign_tenancy(
    body: TenancyIn, principal: Staff, database: DatabaseDep, clock: ClockDep, response: Response
) -> TenancyOut:
    """Record the contract signed at the dwelling for an allocated application."""
    tenancy = await service.sign_tenancy(database, principal, clock, body)
    created(response, f"/v1/tenancies/{tenancy.id}")
    return TenancyOut.model_validate(tenancy)


_STOCK_MEDIA_TYPES = {
    "text/csv": "csv",
    "application/csv": "csv",
    "text/tab-separated-values": "csv",
    "text/plain": "csv",
    "application/json": "json",
}


@router.post("/tenancy-imports", response_model=StockImportReport, tags=["tenancies"])
async def import_stock(
    request: Request,
    principal: Staff,
    runtime: RuntimeDep,
    format: Annotated[
        str | None, Query(pattern="^(csv|json)$", description="Overrides the Content-Type: csv or json.")
    ] = None,
    dry_run: Annotated[bool, Query(description="Report what the import would do, and store nothing.")] = False,
) -> StockImportReport:
    """Import current tenancy contracts (the existing stock): CSV (`;`, `,` or tab) or the Facilit-like JSON.
    The good rows are stored, each rejected row is reported with its line and reasons; the same file again
    changes nothing."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    source_format = format or _STOCK_MEDIA_TYPES.get(media_type)
    if source_format is None:
        raise RuleViolation(
            f"send the file as text/csv or application/json (or say ?format=), not {media_type or 'no type'}",
            code="unknown_stock_format",
        )
    try:
        text = (await request.body()).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleViolation("the file must be UTF-8", code="unreadable_stock") from exc
    return await service.import_stock(
        runtime.database,
        runtime.settings.person_ref_key,
        runtime.clock,
        text,
        source_format,
        actor=principal.actor,
        dry_run=dry_run,
    )


@router.get("/tenancies", response_model=Page[TenancyOut], tags=["tenancies"])
async def list_tenancies(
    _: Reader,
    database: DatabaseDep,
    page: PageRequestDep,
    state: TenancyState | None = None,
    dwelling_id: str | None = None,
    ending_before: BusinessDate | None = None,
) -> Page[TenancyOut]:
    rows, total = await service.list_tenancies(
        database, page, state=state, dwelling_id=dwelling_id, ending_before=ending_before
    )
    return Page(items=[TenancyOut.model_validate(r) for r in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/tenancies/{tenancy_id}", response_model=TenancyOut, tags=["tenancies"])
async def get_tenancy(tenancy_id: str, _: Reader, database: DatabaseDep) -> TenancyOut:
    return TenancyOut.model_validate(await service.get_tenancy(database, tenancy_id))


@router.post("/tenancies/{tenancy_id}/move-in", response_model=TenancyOut, tags=["tenancies"])
async def move_in(
    tenancy_id: str, body: MoveInIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> TenancyOut:
    return TenancyOut.model_validate(await service.move_in(database, principal, clock, tenancy_id, body.move_in_date))


@router.post("/tenancies/{tenancy_id}/notice", response_model=TenancyOut, tags=["tenancies"])
async def give_notice(
    tenancy_id: str, body: NoticeIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> TenancyOut:
    """Notice to quit; LKE hears of it at once so the move-out inspection can be booked."""
    return TenancyOut.model_validate(await service.give_notice(database, principal, clock, tenancy_id, body))


@router.post("/tenancies/{tenancy_id}/notice/withdraw", response_model=TenancyOut, tags=["tenancies"])
async def withdraw_notice(tenancy_id: str, principal: Staff, database: DatabaseDep, clock: ClockDep) -> TenancyOut:
    return TenancyOut.model_validate(await service.withdraw_notice(database, principal, clock, tenancy_id))


@router.post("/tenancies/{tenancy_id}/renewal", response_model=TenancyOut, tags=["tenancies"])
async def renew(
    tenancy_id: str, body: RenewalIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> TenancyOut:
    """Renew a time-limited contract after the same needs and ownership (startlån) check."""
    return TenancyOut.model_validate(await service.renew(database, principal, clock, tenancy_id, body))


@router.post("/tenancies/{tenancy_id}/end", response_model=TenancyOut, tags=["tenancies"])
async def end_tenancy(
    tenancy_id: str, body: EndIn, principal: Staff, database: DatabaseDep, clock: ClockDep
) -> TenancyOut:
    """End the tenancy on its move-out date: the dwelling goes back to LKE."""
    return TenancyOut.model_validate(await service.end_tenancy(database, principal, clock, tenancy_id, body))


routers = [router]
