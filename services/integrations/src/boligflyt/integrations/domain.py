"""Pure rules of the integrations service: event-type patterns and grants, the subscription and delivery
state machines, the retry schedule, and the signing of a webhook (Standard Webhooks, HMAC-SHA256).

No I/O here: times, the catalogue and secrets come in as arguments.
"""

from __future__ import annotations

import base64
import email.utils
import ipaddress
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
    # The receiver answered 410 Gone: it says the endpoint no longer exists, so nothing more is sent until
    # its owner resumes it (Standard Webhooks: disable the endpoint).
    RECEIVER_GONE = "receiver_gone"


def check_can_pause(status: SubscriptionStatus) -> None:
    if status is not SubscriptionStatus.ACTIVE:
        raise Conflict("the subscription is already paused", current_state=status.value)


def check_can_resume(status: SubscriptionStatus) -> None:
    if status is not SubscriptionStatus.PAUSED:
        raise Conflict("only a paused subscription can be resumed", current_state=status.value)


@dataclass(frozen=True)
class RetiredSecret:
    """A secret replaced by a rotation, still signing beside the current one until `expires_at`."""

    sealed: str
    expires_at: datetime


# At most this many retired secrets sign beside the current one: each signature costs the receiver a check.
MAX_RETIRED_SECRETS = 5


def secrets_after_rotation(
    retired: Sequence[RetiredSecret], current: str, now: datetime, grace: timedelta
) -> list[RetiredSecret]:
    """The retired secrets once `current` is rotated out: each one before keeps its own grace period (a second
    rotation within the first's grace does not cut the first one short); expired ones are dropped."""
    kept = [secret for secret in retired if secret.expires_at > now]
    kept.append(RetiredSecret(sealed=current, expires_at=now + grace))
    return kept[-MAX_RETIRED_SECRETS:]


def secrets_in_force(retired: Sequence[RetiredSecret], now: datetime) -> list[RetiredSecret]:
    """The retired secrets still signing at `now`, newest first."""
    return [secret for secret in reversed(retired) if secret.expires_at > now]


def new_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def check_url(url: str, *, production: bool) -> str:
    """A receiver URL by its spelling: http(s) with a host; only https in production (the body is signed, not
    encrypted). Where its host leads is checked by address, at registration and at every delivery
    (`check_addresses`)."""
    match = re.fullmatch(r"(https?)://([^/\s?#]+)([^\s]*)", url)
    if match is None:
        raise RuleViolation(f"{url!r} is not an http(s) URL", code="invalid-url")
    if production and match.group(1) != "https":
        raise RuleViolation("receivers must use https", code="insecure-url")
    if "@" in match.group(2):
        raise RuleViolation("a receiver URL must not carry credentials", code="invalid-url")
    if production and _internal_host(match.group(2)):
        raise _internal()
    return url


def _internal() -> RuleViolation:
    # The same answer whatever the address: the integrator learns nothing of our network from it.
    return RuleViolation("a receiver must be reachable on the internet, not an internal address", code="internal-url")


def _internal_host(netloc: str) -> bool:
    """A localhost name or an internal address literal, refused before any lookup (`localhost.` included)."""
    host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return not globally_routable(ipaddress.ip_address(host))
    except ValueError:
        return False  # a name (or a spelling only a resolver reads): checked by the addresses it resolves to


# NAT64's well-known prefix (RFC 6052) carries an IPv4 address in its last 32 bits.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def globally_routable(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Reachable on the internet: not loopback, private, link-local, carrier-grade NAT (100.64/10), reserved,
    unspecified, documentation or multicast. An IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64)
    is judged by the IPv4 address it leads to."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return globally_routable(embedded)
    return address.is_global and not address.is_multicast


def check_addresses(addresses: Sequence[str], *, production: bool) -> str:
    """The address to connect to (the resolver's first) once every address the host resolved to was checked:
    in production each must be globally routable, since the integrator's DNS chooses which one a connection
    gets. In development and tests anything goes (receivers run on this machine)."""
    if not addresses:
        raise RuleViolation("the receiver's host does not resolve to an address", code="unresolvable-url")
    if production:
        for address in addresses:
            try:
                parsed = ipaddress.ip_address(address)
            except ValueError as exc:
                raise _internal() from exc
            if not globally_routable(parsed):
                raise _internal()
    return addresses[0]


# --- deliveries ----------------------------------------------------------------------------------------


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its turn or its next attempt
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # gave up after the retry schedule; the subscription was paused


# About a day: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the attempts before (Svix's schedule).
DEFAULT_RETRY_SCHEDULE: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)


# A delay is drawn from [delay * (1 - JITTER), delay * (1 + JITTER)]: receivers that failed together (an
# outage) are not all tried again in the same second.
DEFAULT_JITTER = 0.2


