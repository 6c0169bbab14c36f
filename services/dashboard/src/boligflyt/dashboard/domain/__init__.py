"""The dashboard's read model as pure functions: event -> read-model changes, read model -> KPIs.

The dashboard owns no data. Every event of the catalogue is turned by `project` into `Change`s to the read-model
tables (`tables`). The same changes are applied to the SQL tables (live projection, rebuild) and to an in-memory
`ReadModel` (KPIs "as of" a past day, replayed from the event log), so both give the same figures.

The package's modules: `tables` and `read_model` (the read model), `events` (what any event says: its day, agency,
person and dwelling), `projection` (one module per producing agency), `measures` (days, months, medians), the KPIs
by subject (`kpi_stays`, `kpi_flow`, `kpi_dwellings`, `kpi_ordering`, `kpi_stuck`) and `overview` (all of them as
of a day). Everything is re-exported here: the rest of the service uses `domain.<name>`.

Imports within the package are relative: `mypy --strict` checks it by its path, where `boligflyt.dashboard` is not
an importable name (an absolute import would be an unchecked Any).
"""

from .events import AGENCY_OF_PRODUCER, dwelling_id_of, event_date, person_ref_of, short_name
from .kpi_dwellings import (
    RenovationKpi,
    Void,
    VoidSummary,
    renovation,
    void_summary,
    voids,
)
from .kpi_flow import (
    BUCKETS,
    STAGES,
    STEPS,
    StageCase,
    StepCase,
    StepTimes,
    bucket,
    on_waiting_list,
    stage_cases,
    stage_counts,
    step_times,
    waiting_list,
)
from .kpi_ordering import (
    UNASSIGNED,
    BudgetUse,
    HusbankenFigures,
    OrderingLine,
    SettlementArea,
    SettlementYear,
    budget_use,
    husbanken,
    ordering,
    settlement,
    settlement_by_area,
)
from .kpi_stays import (
    MonthlyReportRow,
    TemporaryHousing,
    monthly_report,
    nights_cost,
    over_limit,
    stay_active,
    temporary_housing,
)
from .kpi_stuck import STUCK_RULES, StuckCase, TenancyRisk, stuck_cases, tenancy_risks
from .measures import (
    LOCAL_ZONE,
    add_months,
    check_as_of,
    cutoff,
    median,
    month_end,
    month_start,
    months_back,
)
from .overview import Kpis, kpis
from .projection import project
from .read_model import ReadModel
from .tables import TABLES, Change, Row, merge, primary_key

__all__ = [
    "AGENCY_OF_PRODUCER",
    "BUCKETS",
    "LOCAL_ZONE",
    "STAGES",
    "STEPS",
    "STUCK_RULES",
    "TABLES",
    "UNASSIGNED",
    "BudgetUse",
    "Change",
    "HusbankenFigures",
    "Kpis",
    "MonthlyReportRow",
    "OrderingLine",
    "ReadModel",
    "RenovationKpi",
    "Row",
    "SettlementArea",
    "SettlementYear",
    "StageCase",
    "StepCase",
    "StepTimes",
    "StuckCase",
    "TemporaryHousing",
    "TenancyRisk",
    "Void",
    "VoidSummary",
    "add_months",
    "bucket",
    "budget_use",
    "check_as_of",
    "cutoff",
    "dwelling_id_of",
    "event_date",
    "husbanken",
    "kpis",
    "median",
    "merge",
    "month_end",
    "month_start",
    "monthly_report",
    "months_back",
    "nights_cost",
    "on_waiting_list",
    "ordering",
    "over_limit",
    "person_ref_of",
    "primary_key",
    "project",
    "renovation",
    "settlement",
    "settlement_by_area",
    "short_name",
    "stage_cases",
    "stage_counts",
    "stay_active",
    "step_times",
    "stuck_cases",
    "temporary_housing",
    "tenancy_risks",
    "void_summary",
    "voids",
    "waiting_list",
]
