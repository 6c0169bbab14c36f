"""Pure rules of the integrations service: event-type patterns and grants, the subscription and delivery
state machines, the retry schedule, and the signing of a webhook (Standard Webhooks, HMAC-SHA256).

No I/O here: times, the catalogue and secrets come in as arguments.
"""

from __future__ import annotations

import base64
import ipaddress
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from boligflyt.platform.errors import Conflict, Forbidden, RuleViolation

EVENT_TYPE_PREFIX = "no.larvik.boligflyt."
# An integrator's token grants event types with scopes `events:read:<pattern>`.
READ_SCOPE_PREFIX = "events:read:"
# The property system's export may be pushed by an integrator holding this scope.
PROPERTY_IMPORT_SCOPE = "property-import:write"

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32

_PATTERN_SHAPE = re.compile(r"^[a-z0-9_.*]+$")


# --- event-type patterns -------------------------------------------------------------------------------


def normalise_pattern(pattern: str) -> str:
    """`tenancy.*` -> `no.larvik.boligflyt.tenancy.*`; `*` stays `*` (everything); full types stay as they are.

    `*` matches any run of characters, dots included, so `tenancy.*` covers every tenancy event of every
    version and `*.v1` every first version.
    """
    pattern = pattern.strip()
    if not pattern or not _PATTERN_SHAPE.fullmatch(pattern):
        raise RuleViolation(
            f"event type pattern {pattern!r} may only hold lower-case letters, digits, '_', '.' and '*'",
            code="invalid-pattern",
        )
    if pattern == "*" or pattern.startswith(EVENT_TYPE_PREFIX):
        return pattern
    return EVENT_TYPE_PREFIX + pattern


def pattern_matches(pattern: str, event_type: str) -> bool:
    regex = "^" + ".*".join(re.escape(part) for part in normalise_pattern(pattern).split("*")) + "$"
    return re.match(regex, event_type) is not None


def matching_types(patterns: Iterable[str], catalogue: Iterable[str]) -> set[str]:
    patterns = list(patterns)
    return {event_type for event_type in catalogue if any(pattern_matches(p, event_type) for p in patterns)}


def granted_patterns(scopes: Iterable[str]) -> list[str]:
    """The event-type patterns a token's scopes grant (`events:read:<pattern>`), malformed ones left out."""
    granted = []
    for scope in scopes:
        if scope.startswith(READ_SCOPE_PREFIX):
            pattern = scope.removeprefix(READ_SCOPE_PREFIX)
            try:
                granted.append(normalise_pattern(pattern))
            except RuleViolation:
                continue
    return granted


def granted_types(scopes: Iterable[str], catalogue: Iterable[str]) -> set[str]:
    return matching_types(granted_patterns(scopes), catalogue)


def check_subscription_patterns(patterns: Sequence[str], scopes: Iterable[str], catalogue: Iterable[str]) -> set[str]:
    """The event types a subscription to `patterns` would receive; refuses what matches nothing or what the
    token does not grant (an integrator sees only the event types it was granted)."""
    catalogue = sorted(catalogue)
    if not patterns:
        raise RuleViolation("a subscription needs at least one event type pattern", code="no-patterns")
    normalised = [normalise_pattern(p) for p in patterns]
    for pattern in normalised:
        if not matching_types([pattern], catalogue):
            raise RuleViolation(
                f"event type pattern {pattern!r} matches no event type of the catalogue", code="unknown-event-type"
            )
    wanted = matching_types(normalised, catalogue)
    not_granted = sorted(wanted - granted_types(scopes, catalogue))
    if not_granted:
        raise Forbidden(
            "the token does not grant every event type the patterns match",
            extra={"not_granted": not_granted, "scope_format": READ_SCOPE_PREFIX + "<pattern>"},
        )
    return wanted


def subscribed(event_type: str, patterns: Iterable[str], granted: Iterable[str]) -> bool:
    """Does a subscription with these patterns, registered under this grant, receive `event_type`?"""
    return any(pattern_matches(p, event_type) for p in patterns) and any(
        pattern_matches(g, event_type) for g in granted
    )


# --- subscriptions -------------------------------------------------------------------------------------


class SubscriptionStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"


class PausedBy(StrEnum):
    OWNER = "owner"
    DELIVERY_FAILURES = "delivery_failures"


def check_can_pause(status: SubscriptionStatus) -> None:
    if status is not SubscriptionStatus.ACTIVE:
        raise Conflict("the subscription is already paused", current_state=status.value)


def check_can_resume(status: SubscriptionStatus) -> None:
    if status is not SubscriptionStatus.PAUSED:
        raise Conflict("only a paused subscription can be resumed", current_state=status.value)


def new_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def check_url(url: str, *, production: bool) -> str:
    """A receiver URL: http(s) with a host; only https in production (the body is signed, not encrypted)."""
    match = re.fullmatch(r"(https?)://([^/\s?#]+)([^\s]*)", url)
    if match is None:
        raise RuleViolation(f"{url!r} is not an http(s) URL", code="invalid-url")
    if production and match.group(1) != "https":
        raise RuleViolation("receivers must use https", code="insecure-url")
    if "@" in match.group(2):
        raise RuleViolation("a receiver URL must not carry credentials", code="invalid-url")
    if production and _internal_host(match.group(2)):
        raise RuleViolation(
            "a receiver must be reachable on the internet, not an internal address", code="internal-url"
        )
    return url


def _internal_host(netloc: str) -> bool:
    """Loopback, private or link-local literals and localhost: in production nobody's receiver lives there,
    and letting an integrator aim our requests at them would open the internal network to it."""
    host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_reserved


# --- deliveries ----------------------------------------------------------------------------------------


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its turn or its next attempt
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # gave up after the retry schedule; the subscription was paused


# About a day: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the attempts before (Svix's schedule).
DEFAULT_RETRY_SCHEDULE: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)


@dataclass(frozen=True)
class RetrySchedule:
    """Seconds to wait after the n-th failed attempt; after the last one the delivery has failed for good."""

    delays: tuple[float, ...] = DEFAULT_RETRY_SCHEDULE

    @property
    def window(self) -> timedelta:
        return timedelta(seconds=sum(self.delays))

    def next_attempt(self, attempts: int, now: datetime) -> datetime | None:
        """When to try again after `attempts` failed attempts, or None when the schedule is spent."""
        if attempts < 1:
            raise ValueError("attempts counts the failed attempts so far: at least 1")
        if attempts > len(self.delays):
            return None
        return now + timedelta(seconds=self.delays[attempts - 1])


@dataclass(frozen=True)
class AttemptOutcome:
    """What one HTTP attempt gave: a 2xx is success, anything else (or no answer) a failure to retry."""

    status_code: int | None
    error: str | None
    latency_ms: int

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def failure_reason(outcome: AttemptOutcome) -> str:
    if outcome.error:
        return outcome.error
    return f"receiver answered HTTP {outcome.status_code}"
