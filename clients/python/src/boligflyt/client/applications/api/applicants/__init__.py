"""Contains endpoint functions for accessing the API"""

from . import get_applicant, list_applicants, record_consent, register_applicant, revoke_consent

__all__ = [
    "get_applicant",
    "list_applicants",
    "record_consent",
    "register_applicant",
    "revoke_consent",
]
