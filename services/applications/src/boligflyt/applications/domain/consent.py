"""The applicant's written consent to collect information: in force, and revoked once."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

from boligflyt.platform.errors import Conflict, RuleViolation

CONSENT_TO_COLLECT = "collect_information"


def check_consent_to_collect(consents: Iterable[tuple[Collection[str], date | None]]) -> None:
    """An application needs the applicant's written consent to collect information (scope, revoked on), in force."""
    if not any(revoked_on is None and CONSENT_TO_COLLECT in scope for scope, revoked_on in consents):
        raise RuleViolation(
            "the applicant has not signed consent to collect information; record the consent first",
            code="consent_missing",
        )


def revoke_consent(signed_on: date, revoked_on: date | None, on: date) -> date:
    """The day the consent is revoked: once, and not before it was signed."""
    if revoked_on is not None:
        raise Conflict("the consent is already revoked", current_state="revoked")
    if on < signed_on:
        raise RuleViolation("consent cannot be revoked before it was signed", code="revoked_before_signed")
    return on


def check_consent_signed(signed_on: date, today: date) -> None:
    """Consent is recorded once signed: a signature dated in the future is a typo, not a consent in force."""
    if signed_on > today:
        raise RuleViolation(
            f"the consent cannot be signed in the future ({signed_on}, today is {today})",
            code="consent_signed_in_future",
        )
