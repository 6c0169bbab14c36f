"""A fixed sequence of events with known KPIs: the projection tests, the rebuild test and the browser test.

It extends the catalogue's worked story, and tells the events the two share with the catalogue's own examples
(`boligflyt.contracts.examples`): Kari, evicted in January 2015, stays with NAV, applies, is approved, offered
lke-0153 (vacated by Ola on Sunday 1 February and renovated four days late) and moves in on Monday 16 March.
Beside her: a family in temporary housing since November 2014 and never allocated, a person with an earlier stay,
a dwelling re-let from Sunday to Monday (0 void days), a new dwelling's first let (excluded), a notice with no
inspection booked, needs, an order and a refugee family. Every stay has NAV's limit date 90 days after its start.
Each event's CloudEvents time is noon UTC of its domain date, so "as of" a day selects what happened by then.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TypeVar

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
    LeftListReason,
    NoticeParty,
    ProviderKind,
    Referrer,
    RejectReason,
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
from boligflyt.contracts.examples import AMIR, KARI, OLA, example_person_ref, examples
from boligflyt.dashboard.domain import event_date

FAMILY = example_person_ref("family never allocated")
RETURNING = example_person_ref("person with an earlier stay")
BENTE = example_person_ref("declined applicant")
REJECTED = example_person_ref("rejected applicant")
SUNDAY_TENANT = example_person_ref("sunday tenant")
MONDAY_TENANT = example_person_ref("monday tenant")
NEW_TENANT = example_person_ref("first tenant of a new dwelling")


E = TypeVar("E", bound=Event)

# The limit NAV puts on the story's stays (the national goal: at most 3 months in temporary housing).
NAV_LIMIT = timedelta(days=90)


@cache
def _examples() -> dict[tuple[type[Event], str], Event]:
    return {(type(example), example.key): example for example in examples()}


def _example(model: type[E], key: str) -> E:
    """The catalogue's example of a `model` event about `key`: where the story tells the same event."""
    example = _examples()[(model, key)]
    assert isinstance(example, model)
    return example


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
        limit_date=start + NAV_LIMIT,
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
        _example(t.SettlementQuotaAdopted, "quota-2015"),
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
        _example(o.BudgetFrameSet, "frame-2015-refugee_dwellings"),
        o.BudgetFrameSet(
            frame_id="frame-2015-disadvantaged",
            year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            amount=30_000_000,
            set_on=d(2014, 12, 11),
        ),
        # January
        _example(a.TenancyNoticeGiven, "ten-2012-0877"),
        _example(m.InspectionBooked, "lke-0153"),
        _example(t.StayStarted, "stay-2015-0007"),
        _example(a.ApplicationSubmitted, "app-2015-0042"),
        _example(t.StayApplicationLinked, "stay-2015-0007"),
        _example(m.InspectionCompleted, "lke-0153"),
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
        _example(o.NeedReported, "need-2015-0009"),
        o.NeedReported(
            need_id="need-2015-0002",
            reported_on=d(2015, 1, 28),
            reported_by=ReportingService.NAV,
            target_group=TargetGroup.HOMELESS,
            dwellings=2,
        ),
        o.NeedReported(
            need_id="need-2015-0011",
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
        _example(t.StayProviderChanged, "stay-2015-0007"),
        _example(a.TenancyEnded, "ten-2012-0877"),
        _example(m.RenovationStarted, "lke-0153"),
        a.TenancyNoticeGiven(
            tenancy_id="ten-2013-0300",
            dwelling_id="lke-0300",
            given_on=d(2015, 2, 2),
            given_by=NoticeParty.TENANT,
            move_out_date=d(2015, 4, 30),
        ),
        _example(a.ApplicationDecided, "app-2015-0042"),
        _example(o.NeedPrioritised, "need-2015-0009"),
        o.NeedPrioritised(
            need_id="need-2015-0002",
            prioritised_on=d(2015, 2, 10),
            programme_year=2015,
            budget_line=BudgetLine.DISADVANTAGED_DWELLINGS,
            dwellings=2,
        ),
        _example(o.NeedRejected, "need-2015-0011"),
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
        _example(m.RenovationCompleted, "lke-0153"),
        _example(m.DwellingReadyForLetting, "lke-0153"),
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
        _example(m.DwellingRegistered, "lke-0171"),
        _example(a.OfferMade, "off-2015-0019"),
        _example(a.OfferAnswered, "off-2015-0019"),
        _example(a.AllocationDecided, "app-2015-0042"),
        _example(m.DwellingReserved, "lke-0153"),
        _stay("stay-2015-0031", RETURNING, d(2015, 3, 10), under_30=False, single=True, new=True, price=500),
        _example(a.TenancySigned, "ten-2015-0101"),
        _example(a.TenancyMovedIn, "ten-2015-0101"),
        _example(m.DwellingLet, "lke-0153"),
        _example(t.StayEnded, "stay-2015-0007"),
        # April: the new dwelling's first let (excluded from void days) and the refugee family settled.
        _moved_in("ten-2015-0130", "lke-0171", "app-2015-0049", AMIR, d(2015, 4, 15), first_let=True),
        _example(t.SettlementCompleted, "set-2015-0004"),
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
