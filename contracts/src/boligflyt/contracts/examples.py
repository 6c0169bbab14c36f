"""One worked example per event type: used by the tests (round trips) and shown in the AsyncAPI document.

The examples tell one story: a person evicted in January 2015 gets a temporary stay, applies, is approved,
offered a dwelling vacated by an earlier tenant and renovated by LKE, and moves in; alongside, a refugee
family is settled and the ordering function orders dwellings. Ids are made up; person refs are hashes of
made-up labels, never of a real identity number.
"""

from __future__ import annotations

import hashlib
from datetime import date

from boligflyt.contracts.base import Event
from boligflyt.contracts.codes import (
    AcquisitionMethod,
    AcquisitionStage,
    ApplicationKind,
    BudgetLine,
    ContractType,
    DecisionOutcome,
    DepositKind,
    DwellingCategory,
    DwellingOwner,
    DwellingStatus,
    InspectionTrigger,
    LeftListReason,
    NeedRejectReason,
    NoticeParty,
    OfferAnswer,
    OrderCancelReason,
    PriorityFactor,
    ProviderKind,
    Referrer,
    RenovationKind,
    ReportingService,
    SettlementCategory,
    SettlementOrigin,
    StayEndReason,
    Supplier,
    TargetGroup,
    TenancyEndReason,
    WithdrawalReason,
)
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.contracts.events import temporary_housing as t


def example_person_ref(label: str) -> str:
    """A stable, obviously fake pseudonym for examples and tests."""
    return hashlib.sha256(f"boligflyt example person: {label}".encode()).hexdigest()


KARI = example_person_ref("evicted tenant")
OLA = example_person_ref("previous tenant")
AMIR = example_person_ref("refugee family head")


