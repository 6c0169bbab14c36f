"""NAV's use cases: each opens one unit of work, changes state, records events and audit rows, commits once.

api.py, handlers.py and main.py use them as `service.<name>`.
"""

from boligflyt.temporary_housing.service.providers import (
    add_agreement,
    agreement_out,
    provider_out,
    register_provider,
    remind_renegotiation,
    terminate_agreement,
)
from boligflyt.temporary_housing.service.reactions import (
    complete_task,
    on_allocation,
    on_application_decided,
    on_application_submitted,
    on_moved_in,
    on_offer_declined,
)
from boligflyt.temporary_housing.service.reports import monthly_report, report_facts
from boligflyt.temporary_housing.service.settlement import (
    adopt_quota,
    announce_settlement,
    close_establishment_phases,
    finish_establishment,
    link_settlement_application,
    order_housing,
    quota_out,
    quota_progress,
    request_quota,
    settlement_out,
    tick_checklist,
)
from boligflyt.temporary_housing.service.stays import (
    add_absence,
    check_limits,
    end_stay,
    link_application,
    move_stay,
    start_stay,
    stay_out,
    stays_by_days,
)

__all__ = [
    "add_absence",
    "add_agreement",
    "adopt_quota",
    "agreement_out",
    "announce_settlement",
    "check_limits",
    "close_establishment_phases",
    "complete_task",
    "end_stay",
    "finish_establishment",
    "link_application",
    "link_settlement_application",
    "monthly_report",
    "move_stay",
    "on_allocation",
    "on_application_decided",
    "on_application_submitted",
    "on_moved_in",
    "on_offer_declined",
    "order_housing",
    "provider_out",
    "quota_out",
    "quota_progress",
    "register_provider",
    "remind_renegotiation",
    "report_facts",
    "request_quota",
    "settlement_out",
    "start_stay",
    "stay_out",
    "stays_by_days",
    "terminate_agreement",
    "tick_checklist",
]
