"""Temporary stays (sosialtjenesteloven § 27): the stay's states, absences, nights and cost, moves, the end, the
link to the housing application, and the 3-month rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import StayEndReason
from boligflyt.platform.errors import Conflict, RuleViolation


class StayState(StrEnum):
    STARTED = "started"
    ALLOCATED = "allocated"  # a dwelling is allocated, the person awaits move-in
    ENDED = "ended"


ACTIVE_STATES = (StayState.STARTED.value, StayState.ALLOCATED.value)

TRANSITIONS: dict[StayState, frozenset[StayState]] = {
    StayState.STARTED: frozenset({StayState.ALLOCATED, StayState.ENDED}),
    StayState.ALLOCATED: frozenset({StayState.ENDED}),
    StayState.ENDED: frozenset(),
}


def transition(current: StayState, target: StayState) -> StayState:
    if target not in TRANSITIONS[current]:
        raise Conflict(f"a stay that is {current} cannot become {target}", current_state=str(current))
    return target


@dataclass(frozen=True)
class Absence:
    """Nights away from `first_night` up to (not including) `returned_on`; only absences over one day are
    reported, and those nights are not paid (the template quality agreement)."""

    first_night: date
    returned_on: date

    @property
    def nights(self) -> int:
        return (self.returned_on - self.first_night).days


def check_absence(absence: Absence, start: date, end: date | None, others: Iterable[Absence]) -> None:
    if absence.returned_on <= absence.first_night:
        raise RuleViolation("an absence ends after it starts", code="absence_ends_before_start")
    if absence.nights <= 1:
        raise RuleViolation(
            "only absences over one day are reported; a single night away is paid as used", code="absence_too_short"
        )
    if absence.first_night < start or (end is not None and absence.returned_on > end):
        raise RuleViolation("an absence must lie within the stay", code="absence_outside_stay")
    for other in others:
        if absence.first_night < other.returned_on and other.first_night < absence.returned_on:
            raise RuleViolation("the absence overlaps one already reported", code="absence_overlaps")


def nights_in(start: date, end: date, absences: Iterable[Absence], window_start: date, window_end: date) -> int:
    """Nights used of the stay [start, end) that fall in [window_start, window_end), absences left out."""
    lo, hi = max(start, window_start), min(end, window_end)
    total = max(0, (hi - lo).days)
    for absence in absences:
        a_lo, a_hi = max(absence.first_night, lo), min(absence.returned_on, hi)
        total -= max(0, (a_hi - a_lo).days)
    return total


def nights_used(start: date, end: date, absences: Iterable[Absence]) -> int:
    return nights_in(start, end, absences, start, end)


def stay_cost(nights: int, price_per_night: int) -> int:
    """NAV pays per night actually used."""
    return nights * price_per_night


@dataclass(frozen=True)
class PricePeriod:
    """From `first_night` on, the person sleeps at a provider at this price (a move changes it)."""

    first_night: date
    price_per_night: int


def cost_in(
    start: date,
    end: date,
    absences: Iterable[Absence],
    prices: Sequence[PricePeriod],
    window_start: date,
    window_end: date,
) -> int:
    """What the nights used in [window_start, window_end) cost, each at the price of the place slept in."""
    absences = tuple(absences)
    ordered = sorted(prices, key=lambda p: p.first_night)
    total = 0
    for index, period in enumerate(ordered):
        period_end = ordered[index + 1].first_night if index + 1 < len(ordered) else end
        lo, hi = max(window_start, period.first_night), min(window_end, period_end)
        if hi > lo:
            total += stay_cost(nights_in(start, end, absences, lo, hi), period.price_per_night)
    return total


def check_move(start: date, end: date | None, changed_on: date, prices: Sequence[PricePeriod]) -> None:
    latest = max(p.first_night for p in prices) if prices else start
    if changed_on <= latest:
        raise RuleViolation(
            f"a move to another provider must come after the stay started or last moved ({latest})",
            code="move_before_latest_placement",
        )
    if end is not None:
        raise Conflict("the stay has ended", current_state="ended")


# A stay ends when the person leaves, recorded then or a few days before (a move-in Boligkontoret records ahead
# of a weekend); a later end is a plan, and the nights up to it would be paid as used.
STAY_END_DAYS_AHEAD = 7


def check_end(start: date, end: date, today: date) -> None:
    """A stay ends on or after its start, and not more than a few days after today."""
    if end < start:
        raise RuleViolation(f"a stay cannot end ({end}) before it starts ({start})", code="stay_ends_before_start")
    latest = today + timedelta(days=STAY_END_DAYS_AHEAD)
    if end > latest:
        raise RuleViolation(
            f"a stay ends when the person leaves, recorded at most {STAY_END_DAYS_AHEAD} days ahead (until "
            f"{latest}), not on {end}",
            code="stay_ends_too_far_ahead",
        )


def check_other_provider(current_provider_id: str, provider_id: str) -> None:
    if provider_id == current_provider_id:
        raise Conflict("the person already stays with that provider", current_state="same_provider")


def check_end_after_absences(end: date, absences: Iterable[Absence]) -> None:
    """A caseworker ending a stay is told of an absence reaching past the end (a move-in reported by
    Boligkontoret is a fact instead: nights away after it are simply not counted)."""
    if any(a.returned_on > end for a in absences):
        raise RuleViolation("the stay cannot end before a reported absence ends", code="end_within_absence")


def check_end_reason(reason: StayEndReason, tenancy_id: str | None) -> None:
    if reason is StayEndReason.PERMANENT_HOUSING and tenancy_id is None:
        raise RuleViolation("a stay ended by permanent housing names the tenancy", code="tenancy_id_missing")


def check_consent_signed(signed_on: date | None, today: date) -> None:
    """The consent NAV records with the application it submits is signed already, not in the future."""
    if signed_on is not None and signed_on > today:
        raise RuleViolation(
            f"the consent cannot be signed in the future ({signed_on}, today is {today})",
            code="consent_signed_in_future",
        )


def check_application_link(linked: str | None, state: StayState, application_id: str | None) -> None:
    """A stay is linked to one housing application, and not after it ended. `application_id` None: one
    NAV is about to submit."""
    if linked is not None and linked != application_id:
        raise Conflict(f"the stay is already linked to application {linked}", current_state="application_linked")
    if state is StayState.ENDED:
        raise Conflict("the stay has ended", current_state="ended")


def check_application_person(application_person_ref: str | None, stay_person_ref: str, application_id: str) -> None:
    """A stay is linked only to an application Boligkontoret registered, for the person in the stay
    (`application_person_ref`: the application's person as its `application.submitted` said; None: unknown)."""
    if application_person_ref is None:
        raise RuleViolation(
            f"application {application_id} is not known: Boligkontoret has not registered it (or its registration "
            "has not reached NAV yet)",
            code="unknown_application",
        )
    if application_person_ref != stay_person_ref:
        raise RuleViolation(
            f"application {application_id} is another person's, not the application of the person in this stay",
            code="application_of_another_person",
        )


# --- the 3-month rule --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LimitRule:
    """Warn at the approaching days (default day 60 and 75), breach at day 90; day N is start_date + N days."""

    approaching_days: tuple[int, ...] = (60, 75)
    limit_days: int = 90

    def __post_init__(self) -> None:
        if any(d <= 0 or d >= self.limit_days for d in self.approaching_days):
            raise ValueError("warning days must lie between 0 and the limit")

    def limit_date(self, start: date) -> date:
        return start + timedelta(days=self.limit_days)

    @property
    def thresholds(self) -> tuple[int, ...]:
        return (*sorted(set(self.approaching_days)), self.limit_days)


def days_in_stay(start: date, today: date) -> int:
    return (today - start).days


@dataclass(frozen=True)
class LimitNotice:
    """What the 3-month job must do for one stay: thresholds to mark as passed and the event to raise."""

    passed: tuple[int, ...]
    raise_exceeded: bool
    raise_approaching: bool
    days: int


def limit_notice(rule: LimitRule, start: date, today: date, already: Iterable[int]) -> LimitNotice | None:
    """None when nothing new is due. Thresholds passed since the last run are marked all at once, but only
    the highest raises an event: a stay first seen at day 95 is exceeded, not also approaching."""
    days = days_in_stay(start, today)
    done = set(already)
    passed = tuple(t for t in rule.thresholds if t <= days and t not in done)
    if not passed:
        return None
    exceeded = rule.limit_days in passed
    return LimitNotice(passed=passed, raise_exceeded=exceeded, raise_approaching=not exceeded, days=days)


class BlockingReason(StrEnum):
    """What the person in a stay waits for (the list of stays by days)."""

    NO_APPLICATION = "no_application"
    WAITING_FOR_DECISION = "waiting_for_decision"
    WAITING_FOR_OFFER = "waiting_for_offer"
    APPLICATION_REJECTED = "application_rejected"
    APPLICATION_LEFT_LIST = "application_left_list"  # withdrawn, declined the offer, lapsed: a new one is needed
    ALLOCATED_WAITING_FOR_MOVE_IN = "allocated_waiting_for_move_in"  # often: waiting for renovation


def blocking_reason(state: StayState, application_id: str | None, decision: str | None) -> BlockingReason | None:
    if state is StayState.ENDED:
        return None
    if state is StayState.ALLOCATED:
        return BlockingReason.ALLOCATED_WAITING_FOR_MOVE_IN
    if application_id is None:
        return BlockingReason.NO_APPLICATION
    if decision is None:
        return BlockingReason.WAITING_FOR_DECISION
    if decision == "rejected":
        return BlockingReason.APPLICATION_REJECTED
    if decision == "left_list":
        return BlockingReason.APPLICATION_LEFT_LIST
    return BlockingReason.WAITING_FOR_OFFER