def examples() -> list[Event]:
    """One valid instance of every event type in the catalogue."""
    return [
        # --- applications (Boligkontoret) ---
        a.ApplicationSubmitted(
            application_id="app-2015-0042",
            person_ref=KARI,
            submitted_on=date(2015, 1, 12),
            kind=ApplicationKind.RENTAL,
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            priority_factors=(PriorityFactor.NO_FIXED_ADDRESS, PriorityFactor.CANNOT_FIND_ALTERNATIVE),
            referrer=Referrer.NAV,
            referrer_case_ref="stay-2015-0007",
        ),
        a.ApplicationDecided(
            application_id="app-2015-0042",
            person_ref=KARI,
            decided_on=date(2015, 2, 4),
            outcome=DecisionOutcome.APPROVED,
            kind=ApplicationKind.RENTAL,
            bedrooms_needed=1,
            priority_factors=(PriorityFactor.NO_FIXED_ADDRESS, PriorityFactor.CANNOT_FIND_ALTERNATIVE),
        ),
        a.ApplicationAppealed(application_id="app-2015-0051", appealed_on=date(2015, 2, 20), within_deadline=True),
        a.ApplicationLeftList(
            application_id="app-2014-0310",
            person_ref=example_person_ref("declined applicant"),
            left_on=date(2015, 2, 11),
            reason=LeftListReason.DECLINED_OFFER,
        ),
        a.OfferMade(
            offer_id="off-2015-0019",
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            person_ref=KARI,
            rank=1,
            offered_on=date(2015, 3, 4),
            answer_deadline=date(2015, 3, 11),
        ),
        a.OfferAnswered(
            offer_id="off-2015-0019",
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            answer=OfferAnswer.ACCEPTED,
            answered_on=date(2015, 3, 6),
        ),
        a.AllocationDecided(
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            person_ref=KARI,
            offer_id="off-2015-0019",
            decided_on=date(2015, 3, 6),
            no_fixed_address=True,
            planned_move_in_on=date(2015, 3, 16),
        ),
        a.TenancySigned(
            tenancy_id="ten-2015-0101",
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            person_ref=KARI,
            contract_type=ContractType.ORDINARY_RENTAL,
            signed_on=date(2015, 3, 13),
            start_date=date(2015, 3, 16),
            end_date=date(2018, 3, 15),
            monthly_rent=5600,
            deposit_kind=DepositKind.NAV_GUARANTEE,
            deposit_amount=22400,
            adults=1,
            children=0,
        ),
        a.TenancyMovedIn(
            tenancy_id="ten-2015-0101",
            dwelling_id="lke-0153",
            application_id="app-2015-0042",
            person_ref=KARI,
            move_in_date=date(2015, 3, 16),
            first_let=False,
        ),
        a.TenancyNoticeGiven(
            tenancy_id="ten-2012-0877",
            dwelling_id="lke-0153",
            given_on=date(2015, 1, 5),
            given_by=NoticeParty.TENANT,
            move_out_date=date(2015, 2, 1),
        ),
        a.TenancyNoticeWithdrawn(tenancy_id="ten-2013-0412", dwelling_id="lkbs-0288", withdrawn_on=date(2015, 1, 20)),
        a.TenancyEndingSoon(
            tenancy_id="ten-2012-0655",
            dwelling_id="lkbs-0117",
            contract_type=ContractType.ORDINARY_RENTAL,
            end_date=date(2015, 6, 30),
            days_left=90,
            expiry_notice_deadline=date(2015, 9, 30),
        ),
        a.TenancyRenewed(
            tenancy_id="ten-2012-0655",
            dwelling_id="lkbs-0117",
            application_id="app-2015-0060",
            renewed_on=date(2015, 5, 28),
            contract_type=ContractType.ORDINARY_RENTAL,
            previous_end_date=date(2015, 6, 30),
            new_end_date=date(2018, 6, 30),
        ),
        a.TenancyEnded(
            tenancy_id="ten-2012-0877",
            dwelling_id="lke-0153",
            end_date=date(2015, 2, 1),
            reason=TenancyEndReason.NOTICE_BY_TENANT,
        ),
        # --- temporary-housing (NAV) ---
        t.StayStarted(
            stay_id="stay-2015-0007",
            person_ref=KARI,
            start_date=date(2015, 1, 8),
            under_30=True,
            single=True,
            adults=1,
            children=0,
            new_enquiry=True,
            provider_id="prov-pension-1",
            provider_kind=ProviderKind.PENSION,
            price_per_night=600,
        ),
        t.StayProviderChanged(
            stay_id="stay-2015-0007",
            changed_on=date(2015, 2, 1),
            provider_id="prov-barracks-2",
            provider_kind=ProviderKind.BARRACKS,
            price_per_night=450,
        ),
        t.AgreementRenegotiationDue(
            agreement_id="agr-2014-0002",
            provider_id="prov-pension-1",
            valid_to=date(2016, 3, 31),
            renegotiate_by=date(2015, 12, 31),
            reminded_on=date(2015, 12, 1),
        ),
        t.StayApplicationLinked(
            stay_id="stay-2015-0007",
            application_id="app-2015-0042",
            linked_on=date(2015, 1, 13),
            application_submitted_on=date(2015, 1, 12),
        ),
        t.StayLimitApproaching(
            stay_id="stay-2014-0113",
            start_date=date(2014, 11, 17),
            days_in_stay=75,
            limit_date=date(2015, 2, 15),
            dwelling_allocated=True,
        ),
        t.StayLimitExceeded(
            stay_id="stay-2014-0113",
            start_date=date(2014, 11, 17),
            days_in_stay=90,
            limit_date=date(2015, 2, 15),
            dwelling_allocated=True,
        ),
        t.StayEnded(
            stay_id="stay-2015-0007",
            person_ref=KARI,
            start_date=date(2015, 1, 8),
            end_date=date(2015, 3, 16),
            reason=StayEndReason.PERMANENT_HOUSING,
            nights=67,
            cost=33750,  # 24 nights x 600 at the pension, 43 x 450 in the barracks
            application_id="app-2015-0042",
            tenancy_id="ten-2015-0101",
        ),
        t.SettlementQuotaAdopted(
            quota_id="quota-2015",
            year=2015,
            adopted_on=date(2014, 6, 19),
            requested_persons=90,
            adopted_persons=90,
            unaccompanied_minors=5,
        ),
        t.SettlementAnnounced(
            settlement_id="set-2015-0004",
            quota_id="quota-2015",
            adults=2,
            children=3,
            announced_on=date(2015, 1, 22),
            planned_settlement_date=date(2015, 4, 15),
            category=SettlementCategory.FAMILY,
            origin=SettlementOrigin.RECEPTION_CENTRE,
        ),
        t.SettlementHousingOrdered(
            settlement_id="set-2015-0004",
            quota_id="quota-2015",
            adults=2,
            children=3,
            ordered_on=date(2015, 1, 26),
            needed_by=date(2015, 4, 15),
            category=SettlementCategory.FAMILY,
            bedrooms_needed=3,
            accessible_needed=False,
        ),
        t.SettlementCompleted(
            settlement_id="set-2015-0004",
            quota_id="quota-2015",
            adults=2,
            children=3,
            settled_on=date(2015, 4, 15),
            application_id="app-2015-0049",
            tenancy_id="ten-2015-0130",
            dwelling_id="lke-0171",
            establishment_ends_on=date(2015, 7, 15),
        ),
        # --- maintenance (LKE) ---
        m.DwellingRegistered(
            dwelling_id="lke-0171",
            owner=DwellingOwner.LKE,
            category=DwellingCategory.ORDINARY,
            bedrooms=3,
            floor_area_m2=90,
            accessible=False,
            staffed=False,
            monthly_rent=7000,
            area_code="stavern",
            registered_on=date(2015, 3, 2),
            status=DwellingStatus.VACANT,
            new_dwelling=True,
            project_id="prj-2014-0012",
            order_id="ord-2014-0005",
        ),
        m.DwellingChanged(
            dwelling_id="lke-0153",
            owner=DwellingOwner.LKE,
            category=DwellingCategory.ORDINARY,
            bedrooms=1,
            floor_area_m2=50,
            accessible=False,
            staffed=False,
            monthly_rent=5600,
            area_code="sentrum",
            changed_on=date(2015, 1, 1),
        ),
        m.DwellingWithdrawn(
            dwelling_id="lkbs-0301",
            withdrawn_on=date(2015, 1, 14),
            reason=WithdrawalReason.FIRE_OR_DAMAGE,
            permanent=False,
        ),
        m.InspectionBooked(
            dwelling_id="lke-0153",
            inspection_id="insp-2015-0033",
            booked_on=date(2015, 1, 7),
            planned_on=date(2015, 1, 14),
            trigger=InspectionTrigger.MOVE_OUT_NOTICE,
            tenancy_id="ten-2012-0877",
        ),
        m.InspectionCompleted(
            dwelling_id="lke-0153",
            inspection_id="insp-2015-0033",
            inspected_on=date(2015, 1, 14),
            trigger=InspectionTrigger.MOVE_OUT_NOTICE,
            meets_minimum_standard=False,
            renovation_needed=True,
        ),
        m.RenovationStarted(
            dwelling_id="lke-0153",
            job_id="job-2015-0021",
            kind=RenovationKind.BETWEEN_TENANCIES,
            ordered_on=date(2015, 1, 20),
            started_on=date(2015, 2, 2),
            due_date=date(2015, 2, 20),
            daily_rent=184,
        ),
        m.RenovationCompleted(
            dwelling_id="lke-0153",
            job_id="job-2015-0021",
            started_on=date(2015, 2, 2),
            completed_on=date(2015, 2, 24),
            due_date=date(2015, 2, 20),
            days_late=4,
            daily_rent=184,
            lost_rent_owed=736,
            cost_hard_use=18500,
            cost_age_wear=9200,
            meets_minimum_standard=True,
        ),
        m.DwellingReadyForLetting(dwelling_id="lke-0153", ready_on=date(2015, 2, 25), first_let=False),
        m.DwellingReserved(dwelling_id="lke-0153", reserved_on=date(2015, 3, 6), application_id="app-2015-0042"),
        m.DwellingLet(dwelling_id="lke-0153", let_on=date(2015, 3, 16), tenancy_id="ten-2015-0101"),
        m.AcquisitionStageChanged(
            project_id="prj-2015-0003",
            order_id="ord-2015-0002",
            method=AcquisitionMethod.BUILD,
            stage=AcquisitionStage.CONTRACTOR_CHOSEN,
            previous_stage=AcquisitionStage.READY_TO_BUILD,
            changed_on=date(2015, 5, 4),
            dwellings_planned=6,
            expected_delivery_on=date(2016, 3, 1),
        ),
        m.AcquisitionDelivered(
            project_id="prj-2014-0012",
            order_id="ord-2014-0005",
            method=AcquisitionMethod.BUY_EXISTING,
            delivered_on=date(2015, 3, 2),
            dwelling_ids=("lke-0171",),
            cost=2450000,
        ),
        # --- ordering (the central ordering function) ---
        o.NeedReported(
            need_id="need-2015-0009",
            reported_on=date(2015, 1, 27),
            reported_by=ReportingService.NAV_INTRO,
            target_group=TargetGroup.REFUGEES,
            dwellings=1,
            bedrooms=3,
            dwelling_category=DwellingCategory.ORDINARY,
            needed_by=date(2015, 4, 15),
            source_ref="set-2015-0004",
        ),
        o.NeedPrioritised(
            need_id="need-2015-0009",
            prioritised_on=date(2015, 2, 10),
            programme_year=2015,
            budget_line=BudgetLine.REFUGEE_DWELLINGS,
            dwellings=1,
        ),
        o.NeedRejected(
            need_id="need-2015-0011",
            rejected_on=date(2015, 2, 10),
            reason=NeedRejectReason.COVERED_BY_EXISTING_STOCK,
        ),
        o.OrderPlaced(
            order_id="ord-2015-0002",
            need_ids=("need-2015-0003", "need-2015-0004"),
            placed_on=date(2015, 2, 16),
            supplier=Supplier.LKE,
            programme_year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            budget_amount=9000000,
            target_group=TargetGroup.HOMELESS,
            dwellings=6,
            bedrooms=1,
            dwelling_category=DwellingCategory.TRANSITIONAL,
            preferred_method=AcquisitionMethod.BUILD,
            due_date=date(2016, 3, 1),
        ),
        o.OrderFulfilled(
            order_id="ord-2014-0005",
            project_id="prj-2014-0012",
            fulfilled_on=date(2015, 3, 2),
            dwelling_ids=("lke-0171",),
            dwellings_delivered_total=1,
            dwellings_ordered=1,
            programme_year=2014,
            budget_line=BudgetLine.REFUGEE_DWELLINGS,
            cost=2450000,
            order_closed=True,
        ),
        o.OrderCancelled(
            order_id="ord-2015-0006",
            cancelled_on=date(2015, 4, 8),
            reason=OrderCancelReason.NEED_WITHDRAWN,
            programme_year=2015,
            budget_line=BudgetLine.SERVICE_NEEDS,
        ),
        o.BudgetFrameSet(
            frame_id="frame-2015-refugee_dwellings",
            year=2015,
            budget_line=BudgetLine.REFUGEE_DWELLINGS,
            amount=30000000,
            set_on=date(2014, 12, 11),
        ),
    ]


def example_for(event_type: str) -> Event:
    """The example of one event type; KeyError if there is none."""
    for example in examples():
        if example.event_type == event_type:
            return example
    raise KeyError(event_type)
