"""The pure rules: patterns and grants, the subscription state machine, the retry schedule, URLs, secrets."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boligflyt.contracts.registry import specs
from boligflyt.integrations import domain
from boligflyt.integrations.domain import RetrySchedule, SubscriptionStatus
from boligflyt.platform.errors import Conflict, Forbidden, RuleViolation

TYPES = [spec.type for spec in specs()]


def test_patterns_match_by_glob_with_or_without_the_prefix() -> None:
    assert domain.pattern_matches("tenancy.*", "no.larvik.boligflyt.tenancy.signed.v1")
    assert domain.pattern_matches("*", "no.larvik.boligflyt.tenancy.signed.v1")
    assert domain.pattern_matches("no.larvik.boligflyt.*.v1", "no.larvik.boligflyt.stay.started.v1")
    assert not domain.pattern_matches("tenancy.*", "no.larvik.boligflyt.dwelling.let.v1")
    assert not domain.pattern_matches("tenancy.signed.v1", "no.larvik.boligflyt.tenancy.signed.v10")
    # A dot is a dot, not "any character".
    assert not domain.pattern_matches("tenancy.signed.v1", "no.larvik.boligflyt.tenancyXsigned.v1")
    with pytest.raises(RuleViolation):
        domain.normalise_pattern("tenancy.(signed|ended)")


def test_a_subscription_gets_only_granted_types() -> None:
    scopes = ["events:read:tenancy.*", "events:write:*", "events:read:Bad Pattern"]
    assert domain.check_subscription_patterns(["tenancy.signed.v1"], scopes, TYPES) == {
        "no.larvik.boligflyt.tenancy.signed.v1"
    }
    with pytest.raises(Forbidden) as refused:
        domain.check_subscription_patterns(["tenancy.*", "dwelling.let.v1"], scopes, TYPES)
    assert refused.value.extra["not_granted"] == ["no.larvik.boligflyt.dwelling.let.v1"]
    with pytest.raises(RuleViolation):
        domain.check_subscription_patterns(["tenancy.nothing.v1"], ["events:read:*"], TYPES)
    with pytest.raises(RuleViolation):
        domain.check_subscription_patterns([], ["events:read:*"], TYPES)


@given(st.lists(st.sampled_from(TYPES), min_size=1, max_size=5), st.lists(st.sampled_from(TYPES), max_size=5))
def test_what_is_accepted_is_always_within_the_grant(wanted: list[str], granted: list[str]) -> None:
    scopes = [f"events:read:{t}" for t in granted]
    try:
        accepted = domain.check_subscription_patterns(wanted, scopes, TYPES)
    except Forbidden:
        assert not set(wanted) <= set(granted)
    else:
        assert accepted == set(wanted) <= set(granted)


@given(st.lists(st.sampled_from(["pause", "resume"]), max_size=20))
def test_pause_and_resume_never_reach_an_illegal_state(commands: list[str]) -> None:
    status = SubscriptionStatus.ACTIVE
    for command in commands:
        try:
            if command == "pause":
                domain.check_can_pause(status)
                status = SubscriptionStatus.PAUSED
            else:
                domain.check_can_resume(status)
                status = SubscriptionStatus.ACTIVE
        except Conflict as exc:
            assert exc.current_state == status.value
            assert (command == "pause") == (status is SubscriptionStatus.PAUSED)


def test_the_default_schedule_spans_about_a_day_and_then_gives_up() -> None:
    schedule = RetrySchedule()
    assert timedelta(hours=20) <= schedule.window <= timedelta(hours=30)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert schedule.next_attempt(1, now) == now + timedelta(seconds=5)
    delays = [schedule.next_attempt(n, now) for n in range(1, len(schedule.delays) + 1)]
    assert all(d is not None for d in delays) and delays == sorted(delays)  # type: ignore[type-var]
    assert schedule.next_attempt(len(schedule.delays) + 1, now) is None
    with pytest.raises(ValueError):
        schedule.next_attempt(0, now)


def test_urls_and_secrets() -> None:
    assert domain.check_url("http://127.0.0.1:8080/hook", production=False)
    with pytest.raises(RuleViolation):
        domain.check_url("http://receiver.example.no/hook", production=True)
    assert domain.check_url("https://receiver.example.no/hook", production=True)
    for internal in ("https://127.0.0.1/x", "https://10.1.2.3:8443/x", "https://[::1]/x", "https://localhost/x"):
        assert domain.check_url(internal, production=False)
        with pytest.raises(RuleViolation):
            domain.check_url(internal, production=True)
    secret = domain.new_secret()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert secret != domain.new_secret()


def test_delivery_needs_both_the_pattern_and_the_grant() -> None:
    assert domain.subscribed("no.larvik.boligflyt.tenancy.signed.v1", ["tenancy.*"], ["no.larvik.boligflyt.tenancy.*"])
    assert not domain.subscribed("no.larvik.boligflyt.tenancy.signed.v2", ["tenancy.*"], ["tenancy.signed.v1"])
    assert not domain.subscribed("no.larvik.boligflyt.dwelling.let.v1", ["tenancy.*"], ["*"])
