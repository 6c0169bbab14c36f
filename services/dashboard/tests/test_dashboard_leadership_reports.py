"""The leadership's reports: Husbanken's half-year and annual figures."""

from __future__ import annotations

from datetime import date

from boligflyt.contracts.codes import DecisionOutcome, RejectReason
from boligflyt.contracts.events import applications as a
from boligflyt.contracts.examples import example_for
from boligflyt.dashboard import domain, printable, reports

from .test_dashboard_domain import model_of


def delivery(delivery_id: str, on: date, line: str, dwellings: int, cost: int) -> domain.Row:
    return {
        "delivery_id": delivery_id,
        "order_id": f"ord-{delivery_id}",
        "fulfilled_on": on,
        "dwellings": dwellings,
        "cost": cost,
        "programme_year": on.year,
        "budget_line": line,
    }


def test_husbanken_figures_per_half_year_and_year_by_the_day_each_happened() -> None:
    model = model_of(
        {
            "deliveries": [
                delivery("d1", date(2026, 3, 10), "boligloft", 4, 8_000_000),
                delivery("d2", date(2026, 6, 30), "boligloft", 1, 1_900_000),  # the half's last day
                delivery("d3", date(2026, 7, 1), "boligloft", 2, 5_000_000),
                delivery("d4", date(2026, 5, 5), "lke_loan_frame", 1, 2_000_000),
                delivery("d5", date(2026, 12, 1), "boligloft", 9, 9_000_000),  # after the day asked about
            ],
            "applications": [
                {"application_id": "a1", "able_to_buy_on": date(2026, 2, 1)},
                {"application_id": "a2", "able_to_buy_on": date(2026, 7, 15)},
                {"application_id": "a3", "able_to_buy_on": date(2026, 8, 1)},
                {"application_id": "a4", "able_to_buy_on": None},  # refused for another reason, or approved
            ],
        }
    )
    rows = [[f.year, f.half, f.budget_line, f.dwellings_acquired, f.acquisition_cost, f.referred_to_buying]
            for f in domain.husbanken(model, date(2026, 11, 30))]  # fmt: skip
    assert rows == [
        [2026, 1, None, 0, 0, 1],
        [2026, 1, "boligloft", 5, 9_900_000, 0],
        [2026, 1, "lke_loan_frame", 1, 2_000_000, 0],
        [2026, 2, None, 0, 0, 2],
        [2026, 2, "boligloft", 2, 5_000_000, 0],
        [2026, None, None, 0, 0, 3],
        [2026, None, "boligloft", 7, 14_900_000, 0],
        [2026, None, "lke_loan_frame", 1, 2_000_000, 0],
    ]
    assert reports.husbanken(model, date(2026, 11, 30)).rows[5] == [2026, "year", None, 0, 0, 3]


def decided(outcome: DecisionOutcome, reasons: tuple[RejectReason, ...], on: date) -> a.ApplicationDecided:
    example = example_for(a.ApplicationDecided.event_type).model_dump()
    rejected = outcome is DecisionOutcome.REJECTED
    return a.ApplicationDecided(
        **{
            **example,
            "application_id": "app-1",
            "outcome": outcome,
            "reject_reasons": reasons,
            "decided_on": on,
            "appeal_deadline": date(2026, 3, 1) if rejected else None,
        }
    )


def test_a_refusal_citing_that_the_household_can_buy_is_a_referral_until_an_appeal_is_upheld() -> None:
    model = domain.ReadModel()
    model.apply(
        domain.project(
            decided(DecisionOutcome.REJECTED, (RejectReason.ABLE_TO_FIND_ALTERNATIVE,), date(2026, 1, 5)), "e0"
        )
    )
    assert domain.husbanken(model, date(2026, 12, 31)) == []
    refusal = decided(
        DecisionOutcome.REJECTED, (RejectReason.ABLE_TO_BUY, RejectReason.DECLINED_LOAN), date(2026, 2, 10)
    )
    model.apply(domain.project(refusal, "e1"))
    assert [f.referred_to_buying for f in domain.husbanken(model, date(2026, 12, 31))] == [1, 1]
    model.apply(domain.project(decided(DecisionOutcome.APPROVED, (), date(2026, 3, 20)), "e2"))
    assert domain.husbanken(model, date(2026, 12, 31)) == []


def test_every_report_has_a_chart_drawn_from_its_own_columns() -> None:
    """A renamed column would otherwise break the report's PDF only once it has rows."""
    for name, build in reports.REPORTS.items():
        columns = build(domain.ReadModel(), date(2026, 6, 30)).columns
        spec = printable.CHARTS[name]
        wanted = [*spec.labels, *(c for c in spec.values if c != "rows"), *([spec.only[0]] if spec.only else [])]
        assert set(wanted) <= set(columns), (name, set(wanted) - set(columns))
