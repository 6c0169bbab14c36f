"""A fixed sequence of events with known KPIs: the projection tests, the rebuild test and the browser test.

It extends the catalogue's worked story (contracts/examples.py): Kari, evicted in January 2015, stays with
NAV, applies, is approved, offered lke-0153 (vacated by Ola on Sunday 1 February and renovated four days
late) and moves in on Monday 16 March. Beside her: a family in temporary housing since November 2014 and
never allocated, a person with an earlier stay, a dwelling re-let from Sunday to Monday (0 void days), a new
dwelling's first let (excluded), a notice with no inspection booked, needs, an order and a refugee family.
Each event's CloudEvents time is noon UTC of its domain date, so "as of" a day selects what happened by then.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from boligflyt.contracts.base import Event
from boligflyt.contracts.codes import (
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
    ProviderKind,
    Referrer,
    RejectReason,
    RenovationKind,
    ReportingService,
    SettlementCategory,
    SettlementOrigin,
    StayEndReason,
    Supplier,
    TargetGroup,
    TenancyEndReason,
)
from boligflyt.contracts.envelope import Envelope
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.contracts.events import temporary_housing as t
from boligflyt.contracts.examples import KARI, OLA, example_person_ref
from boligflyt.dashboard.domain import event_date

FAMILY = example_person_ref("family never allocated")
RETURNING = example_person_ref("person with an earlier stay")
BENTE = example_person_ref("declined applicant")
REJECTED = example_person_ref("rejected applicant")
SUNDAY_TENANT = example_person_ref("sunday tenant")
MONDAY_TENANT = example_person_ref("monday tenant")
NEW_TENANT = example_person_ref("first tenant of a new dwelling")
AMIR = example_person_ref("refugee family head")


def _stay(stay_id: str, ref: str, start: date, *, under_30: bool, single: bool, new: bool, price: int) -> t.StayStarted:
    return t.StayStarted(
        stay_id=stay_id,
        person_ref=ref,
        start_date=start,
        under_30=under_30,
        single=single,
        adults=1 if single else 2,
        children=0 if single else 1,
        new_enquiry=new,
        provider_id="prov-pension-1",
        provider_kind=ProviderKind.PENSION,
        price_per_night=price,
    )


def _signed(tenancy: str, app: str, dwelling: str, ref: str, start: date, rent: int = 5600) -> a.TenancySigned:
    return a.TenancySigned(
        tenancy_id=tenancy,
        application_id=app,
        dwelling_id=dwelling,
        person_ref=ref,
        contract_type=ContractType.ORDINARY_RENTAL,
        signed_on=start,
        start_date=start,
        monthly_rent=rent,
        deposit_kind=DepositKind.CASH,
        deposit_amount=rent * 4,
        adults=1,
        children=0,
    )


def _moved_in(tenancy: str, dwelling: str, app: str, ref: str, day: date, *, first_let: bool) -> a.TenancyMovedIn:
    return a.TenancyMovedIn(
        tenancy_id=tenancy,
        dwelling_id=dwelling,
        application_id=app,
        person_ref=ref,
        move_in_date=day,
        first_let=first_let,
    )


def _registered(dwelling: str, day: date, status: DwellingStatus, *, new: bool) -> m.DwellingRegistered:
    return m.DwellingRegistered(
        dwelling_id=dwelling,
        owner=DwellingOwner.LKE,
        category=DwellingCategory.ORDINARY,
        bedrooms=1,
        accessible=False,
        staffed=False,
        monthly_rent=5600,
        registered_on=day,
        status=status,
        new_dwelling=new,
    )


def story() -> list[Event]:
    """The events, in the order they happened."""
    d = date
    events: list[Event] = [
        # Earlier history: the returning person's first stay, the stock, a quota and budget frames.
        t.SettlementQuotaAdopted(
            quota_id="quota-2015", year=2015, adopted_on=d(2014, 6, 19), requested_persons=90, adopted_persons=90
        ),
        _stay("stay-2014-0050", RETURNING, d(2014, 6, 1), under_30=False, single=True, new=True, price=500),
        t.StayEnded(
            stay_id="stay-2014-0050",
            person_ref=RETURNING,
            start_date=d(2014, 6, 1),
            end_date=d(2014, 7, 1),
            reason=StayEndReason.PRIVATE_RENTAL,
            nights=30,
            cost=15000,
        ),
        _registered("lke-0153", d(2014, 1, 1), DwellingStatus.LET, new=False),
        _registered("lke-0200", d(2014, 1, 1), DwellingStatus.LET, new=False),
        _registered("lke-0300", d(2014, 1, 1), DwellingStatus.LET, new=False),
        _stay("stay-2014-0113", FAMILY, d(2014, 11, 17), under_30=False, single=False, new=False, price=500),
        o.BudgetFrameSet(
            frame_id="frame-2015-refugee",
            year=2015,
            budget_line=BudgetLine.REFUGEE_DWELLINGS,
            amount=30_000_000,
            set_on=d(2014, 12, 11),
        ),
        o.BudgetFrameSet(
            frame_id="frame-2015-disadvantaged",
            year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            amount=30_000_000,
            set_on=d(2014, 12, 11),
        ),
        # January
        a.TenancyNoticeGiven(
            tenancy_id="ten-2012-0877",
            dwelling_id="lke-0153",
            given_on=d(2015, 1, 5),
            given_by=NoticeParty.TENANT,
            move_out_date=d(2015, 2, 1),
        ),
        m.InspectionBooked(
            dwelling_id="lke-0153",
            inspection_id="insp-2015-0033",
            booked_on=d(2015, 1, 7),
            planned_on=d(2015, 1, 14),
            trigger=InspectionTrigger.MOVE_OUT_NOTICE,
            tenancy_id="ten-2012-0877",
        ),
        _stay("stay-2015-0007", KARI, d(2015, 1, 8), under_30=True, single=True, new=True, price=600),
        a.ApplicationSubmitted(
            application_id="app-2015-0042",
            person_ref=KARI,
            submitted_on=d(2015, 1, 12),
            kind=ApplicationKind.RENTAL,
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            referrer=Referrer.NAV,
            referrer_case_ref="stay-2015-0007",
        ),
        t.StayApplicationLinked(
            stay_id="stay-2015-0007",
            application_id="app-2015-0042",
            linked_on=d(2015, 1, 13),
            application_submitted_on=d(2015, 1, 12),
        ),
        m.InspectionCompleted(
            dwelling_id="lke-0153",
            inspection_id="insp-2015-0033",
            inspected_on=d(2015, 1, 14),
            trigger=InspectionTrigger.MOVE_OUT_NOTICE,
            meets_minimum_standard=False,
            renovation_needed=True,
        ),
        a.ApplicationSubmitted(
            application_id="app-2015-0050",
            person_ref=BENTE,
            submitted_on=d(2015, 1, 20),
            kind=ApplicationKind.RENTAL,
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            referrer=Referrer.SELF,
        ),
        a.ApplicationSubmitted(
            application_id="app-2015-0051",
            person_ref=REJECTED,
            submitted_on=d(2015, 1, 21),
            kind=ApplicationKind.RENTAL,
            adults=1,
            children=0,
            bedrooms_needed=1,
            accessible_needed=False,
            referrer=Referrer.SELF,
        ),
        o.NeedReported(
            need_id="need-2015-0001",
            reported_on=d(2015, 1, 27),
            reported_by=ReportingService.NAV_INTRO,
            target_group=TargetGroup.REFUGEES,
            dwellings=1,
        ),
        o.NeedReported(
            need_id="need-2015-0002",
            reported_on=d(2015, 1, 28),
            reported_by=ReportingService.NAV,
            target_group=TargetGroup.HOMELESS,
            dwellings=2,
        ),
        o.NeedReported(
            need_id="need-2015-0003",
            reported_on=d(2015, 1, 28),
            reported_by=ReportingService.CARE_SERVICE,
            target_group=TargetGroup.ELDERLY,
            dwellings=1,
        ),
        a.ApplicationDecided(
            application_id="app-2015-0050",
            person_ref=BENTE,
            decided_on=d(2015, 1, 28),
            outcome=DecisionOutcome.APPROVED,
            kind=ApplicationKind.RENTAL,
            bedrooms_needed=1,
        ),
        a.ApplicationDecided(
            application_id="app-2015-0051",
            person_ref=REJECTED,
            decided_on=d(2015, 1, 28),
            outcome=DecisionOutcome.REJECTED,
            kind=ApplicationKind.RENTAL,
            bedrooms_needed=1,
            reject_reasons=(RejectReason.ABLE_TO_BUY,),
            appeal_deadline=d(2015, 2, 18),
        ),
        # February
        t.StayProviderChanged(
            stay_id="stay-2015-0007",
            changed_on=d(2015, 2, 1),
            provider_id="prov-barracks-2",
            provider_kind=ProviderKind.BARRACKS,
            price_per_night=450,
        ),
        a.TenancyEnded(
            tenancy_id="ten-2012-0877",
            dwelling_id="lke-0153",
            end_date=d(2015, 2, 1),
            reason=TenancyEndReason.NOTICE_BY_TENANT,
        ),
        m.RenovationStarted(
            dwelling_id="lke-0153",
            job_id="job-2015-0021",
            kind=RenovationKind.BETWEEN_TENANCIES,
            ordered_on=d(2015, 1, 20),
            started_on=d(2015, 2, 2),
            due_date=d(2015, 2, 20),
            daily_rent=184,
        ),
        a.TenancyNoticeGiven(
            tenancy_id="ten-2013-0300",
            dwelling_id="lke-0300",
            given_on=d(2015, 2, 2),
            given_by=NoticeParty.TENANT,
            move_out_date=d(2015, 4, 30),
        ),
        a.ApplicationDecided(
            application_id="app-2015-0042",
            person_ref=KARI,
            decided_on=d(2015, 2, 4),
            outcome=DecisionOutcome.APPROVED,
            kind=ApplicationKind.RENTAL,
            bedrooms_needed=1,
        ),
        o.NeedPrioritised(
            need_id="need-2015-0001",
            prioritised_on=d(2015, 2, 10),
            programme_year=2015,
            budget_line=BudgetLine.REFUGEE_DWELLINGS,
            dwellings=1,
        ),
        o.NeedPrioritised(
            need_id="need-2015-0002",
            prioritised_on=d(2015, 2, 10),
            programme_year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            dwellings=2,
        ),
        o.NeedRejected(
            need_id="need-2015-0003", rejected_on=d(2015, 2, 10), reason=NeedRejectReason.COVERED_BY_EXISTING_STOCK
        ),
        a.ApplicationLeftList(
            application_id="app-2015-0050",
            person_ref=BENTE,
            left_on=d(2015, 2, 11),
            reason=LeftListReason.WITHDRAWN,
        ),
        o.OrderPlaced(
            order_id="ord-2015-0002",
            need_ids=("need-2015-0002",),
            placed_on=d(2015, 2, 16),
            supplier=Supplier.LKE,
            programme_year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            budget_amount=9_000_000,
            target_group=TargetGroup.HOMELESS,
            dwellings=2,
            due_date=d(2016, 3, 1),
        ),
        m.RenovationCompleted(
            dwelling_id="lke-0153",
            job_id="job-2015-0021",
            started_on=d(2015, 2, 2),
            completed_on=d(2015, 2, 24),
            due_date=d(2015, 2, 20),
            days_late=4,
            daily_rent=184,
            lost_rent_owed=736,
            cost_hard_use=18500,
            cost_age_wear=9200,
            meets_minimum_standard=True,
        ),
        m.DwellingReadyForLetting(dwelling_id="lke-0153", ready_on=d(2015, 2, 25), first_let=False),
        # March: Sunday -> Monday re-let of lke-0200, Kari's offer and move-in, a new dwelling.
        a.TenancyEnded(
            tenancy_id="ten-2010-0200",
            dwelling_id="lke-0200",
            end_date=d(2015, 3, 1),
            reason=TenancyEndReason.NOTICE_BY_TENANT,
        ),
        _signed("ten-2015-0200", "app-2014-0999", "lke-0200", MONDAY_TENANT, d(2015, 3, 2)),
        _moved_in("ten-2015-0200", "lke-0200", "app-2014-0999", MONDAY_TENANT, d(2015, 3, 2), first_let=False),
        o.OrderFulfilled(
            order_id="ord-2015-0002",
            project_id="prj-2015-0003",
            fulfilled_on=d(2015, 3, 2),
            dwelling_ids=("lke-0171", "lke-0172"),
            dwellings_delivered_total=2,
            dwellings_ordered=2,
            programme_year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            cost=2_450_000,
            order_closed=True,
        ),
        _registered("lke-0171", d(2015, 3, 2), DwellingStatus.VACANT, new=True),
        a.OfferMade(
            offer_id="off-2015-0019",
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            person_ref=KARI,
            rank=1,
            offered_on=d(2015, 3, 4),
            answer_deadline=d(2015, 3, 11),
        ),
        a.OfferAnswered(
            offer_id="off-2015-0019",
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            answer=OfferAnswer.ACCEPTED,
            answered_on=d(2015, 3, 6),
        ),
        a.AllocationDecided(
            application_id="app-2015-0042",
            dwelling_id="lke-0153",
            person_ref=KARI,
            offer_id="off-2015-0019",
            decided_on=d(2015, 3, 6),
            no_fixed_address=True,
        ),
        m.DwellingReserved(dwelling_id="lke-0153", reserved_on=d(2015, 3, 6), application_id="app-2015-0042"),
        _stay("stay-2015-0031", RETURNING, d(2015, 3, 10), under_30=False, single=True, new=True, price=500),
        _signed("ten-2015-0101", "app-2015-0042", "lke-0153", KARI, d(2015, 3, 16)),
        _moved_in("ten-2015-0101", "lke-0153", "app-2015-0042", KARI, d(2015, 3, 16), first_let=False),
        m.DwellingLet(dwelling_id="lke-0153", let_on=d(2015, 3, 16), tenancy_id="ten-2015-0101"),
        t.StayEnded(
            stay_id="stay-2015-0007",
            person_ref=KARI,
            start_date=d(2015, 1, 8),
            end_date=d(2015, 3, 16),
            reason=StayEndReason.PERMANENT_HOUSING,
            nights=67,
            cost=33750,
            application_id="app-2015-0042",
            tenancy_id="ten-2015-0101",
        ),
        # April: the new dwelling's first let (excluded from void days) and the refugee family settled.
        _moved_in("ten-2015-0130", "lke-0171", "app-2015-0049", AMIR, d(2015, 4, 15), first_let=True),
        t.SettlementCompleted(
            settlement_id="set-2015-0004",
            quota_id="quota-2015",
            adults=2,
            children=3,
            settled_on=d(2015, 4, 15),
            application_id="app-2015-0049",
            tenancy_id="ten-2015-0130",
            dwelling_id="lke-0171",
            establishment_ends_on=d(2015, 7, 15),
        ),
        t.SettlementAnnounced(
            settlement_id="set-2015-0009",
            quota_id="quota-2015",
            adults=1,
            children=0,
            announced_on=d(2015, 4, 20),
            category=SettlementCategory.SINGLE_ADULT,
            origin=SettlementOrigin.RECEPTION_CENTRE,
        ),
    ]
    return events


def at_noon(data: Event) -> datetime:
    day = event_date(data)
    assert day is not None, data.event_type
    return datetime.combine(day, time(12), tzinfo=UTC)


def envelopes() -> list[Envelope]:
    """The story as envelopes, each timed at noon UTC of its domain date."""
    return [Envelope(data=data, time=at_noon(data)) for data in story()]


__all__ = ["AMIR", "FAMILY", "KARI", "OLA", "RETURNING", "envelopes", "story"]
