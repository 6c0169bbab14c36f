"""Boligkontoret's use cases: each opens one unit of work, checks the rules (domain.py), changes state, records
events and audit rows, and commits once; and the reads the API lists and shows. Nothing here knows about HTTP.

api.py, handlers.py, main.py and the tests use them as `service.<name>`.
"""

from boligflyt.applications.service.applicants import (
    get_applicant,
    list_applicants,
    record_consent,
    register_applicant,
    revoke_consent,
)
from boligflyt.applications.service.applications import (
    appeal,
    check_completeness,
    get_application,
    get_letter,
    get_referral,
    leave_list,
    letters_of,
    list_applications,
    list_referrals,
    submit_application,
)
from boligflyt.applications.service.committee import add_case, create_meeting, decide, get_meeting, list_meetings
from boligflyt.applications.service.dwellings import (
    dwelling_ready,
    dwelling_registered,
    dwelling_status,
    get_dwelling,
    list_dwellings,
    upsert_dwelling,
)
from boligflyt.applications.service.offers import answer_offer, expire_offers, get_offer, list_offers, make_offer
from boligflyt.applications.service.tenancies import (
    end_tenancy,
    get_tenancy,
    give_notice,
    list_tenancies,
    move_in,
    remind_tenancy_ends,
    renew,
    sign_tenancy,
    withdraw_notice,
)
from boligflyt.applications.service.waiting_list import candidates, dwelling_matches, waiting_list_page

__all__ = [
    "add_case",
    "answer_offer",
    "appeal",
    "candidates",
    "check_completeness",
    "create_meeting",
    "decide",
    "dwelling_matches",
    "dwelling_ready",
    "dwelling_registered",
    "dwelling_status",
    "end_tenancy",
    "expire_offers",
    "get_applicant",
    "get_application",
    "get_dwelling",
    "get_letter",
    "get_meeting",
    "get_offer",
    "get_referral",
    "get_tenancy",
    "give_notice",
    "leave_list",
    "letters_of",
    "list_applicants",
    "list_applications",
    "list_dwellings",
    "list_meetings",
    "list_offers",
    "list_referrals",
    "list_tenancies",
    "make_offer",
    "move_in",
    "record_consent",
    "register_applicant",
    "remind_tenancy_ends",
    "renew",
    "revoke_consent",
    "sign_tenancy",
    "submit_application",
    "upsert_dwelling",
    "waiting_list_page",
    "withdraw_notice",
]
