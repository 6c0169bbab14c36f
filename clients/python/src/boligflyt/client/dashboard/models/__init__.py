"""Contains all the data models used in inputs/outputs"""

from .audit_entry import AuditEntry
from .audit_entry_detail_type_0 import AuditEntryDetailType0
from .budget_use import BudgetUse
from .case_page_stage_case import CasePageStageCase
from .case_page_step_case import CasePageStepCase
from .clock import Clock
from .dwelling_figures import DwellingFigures
from .dwelling_figures_dwelling_type_0 import DwellingFiguresDwellingType0
from .flow import Flow
from .flow_stages import FlowStages
from .flow_steps import FlowSteps
from .kpis import Kpis
from .kpis_steps import KpisSteps
from .ordering_line import OrderingLine
from .overview import Overview
from .page_audit_entry import PageAuditEntry
from .problem_details import ProblemDetails
from .renovation_kpi import RenovationKpi
from .renovation_kpi_late_jobs_item import RenovationKpiLateJobsItem
from .report import Report
from .settlement_year import SettlementYear
from .stage_case import StageCase
from .step_case import StepCase
from .step_summary import StepSummary
from .step_summary_buckets import StepSummaryBuckets
from .step_times import StepTimes
from .step_times_buckets import StepTimesBuckets
from .stuck_case import StuckCase
from .temporary_housing import TemporaryHousing
from .trend_point import TrendPoint
from .view import View
from .void import Void
from .void_summary import VoidSummary

__all__ = (
    "AuditEntry",
    "AuditEntryDetailType0",
    "BudgetUse",
    "CasePageStageCase",
    "CasePageStepCase",
    "Clock",
    "DwellingFigures",
    "DwellingFiguresDwellingType0",
    "Flow",
    "FlowStages",
    "FlowSteps",
    "Kpis",
    "KpisSteps",
    "OrderingLine",
    "Overview",
    "PageAuditEntry",
    "ProblemDetails",
    "RenovationKpi",
    "RenovationKpiLateJobsItem",
    "Report",
    "SettlementYear",
    "StageCase",
    "StepCase",
    "StepSummary",
    "StepSummaryBuckets",
    "StepTimes",
    "StepTimesBuckets",
    "StuckCase",
    "TemporaryHousing",
    "TrendPoint",
    "View",
    "Void",
    "VoidSummary",
)
