"""Contains all the data models used in inputs/outputs"""

from .acquisition_method import AcquisitionMethod
from .audit_entry import AuditEntry
from .audit_entry_detail_type_0 import AuditEntryDetailType0
from .budget_line import BudgetLine
from .cancel_order_in import CancelOrderIn
from .confirm_suggestion_in import ConfirmSuggestionIn
from .demand_out import DemandOut
from .dismiss_suggestion_in import DismissSuggestionIn
from .dwelling_category import DwellingCategory
from .frame_in import FrameIn
from .frame_out import FrameOut
from .need_in import NeedIn
from .need_out import NeedOut
from .need_reject_reason import NeedRejectReason
from .need_state import NeedState
from .order_cancel_reason import OrderCancelReason
from .order_in import OrderIn
from .order_out import OrderOut
from .order_state import OrderState
from .over_commit_approval import OverCommitApproval
from .page_audit_entry import PageAuditEntry
from .page_need_out import PageNeedOut
from .page_order_out import PageOrderOut
from .prioritise_in import PrioritiseIn
from .problem_details import ProblemDetails
from .programme_in import ProgrammeIn
from .programme_in_frames_type_0 import ProgrammeInFramesType0
from .programme_out import ProgrammeOut
from .programme_report import ProgrammeReport
from .reject_in import RejectIn
from .report_line import ReportLine
from .reporting_service import ReportingService
from .service_needs import ServiceNeeds
from .signal_settings_in import SignalSettingsIn
from .supplier import Supplier
from .target_group import TargetGroup
from .unmet_need_out import UnmetNeedOut

__all__ = (
    "AcquisitionMethod",
    "AuditEntry",
    "AuditEntryDetailType0",
    "BudgetLine",
    "CancelOrderIn",
    "ConfirmSuggestionIn",
    "DemandOut",
    "DismissSuggestionIn",
    "DwellingCategory",
    "FrameIn",
    "FrameOut",
    "NeedIn",
    "NeedOut",
    "NeedRejectReason",
    "NeedState",
    "OrderCancelReason",
    "OrderIn",
    "OrderOut",
    "OrderState",
    "OverCommitApproval",
    "PageAuditEntry",
    "PageNeedOut",
    "PageOrderOut",
    "PrioritiseIn",
    "ProblemDetails",
    "ProgrammeIn",
    "ProgrammeInFramesType0",
    "ProgrammeOut",
    "ProgrammeReport",
    "RejectIn",
    "ReportLine",
    "ReportingService",
    "ServiceNeeds",
    "SignalSettingsIn",
    "Supplier",
    "TargetGroup",
    "UnmetNeedOut",
)
