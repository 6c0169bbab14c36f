"""The dwellings to come: needs, orders and budgets (KPI 7), refugees settled against the quota (KPI 8), and the
figures Husbanken asks for each half-year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import computed_field

from .read_model import ReadModel

# --- KPI 7: ordering and budgets ----------------------------------------------------------------------------

UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class OrderingLine:
    budget_line: str
    reported: int
    prioritised: int
    ordered: int
    delivered: int


def ordering(model: ReadModel, as_of: date) -> list[OrderingLine]:
    """KPI 7. Needs per budget line (a need not yet prioritised has none): reported; prioritised;
    ordered (in an order that is not cancelled); delivered (its order has had a delivery)."""
    orders = model.tables["orders"]
    delivered_orders = {d["order_id"] for d in model.rows("deliveries") if d["fulfilled_on"] <= as_of}
    lines: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

    def by(value: Any) -> bool:
        return value is not None and value <= as_of

    for need in model.rows("needs"):
        if not by(need.get("reported_on")) and not by(need.get("prioritised_on")):
            continue
        line = need.get("budget_line") if by(need.get("prioritised_on")) else None
        counts = lines[line or UNASSIGNED]
        counts[0] += 1
        if line:
            counts[1] += 1
        order = orders.get(need.get("order_id") or "")
        if order is not None and by(order.get("placed_on")) and not by(order.get("cancelled_on")):
            counts[2] += 1
            if order["order_id"] in delivered_orders:
                counts[3] += 1
    return [OrderingLine(line, *counts) for line, counts in sorted(lines.items())]


@dataclass(frozen=True)
class BudgetUse:
    year: int
    budget_line: str
    frame: int
    ordered: int  # budget amounts of orders placed and not cancelled
    delivered_cost: int

    @computed_field  # type: ignore[prop-decorator]  # a figure of the JSON API too
    @property
    def used_share(self) -> float | None:
        return self.ordered / self.frame if self.frame else None


def budget_use(model: ReadModel, as_of: date) -> list[BudgetUse]:
    """KPI 7. The frame used per year and line: set aside by orders, and paid for deliveries."""
    keys: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for frame in model.rows("budgets"):
        if frame.get("set_on") is not None and frame["set_on"] <= as_of:
            keys[(frame["year"], frame["budget_line"])][0] += int(frame["amount"])
    for order in model.rows("orders"):
        if order.get("placed_on") is None or order["placed_on"] > as_of:
            continue
        if order.get("cancelled_on") is not None and order["cancelled_on"] <= as_of:
            continue
        keys[(order["programme_year"], order["budget_line"])][1] += int(order.get("budget_amount") or 0)
    for delivery in model.rows("deliveries"):
        if delivery["fulfilled_on"] <= as_of:
            keys[(delivery["programme_year"], delivery["budget_line"])][2] += int(delivery["cost"])
    return [BudgetUse(year, line, *values) for (year, line), values in sorted(keys.items())]


# --- KPI 8: refugee settlement -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SettlementYear:
    year: int
    quota: int
    settled: int
    by_month: list[tuple[int, int, float]]  # (month, settled cumulative, even spread cumulative)


def settlement(model: ReadModel, as_of: date) -> list[SettlementYear]:
    """KPI 8. Persons settled (adults + children of completed settlements) against the adopted quota of the
    year, and per month cumulatively against an even spread (quota x month / 12)."""
    quotas: dict[int, int] = defaultdict(int)
    for quota in model.rows("quotas"):
        if quota.get("adopted_on") is not None and quota["adopted_on"] <= as_of:
            quotas[quota["year"]] += int(quota["adopted_persons"])
    settled: dict[int, list[int]] = defaultdict(lambda: [0] * 12)
    for row in model.rows("settlements"):
        day = row.get("settled_on")
        if day is not None and day <= as_of:
            settled[day.year][day.month - 1] += int(row.get("adults") or 0) + int(row.get("children") or 0)
    result = []
    for year in sorted(set(quotas) | set(settled)):
        months, running = [], 0
        for index, count in enumerate(settled[year]):
            running += count
            months.append((index + 1, running, quotas[year] * (index + 1) / 12))
        result.append(SettlementYear(year, quotas[year], running, months))
    return result


# --- Husbanken's half-year and annual figures ---------------------------------------------------------------


@dataclass(frozen=True)
class HusbankenFigures:
    """One half-year (1: January-June, 2: July-December) or, with `half` None, the whole year."""

    year: int
    half: int | None
    budget_line: str | None  # None: a figure that belongs to no budget line
    dwellings_acquired: int
    acquisition_cost: int
    referred_to_buying: int  # refusals citing that the household can buy (startlån, rent-to-own)


def husbanken(model: ReadModel, as_of: date) -> list[HusbankenFigures]:
    """Dwellings acquired (delivered against an order) per budget line, and households referred to buying with a
    start-up loan or rent-to-own, per half-year and year, by the day each happened. Boligflyt decides no loans:
    the loans themselves are the loan office's figures."""
    acquired: dict[tuple[int, int, str | None], list[int]] = defaultdict(lambda: [0, 0, 0])
    for delivery in model.rows("deliveries"):
        day = delivery["fulfilled_on"]
        if day <= as_of:
            counts = acquired[(day.year, _half(day), delivery.get("budget_line"))]
            counts[0] += int(delivery["dwellings"])
            counts[1] += int(delivery["cost"])
    for application in model.rows("applications"):
        day = application.get("able_to_buy_on")
        if day is not None and day <= as_of:
            acquired[(day.year, _half(day), None)][2] += 1
    halves = [HusbankenFigures(year, half, line, *counts) for (year, half, line), counts in acquired.items()]
    years: dict[tuple[int, str | None], list[int]] = defaultdict(lambda: [0, 0, 0])
    for figures in halves:
        total = years[(figures.year, figures.budget_line)]
        total[0] += figures.dwellings_acquired
        total[1] += figures.acquisition_cost
        total[2] += figures.referred_to_buying
    whole_years = [HusbankenFigures(year, None, line, *counts) for (year, line), counts in years.items()]
    return sorted(halves + whole_years, key=lambda f: (f.year, f.half or 3, f.budget_line or ""))


def _half(day: date) -> int:
    return 1 if day.month <= 6 else 2


@dataclass(frozen=True)
class SettlementArea:
    year: int
    area_code: str  # "unknown" when NAV's event did not name it
    households: int
    persons: int


def settlement_by_area(model: ReadModel, as_of: date) -> list[SettlementArea]:
    """Households and persons settled per year and area of the dwelling (`settlement.completed`'s area), by
    `as_of`: is settlement spread across the municipality's areas?"""
    totals: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in model.rows("settlements"):
        day = row.get("settled_on")
        if day is not None and day <= as_of:
            total = totals[(day.year, row.get("area_code") or "unknown")]
            total[0] += 1
            total[1] += int(row.get("adults") or 0) + int(row.get("children") or 0)
    return [SettlementArea(year, area, *totals[(year, area)]) for year, area in sorted(totals)]
