"""Use cases of the central ordering function: each opens one unit of work, checks the rules, records events.

api.py, handlers.py and main.py use them as `service.<name>`.
"""

from boligflyt.ordering.service.needs import (
    Reported,
    confirm_suggestion,
    dismiss_suggestion,
    get_need,
    list_needs,
    need_out,
    prioritise_need,
    reject_need,
    report_need,
)
from boligflyt.ordering.service.orders import (
    accept_order,
    cancel_order,
    get_order,
    list_orders,
    order_out,
    place_order,
    record_acquisition_stage,
    record_delivery,
)
from boligflyt.ordering.service.programme import create_programme, frame_out, get_programme, set_frame
from boligflyt.ordering.service.reports import programme_report, report_csv
from boligflyt.ordering.service.signal import (
    SIGNAL_ACTOR,
    evaluate_unmet_need,
    leave_waiting_list,
    record_decision,
    record_dwelling,
    record_ready,
    record_renewal_application,
    set_signal_settings,
    unmet_need,
)

__all__ = [
    "SIGNAL_ACTOR",
    "Reported",
    "accept_order",
    "cancel_order",
    "confirm_suggestion",
    "create_programme",
    "dismiss_suggestion",
    "evaluate_unmet_need",
    "frame_out",
    "get_need",
    "get_order",
    "get_programme",
    "leave_waiting_list",
    "list_needs",
    "list_orders",
    "need_out",
    "order_out",
    "place_order",
    "prioritise_need",
    "programme_report",
    "record_acquisition_stage",
    "record_decision",
    "record_delivery",
    "record_dwelling",
    "record_ready",
    "record_renewal_application",
    "reject_need",
    "report_csv",
    "report_need",
    "set_frame",
    "set_signal_settings",
    "unmet_need",
]
