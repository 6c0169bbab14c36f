"""LKE's use cases and reads: each use case changes state, records its events and audit rows, and commits once.

Functions taking a `UnitOfWork` run inside a transaction someone else commits (the inbox consumer for the
reactions, the import command for `sync_dwellings`); the others open and commit their own. api.py, handlers.py
and cli.py use them as `service.<name>`.
"""

from boligflyt.maintenance.service.acquisitions import (
    deliver,
    list_projects,
    move_stage,
    on_order_placed,
    open_acquisition,
    read_project,
)
from boligflyt.maintenance.service.dwellings import (
    list_dwellings,
    read_dwelling,
    register_dwelling,
    release_reservation,
    update_dwelling,
    withdraw_dwelling,
)
from boligflyt.maintenance.service.inspections import (
    book_inspection,
    complete_inspection,
    list_inspections,
    read_checklist,
    read_inspection,
    set_checklist,
)
from boligflyt.maintenance.service.reactions import (
    on_allocation_decided,
    on_moved_in,
    on_notice_given,
    on_notice_withdrawn,
    on_offer_answered,
    on_offer_made,
    on_tenancy_ended,
    on_tenancy_signed,
)
from boligflyt.maintenance.service.renovation import (
    change_renovation,
    complete_renovation,
    list_jobs,
    order_renovation,
    read_job,
    start_renovation,
)
from boligflyt.maintenance.service.reports import status_history, void_days
from boligflyt.maintenance.service.sync import sync_batch, sync_dwellings

__all__ = [
    "book_inspection",
    "change_renovation",
    "complete_inspection",
    "complete_renovation",
    "deliver",
    "list_dwellings",
    "list_inspections",
    "list_jobs",
    "list_projects",
    "move_stage",
    "on_allocation_decided",
    "on_moved_in",
    "on_notice_given",
    "on_notice_withdrawn",
    "on_offer_answered",
    "on_offer_made",
    "on_order_placed",
    "on_tenancy_ended",
    "on_tenancy_signed",
    "open_acquisition",
    "order_renovation",
    "read_checklist",
    "read_dwelling",
    "read_inspection",
    "read_job",
    "read_project",
    "register_dwelling",
    "release_reservation",
    "set_checklist",
    "start_renovation",
    "status_history",
    "sync_batch",
    "sync_dwellings",
    "update_dwelling",
    "void_days",
    "withdraw_dwelling",
]
