"""Contains endpoint functions for accessing the API"""

from . import (
    dwelling_voids_json,
    flow_cases_json,
    flow_json,
    flow_stage_json,
    kpis_json,
    overview_json,
    report_json,
    reports_json,
    stuck_json,
    trends_json,
)

__all__ = [
    "dwelling_voids_json",
    "flow_cases_json",
    "flow_json",
    "flow_stage_json",
    "kpis_json",
    "overview_json",
    "report_json",
    "reports_json",
    "stuck_json",
    "trends_json",
]
