"""Contains all the data models used in inputs/outputs"""

from .appeal_in import AppealIn
from .applicant_in import ApplicantIn
from .applicant_out import ApplicantOut
from .application_in import ApplicationIn
from .application_kind import ApplicationKind
from .application_out import ApplicationOut
from .application_state import ApplicationState
from .audit_entry import AuditEntry
from .audit_entry_detail_type_0 import AuditEntryDetailType0
from .case_in import CaseIn
from .committee_allocation_in import CommitteeAllocationIn
from .committee_allocation_out import CommitteeAllocationOut
from .consent_in import ConsentIn
from .consent_in_scope_item import ConsentInScopeItem
from .consent_out import ConsentOut
from .consent_revoke_in import ConsentRevokeIn
from .contract_type import ContractType
from .coop_board_answer_in import CoopBoardAnswerIn
from .coop_board_answer_in_answer import CoopBoardAnswerInAnswer
from .coop_board_request_in import CoopBoardRequestIn
from .decision_in import DecisionIn
from .decision_outcome import DecisionOutcome
from .deposit_kind import DepositKind
from .deposit_payment_in import DepositPaymentIn
from .documents_in import DocumentsIn
from .dwelling_out import DwellingOut
from .dwelling_recommendation_out import DwellingRecommendationOut
from .dwelling_status import DwellingStatus
from .end_in import EndIn
from .gates_out import GatesOut
from .gates_out_gates import GatesOutGates
from .household import Household
from .household_member import HouseholdMember
from .household_member_relation import HouseholdMemberRelation
from .leave_list_in import LeaveListIn
from .leave_list_in_reason import LeaveListInReason
from .letter_out import LetterOut
from .meeting_case_out import MeetingCaseOut
from .meeting_in import MeetingIn
from .meeting_out import MeetingOut
from .move_in_in import MoveInIn
from .needs import Needs
from .notice_in import NoticeIn
from .notice_party import NoticeParty
from .offer_answer_in import OfferAnswerIn
from .offer_answer_in_answer import OfferAnswerInAnswer
from .offer_in import OfferIn
from .offer_out import OfferOut
from .offer_state import OfferState
from .ownership_check import OwnershipCheck
from .page_applicant_out import PageApplicantOut
from .page_application_out import PageApplicationOut
from .page_audit_entry import PageAuditEntry
from .page_dwelling_out import PageDwellingOut
from .page_meeting_out import PageMeetingOut
from .page_offer_out import PageOfferOut
from .page_ranked_application import PageRankedApplication
from .page_referral_status import PageReferralStatus
from .page_tenancy_out import PageTenancyOut
from .priority_factor import PriorityFactor
from .problem_details import ProblemDetails
from .ranked_application import RankedApplication
from .recommendation_out import RecommendationOut
from .referral_status import ReferralStatus
from .referrer import Referrer
from .reject_reason import RejectReason
from .renewal_in import RenewalIn
from .stock_import_report import StockImportReport
from .stock_row_rejected import StockRowRejected
from .tenancy_end_reason import TenancyEndReason
from .tenancy_in import TenancyIn
from .tenancy_out import TenancyOut
from .tenancy_state import TenancyState

__all__ = (
    "AppealIn",
    "ApplicantIn",
    "ApplicantOut",
    "ApplicationIn",
    "ApplicationKind",
    "ApplicationOut",
    "ApplicationState",
    "AuditEntry",
    "AuditEntryDetailType0",
    "CaseIn",
    "CommitteeAllocationIn",
    "CommitteeAllocationOut",
    "ConsentIn",
    "ConsentInScopeItem",
    "ConsentOut",
    "ConsentRevokeIn",
    "ContractType",
    "CoopBoardAnswerIn",
    "CoopBoardAnswerInAnswer",
    "CoopBoardRequestIn",
    "DecisionIn",
    "DecisionOutcome",
    "DepositKind",
    "DepositPaymentIn",
    "DocumentsIn",
    "DwellingOut",
    "DwellingRecommendationOut",
    "DwellingStatus",
    "EndIn",
    "GatesOut",
    "GatesOutGates",
    "Household",
    "HouseholdMember",
    "HouseholdMemberRelation",
    "LeaveListIn",
    "LeaveListInReason",
    "LetterOut",
    "MeetingCaseOut",
    "MeetingIn",
    "MeetingOut",
    "MoveInIn",
    "Needs",
    "NoticeIn",
    "NoticeParty",
    "OfferAnswerIn",
    "OfferAnswerInAnswer",
    "OfferIn",
    "OfferOut",
    "OfferState",
    "OwnershipCheck",
    "PageApplicantOut",
    "PageApplicationOut",
    "PageAuditEntry",
    "PageDwellingOut",
    "PageMeetingOut",
    "PageOfferOut",
    "PageRankedApplication",
    "PageReferralStatus",
    "PageTenancyOut",
    "PriorityFactor",
    "ProblemDetails",
    "RankedApplication",
    "RecommendationOut",
    "ReferralStatus",
    "Referrer",
    "RejectReason",
    "RenewalIn",
    "StockImportReport",
    "StockRowRejected",
    "TenancyEndReason",
    "TenancyIn",
    "TenancyOut",
    "TenancyState",
)
