"""The overview: every KPI as of a day, and its figures as plain values to compare two read models."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .kpi_dwellings import RenovationKpi, Void, renovation, voids
from .kpi_flow import StepTimes, step_times, waiting_list
from .kpi_ordering import (
    BudgetUse,
    OrderingLine,
    SettlementYear,
    budget_use,
    ordering,
    settlement,
)
from .kpi_stays import TemporaryHousing, temporary_housing
from .kpi_stuck import StuckCase, stuck_cases
from .measures import median
from .read_model import ReadModel


@dataclass(frozen=True)
class Kpis:
    as_of: date
    temporary_housing: TemporaryHousing
    waiting_list: int
    steps: dict[str, StepTimes]
    voids: list[Void]
    renovation: RenovationKpi
    ordering: list[OrderingLine]
    budgets: list[BudgetUse]
    settlement: list[SettlementYear]
    stuck: list[StuckCase]

    def summary(self) -> dict[str, Any]:
        """The figures as plain values, to compare two read models (live vs rebuilt, live vs as-of)."""
        void_days = [v.days for v in self.voids]
        return {
            "as_of": self.as_of.isoformat(),
            "stays_active": self.temporary_housing.active,
            "stays_over_90": self.temporary_housing.over_90_days,
            "stays_median_days": self.temporary_housing.median_days,
            "stays_cost": self.temporary_housing.cost_so_far,
            "waiting_list": self.waiting_list,
            "steps": {k: (v.median_days, v.buckets) for k, v in self.steps.items()},
            "voids": [(v.dwelling_id, v.days, v.waiting, v.renovating, v.ready) for v in self.voids],
            "void_median": median(void_days),
            "renovation": (
                self.renovation.open_jobs,
                self.renovation.overdue_jobs,
                self.renovation.median_duration_days,
                self.renovation.lost_rent_total,
            ),
            "ordering": [(o.budget_line, o.reported, o.prioritised, o.ordered, o.delivered) for o in self.ordering],
            "budgets": [(b.year, b.budget_line, b.frame, b.ordered, b.delivered_cost) for b in self.budgets],
            "settlement": [(s.year, s.quota, s.settled) for s in self.settlement],
            "stuck": [(s.rule, s.case_id, s.days) for s in self.stuck],
        }


def kpis(model: ReadModel, as_of: date, thresholds: Mapping[str, int] | None = None) -> Kpis:
    return Kpis(
        as_of=as_of,
        temporary_housing=temporary_housing(model, as_of),
        waiting_list=len(waiting_list(model, as_of)),
        steps=step_times(model, as_of),
        voids=voids(model, as_of),
        renovation=renovation(model, as_of),
        ordering=ordering(model, as_of),
        budgets=budget_use(model, as_of),
        settlement=settlement(model, as_of),
        stuck=stuck_cases(model, as_of, thresholds),
    )