@dataclass(frozen=True)
class RetrySchedule:
    """Seconds to wait after the n-th failed attempt, each spread by +-`jitter` of itself; after the last one
    the delivery has failed for good. The delays grow (exponential backoff); jitter keeps them apart."""

    delays: tuple[float, ...] = DEFAULT_RETRY_SCHEDULE
    jitter: float = DEFAULT_JITTER

    @property
    def window(self) -> timedelta:
        return timedelta(seconds=sum(self.delays))

    def bounds(self, attempts: int) -> tuple[float, float] | None:
        """The least and most seconds to wait after `attempts` failed attempts; None when the schedule is spent."""
        if attempts < 1:
            raise ValueError("attempts counts the failed attempts so far: at least 1")
        if attempts > len(self.delays):
            return None
        delay = self.delays[attempts - 1]
        return delay * (1 - self.jitter), delay * (1 + self.jitter)

    def next_attempt(
        self, attempts: int, now: datetime, uniform: Callable[[float, float], float] | None = None
    ) -> datetime | None:
        """When to try again after `attempts` failed attempts, or None when the schedule is spent.

        `uniform(a, b)` draws the jittered delay (`random.uniform`); without it, the delay as scheduled."""
        bounds = self.bounds(attempts)
        if bounds is None:
            return None
        delay = uniform(*bounds) if uniform is not None else self.delays[attempts - 1]
        return now + timedelta(seconds=delay)


@dataclass(frozen=True)
class PolicyBounds:
    """What the operator lets a subscription choose for itself."""

    min_timeout_seconds: float = 15.0
    max_timeout_seconds: float = 30.0
    min_retry_delay_seconds: float = 1.0
    max_retry_delay_seconds: float = 86400.0
    max_retry_attempts: int = 12


def check_delivery_policy(
    retry_schedule_seconds: Sequence[float] | None, timeout_seconds: float | None, bounds: PolicyBounds
) -> None:
    """A subscription's own retry schedule and timeout, each within the operator's bounds (422 otherwise)."""
    if timeout_seconds is not None and not (
        bounds.min_timeout_seconds <= timeout_seconds <= bounds.max_timeout_seconds
    ):
        raise RuleViolation(
            f"timeout_seconds must be between {bounds.min_timeout_seconds:g} and {bounds.max_timeout_seconds:g}",
            code="policy-out-of-bounds",
        )
    if retry_schedule_seconds is None:
        return
    if not 1 <= len(retry_schedule_seconds) <= bounds.max_retry_attempts:
        raise RuleViolation(
            f"retry_schedule_seconds holds 1 to {bounds.max_retry_attempts} delays", code="policy-out-of-bounds"
        )
    for delay in retry_schedule_seconds:
        if not bounds.min_retry_delay_seconds <= delay <= bounds.max_retry_delay_seconds:
            raise RuleViolation(
                f"each retry delay must be between {bounds.min_retry_delay_seconds:g} and "
                f"{bounds.max_retry_delay_seconds:g} seconds",
                code="policy-out-of-bounds",
            )
    if list(retry_schedule_seconds) != sorted(retry_schedule_seconds):
        raise RuleViolation("retry delays must not shrink (backoff)", code="policy-out-of-bounds")


# Statuses with which a receiver may say when to come back (RFC 9110: Retry-After).
RETRY_AFTER_STATUSES = frozenset({429, 503})


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A `Retry-After` header as seconds from `now`: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - now).total_seconds())


def check_replay_range(
    since: datetime | None, until: datetime | None, from_event_id: str | None, now: datetime, max_range: timedelta
) -> tuple[datetime | None, datetime]:
    """A replay asks for a time range (`since` .. `until`, until defaulting to now) or everything from one
    event on; never both, and a range no longer than the operator allows."""
    if (since is None) == (from_event_id is None):
        raise RuleViolation("give either `since` (with an optional `until`) or `from_event_id`", code="invalid-replay")
    until = until or now
    if since is not None:
        if since >= until:
            raise RuleViolation("`since` must be before `until`", code="invalid-replay")
        if until - since > max_range:
            raise RuleViolation(f"a replay covers at most {max_range}; ask for shorter ranges", code="replay-too-large")
    return since, until


@dataclass(frozen=True)
class AttemptOutcome:
    """What one HTTP attempt gave: a 2xx is success, anything else (or no answer) a failure to retry."""

    status_code: int | None
    error: str | None
    latency_ms: int
    retry_after: float | None = None  # seconds the receiver asked us to wait (429 or 503 with Retry-After)

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        """410 Gone: the receiver says the endpoint is no more; its subscription is disabled at once."""
        return self.status_code == 410


def failure_reason(outcome: AttemptOutcome) -> str:
    if outcome.error:
        return outcome.error
    return f"receiver answered HTTP {outcome.status_code}"
