"""The rules the models enforce beyond types: counts, money, date order, consistency of related fields."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from boligflyt.contracts.base import Event
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.events import maintenance as m
from boligflyt.contracts.events import ordering as o
from boligflyt.contracts.events import temporary_housing as t
from boligflyt.contracts.examples import example_for


def _with(model: type[Event], **changes: Any) -> dict[str, Any]:
    return {**example_for(model.event_type).model_dump(mode="json"), **changes}


REFUSED: list[tuple[type[Event], dict[str, Any]]] = [
    # counts and money are never negative
    (a.ApplicationSubmitted, {"children": -1}),
    (a.ApplicationSubmitted, {"adults": 0}),
    (a.TenancySigned, {"monthly_rent": -1}),
    (t.StayStarted, {"price_per_night": -1}),
    (m.RenovationStarted, {"daily_rent": -5}),
    (o.BudgetFrameSet, {"amount": -30_000_000}),
    (o.OrderPlaced, {"dwellings": 0}),
    # ... nor absurd: below 2^53 kroner, a count within 32 bits
    (t.StayStarted, {"price_per_night": 10**20}),
    (o.BudgetFrameSet, {"amount": 2**53}),
    (t.StayLimitExceeded, {"days_in_stay": 2**31}),
    # related counts agree
    (a.ApplicationSubmitted, {"children": 1, "children_needing_own_bedroom": 2}),
    (t.StayStarted, {"single": True, "adults": 2}),
    (t.SettlementQuotaAdopted, {"adopted_persons": 4, "unaccompanied_minors": 5}),
    (t.SettlementAnnounced, {"adults": 0, "children": 0}),
    (o.OrderFulfilled, {"dwellings_delivered_total": 1, "dwellings_ordered": 1, "order_closed": False}),
    (m.AcquisitionDelivered, {"dwelling_ids": []}),
    (m.AcquisitionDelivered, {"dwelling_ids": ["lke-1", "lke-1"]}),
    (a.ApplicationSubmitted, {"priority_factors": ["notice_to_quit", "notice_to_quit"]}),
    # dates in order
    (a.TenancySigned, {"start_date": "2015-03-16", "end_date": "2015-03-16"}),
    (a.OfferMade, {"offered_on": "2015-03-04", "answer_deadline": "2015-03-03"}),
    (a.TenancyNoticeGiven, {"given_on": "2015-01-05", "move_out_date": "2015-01-04"}),
    (a.TenancyRenewed, {"previous_end_date": "2015-06-30", "new_end_date": "2015-06-01"}),
    (a.TenancyEndingSoon, {"end_date": "2015-06-30", "expiry_notice_deadline": "2015-06-30"}),
    (a.TenancyPastEndEscalated, {"escalated_on": "2015-06-30", "days_past_end": 0}),
    (a.TenancyPastEndEscalated, {"days_past_end": 2}),
    (t.StayEnded, {"start_date": "2015-03-16", "end_date": "2015-03-15"}),
    (t.StayEnded, {"nights": 68}),  # more nights than days between start and end
    (t.StayLimitExceeded, {"limit_date": "2014-11-17"}),
    (m.InspectionBooked, {"booked_on": "2015-01-07", "planned_on": "2015-01-06"}),
    (m.RenovationStarted, {"ordered_on": "2015-01-20", "started_on": "2015-01-19"}),
    (m.RenovationCompleted, {"completed_on": "2015-02-01"}),
    (o.OrderPlaced, {"placed_on": "2015-02-16", "due_date": "2015-02-15"}),
    # derived values agree with what they are derived from
    (m.RenovationCompleted, {"days_late": 3}),
    (m.RenovationCompleted, {"lost_rent_owed": 735}),
    (m.InspectionCompleted, {"meets_minimum_standard": False, "renovation_needed": False}),
    (m.AcquisitionStageChanged, {"stage": "ready_to_build", "previous_stage": "ready_to_build"}),
    # a decision's reasons match its outcome
    (a.ApplicationDecided, {"outcome": "rejected"}),
    (a.ApplicationDecided, {"outcome": "rejected", "reject_reasons": ["able_to_buy"]}),
    (a.ApplicationDecided, {"reject_reasons": ["able_to_buy"]}),
    (a.TenancySigned, {"deposit_kind": "none", "deposit_amount": 100}),
    (t.StayEnded, {"reason": "permanent_housing", "tenancy_id": None}),
    # codes are from the lists
    (t.StayStarted, {"cause": "bad_luck"}),
    (a.TenancySigned, {"contract_type": "type_10"}),
    # ids are ids
    (a.ApplicationSubmitted, {"application_id": ""}),
    (a.ApplicationSubmitted, {"application_id": "app 42; drop table"}),
    # no unknown fields from a producer
    (a.TenancyEnded, {"tenant_comment": "left the keys"}),
]


@pytest.mark.parametrize(("model", "changes"), REFUSED, ids=[f"{m.__name__}-{c}" for m, c in REFUSED])
def test_refused(model: type[Event], changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(_with(model, **changes))


def test_a_refusal_with_reasons_and_deadline_is_accepted() -> None:
    decided = a.ApplicationDecided.model_validate(
        _with(
            a.ApplicationDecided,
            outcome="rejected",
            reject_reasons=["able_to_buy"],
            appeal_deadline="2015-02-25",
        )
    )
    assert decided.appeal_deadline == date(2015, 2, 25)


def test_renovation_on_time_owes_nothing() -> None:
    completed = m.RenovationCompleted.model_validate(
        _with(m.RenovationCompleted, completed_on="2015-02-18", days_late=0, lost_rent_owed=0)
    )
    assert completed.lost_rent_owed == 0


def test_events_are_immutable() -> None:
    started = example_for(t.StayStarted.event_type)
    with pytest.raises(ValidationError):
        started.price_per_night = 0  # type: ignore[attr-defined]
