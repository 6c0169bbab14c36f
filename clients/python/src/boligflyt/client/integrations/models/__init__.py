"""Contains all the data models used in inputs/outputs"""

from .attempt import Attempt
from .audit_entry import AuditEntry
from .audit_entry_detail_type_0 import AuditEntryDetailType0
from .delivery import Delivery
from .delivery_detail import DeliveryDetail
from .delivery_status import DeliveryStatus
from .event_type import EventType
from .import_rejection import ImportRejection
from .import_report import ImportReport
from .page_audit_entry import PageAuditEntry
from .page_delivery import PageDelivery
from .page_subscription import PageSubscription
from .pause_in import PauseIn
from .paused_by import PausedBy
from .ping import Ping
from .problem_details import ProblemDetails
from .redrive import Redrive
from .replay import Replay
from .replay_in import ReplayIn
from .rotated_secret import RotatedSecret
from .subscription import Subscription
from .subscription_in import SubscriptionIn
from .subscription_patch import SubscriptionPatch
from .subscription_status import SubscriptionStatus
from .subscription_with_secret import SubscriptionWithSecret

__all__ = (
    "Attempt",
    "AuditEntry",
    "AuditEntryDetailType0",
    "Delivery",
    "DeliveryDetail",
    "DeliveryStatus",
    "EventType",
    "ImportRejection",
    "ImportReport",
    "PageAuditEntry",
    "PageDelivery",
    "PageSubscription",
    "PauseIn",
    "PausedBy",
    "Ping",
    "ProblemDetails",
    "Redrive",
    "Replay",
    "ReplayIn",
    "RotatedSecret",
    "Subscription",
    "SubscriptionIn",
    "SubscriptionPatch",
    "SubscriptionStatus",
    "SubscriptionWithSecret",
)
