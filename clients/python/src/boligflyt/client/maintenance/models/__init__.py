"""Contains all the data models used in inputs/outputs"""

from .acquired_via import AcquiredVia
from .acquisition_method import AcquisitionMethod
from .acquisition_open import AcquisitionOpen
from .acquisition_out import AcquisitionOut
from .acquisition_out_stages_item import AcquisitionOutStagesItem
from .acquisition_stage import AcquisitionStage
from .audit_entry import AuditEntry
from .audit_entry_detail_type_0 import AuditEntryDetailType0
from .checklist_answer import ChecklistAnswer
from .checklist_in import ChecklistIn
from .checklist_item_in import ChecklistItemIn
from .checklist_out import ChecklistOut
from .delivered_dwelling import DeliveredDwelling
from .delivery import Delivery
from .dwelling_batch import DwellingBatch
from .dwelling_batch_dwellings_item import DwellingBatchDwellingsItem
from .dwelling_category import DwellingCategory
from .dwelling_create import DwellingCreate
from .dwelling_out import DwellingOut
from .dwelling_owner import DwellingOwner
from .dwelling_status import DwellingStatus
from .dwelling_update import DwellingUpdate
from .initial_status import InitialStatus
from .inspection_book import InspectionBook
from .inspection_out import InspectionOut
from .inspection_result import InspectionResult
from .inspection_trigger import InspectionTrigger
from .page_acquisition_out import PageAcquisitionOut
from .page_audit_entry import PageAuditEntry
from .page_dwelling_out import PageDwellingOut
from .page_inspection_out import PageInspectionOut
from .page_renovation_job_out import PageRenovationJobOut
from .payer import Payer
from .problem_details import ProblemDetails
from .readiness import Readiness
from .rejected_row import RejectedRow
from .renovation_change import RenovationChange
from .renovation_completion import RenovationCompletion
from .renovation_job_out import RenovationJobOut
from .renovation_kind import RenovationKind
from .renovation_order import RenovationOrder
from .renovation_start import RenovationStart
from .stage_move import StageMove
from .status_change_out import StatusChangeOut
from .sync_report import SyncReport
from .void_days_out import VoidDaysOut
from .void_period_out import VoidPeriodOut
from .withdrawal import Withdrawal
from .withdrawal_reason import WithdrawalReason

__all__ = (
    "AcquiredVia",
    "AcquisitionMethod",
    "AcquisitionOpen",
    "AcquisitionOut",
    "AcquisitionOutStagesItem",
    "AcquisitionStage",
    "AuditEntry",
    "AuditEntryDetailType0",
    "ChecklistAnswer",
    "ChecklistIn",
    "ChecklistItemIn",
    "ChecklistOut",
    "DeliveredDwelling",
    "Delivery",
    "DwellingBatch",
    "DwellingBatchDwellingsItem",
    "DwellingCategory",
    "DwellingCreate",
    "DwellingOut",
    "DwellingOwner",
    "DwellingStatus",
    "DwellingUpdate",
    "InitialStatus",
    "InspectionBook",
    "InspectionOut",
    "InspectionResult",
    "InspectionTrigger",
    "PageAcquisitionOut",
    "PageAuditEntry",
    "PageDwellingOut",
    "PageInspectionOut",
    "PageRenovationJobOut",
    "Payer",
    "ProblemDetails",
    "Readiness",
    "RejectedRow",
    "RenovationChange",
    "RenovationCompletion",
    "RenovationJobOut",
    "RenovationKind",
    "RenovationOrder",
    "RenovationStart",
    "StageMove",
    "StatusChangeOut",
    "SyncReport",
    "VoidDaysOut",
    "VoidPeriodOut",
    "Withdrawal",
    "WithdrawalReason",
)
