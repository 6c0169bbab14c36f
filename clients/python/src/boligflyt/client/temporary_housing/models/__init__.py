"""Contains all the data models used in inputs/outputs"""

from .absence_in import AbsenceIn
from .absence_out import AbsenceOut
from .agreement_in import AgreementIn
from .agreement_out import AgreementOut
from .application_link_in import ApplicationLinkIn
from .audit_entry import AuditEntry
from .audit_entry_detail_type_0 import AuditEntryDetailType0
from .case_entry_out import CaseEntryOut
from .case_entry_out_detail_type_0 import CaseEntryOutDetailType0
from .case_list_item import CaseListItem
from .case_out import CaseOut
from .case_state import CaseState
from .checklist_in import ChecklistIn
from .closure_warning_out import ClosureWarningOut
from .dwelling_out import DwellingOut
from .end_in import EndIn
from .guarantee_decision import GuaranteeDecision
from .guarantee_in import GuaranteeIn
from .guarantee_out import GuaranteeOut
from .housing_order_in import HousingOrderIn
from .month_row_out import MonthRowOut
from .monthly_report_format import MonthlyReportFormat
from .monthly_report_out import MonthlyReportOut
from .move_in import MoveIn
from .move_out import MoveOut
from .page_audit_entry import PageAuditEntry
from .page_case_list_item import PageCaseListItem
from .page_provider_out import PageProviderOut
from .page_settlement_out import PageSettlementOut
from .page_stay_out import PageStayOut
from .page_task_out import PageTaskOut
from .person_in import PersonIn
from .person_out import PersonOut
from .problem_details import ProblemDetails
from .provider_in import ProviderIn
from .provider_kind import ProviderKind
from .provider_out import ProviderOut
from .quota_adopt_in import QuotaAdoptIn
from .quota_in import QuotaIn
from .quota_month_out import QuotaMonthOut
from .quota_out import QuotaOut
from .quota_progress_out import QuotaProgressOut
from .seasonal_closure_in import SeasonalClosureIn
from .seasonal_closure_out import SeasonalClosureOut
from .settled_area_out import SettledAreaOut
from .settlement_application_in import SettlementApplicationIn
from .settlement_by_area_out import SettlementByAreaOut
from .settlement_category import SettlementCategory
from .settlement_in import SettlementIn
from .settlement_origin import SettlementOrigin
from .settlement_out import SettlementOut
from .settlement_out_checklist_done import SettlementOutChecklistDone
from .settlement_state import SettlementState
from .stay_by_days import StayByDays
from .stay_cause import StayCause
from .stay_end_reason import StayEndReason
from .stay_in import StayIn
from .stay_out import StayOut
from .stay_state import StayState
from .task_dismiss_in import TaskDismissIn
from .task_out import TaskOut
from .task_out_detail_type_0 import TaskOutDetailType0
from .task_status import TaskStatus
from .termination_in import TerminationIn

__all__ = (
    "AbsenceIn",
    "AbsenceOut",
    "AgreementIn",
    "AgreementOut",
    "ApplicationLinkIn",
    "AuditEntry",
    "AuditEntryDetailType0",
    "CaseEntryOut",
    "CaseEntryOutDetailType0",
    "CaseListItem",
    "CaseOut",
    "CaseState",
    "ChecklistIn",
    "ClosureWarningOut",
    "DwellingOut",
    "EndIn",
    "GuaranteeDecision",
    "GuaranteeIn",
    "GuaranteeOut",
    "HousingOrderIn",
    "MonthRowOut",
    "MonthlyReportFormat",
    "MonthlyReportOut",
    "MoveIn",
    "MoveOut",
    "PageAuditEntry",
    "PageCaseListItem",
    "PageProviderOut",
    "PageSettlementOut",
    "PageStayOut",
    "PageTaskOut",
    "PersonIn",
    "PersonOut",
    "ProblemDetails",
    "ProviderIn",
    "ProviderKind",
    "ProviderOut",
    "QuotaAdoptIn",
    "QuotaIn",
    "QuotaMonthOut",
    "QuotaOut",
    "QuotaProgressOut",
    "SeasonalClosureIn",
    "SeasonalClosureOut",
    "SettledAreaOut",
    "SettlementApplicationIn",
    "SettlementByAreaOut",
    "SettlementCategory",
    "SettlementIn",
    "SettlementOrigin",
    "SettlementOut",
    "SettlementOutChecklistDone",
    "SettlementState",
    "StayByDays",
    "StayCause",
    "StayEndReason",
    "StayIn",
    "StayOut",
    "StayState",
    "TaskDismissIn",
    "TaskOut",
    "TaskOutDetailType0",
    "TaskStatus",
    "TerminationIn",
)
