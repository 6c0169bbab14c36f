"""The pure rules: patterns and grants, the subscription state machine, the retry schedule, URLs, secrets."""

from __future__ import annotations

import base64
import ipaddress
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


@pytest.mark.parametrize(
    ("address", "routable"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("::ffff:93.184.216.34", True),  # IPv4-mapped: judged by the IPv4 address
        ("127.0.0.1", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("169.254.169.254", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("224.0.0.1", False),
        ("ff02::1", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("192.0.2.1", False),  # documentation
    ],
)
def test_only_globally_routable_addresses_are_receivers_in_production(address: str, routable: bool) -> None:
    assert domain.globally_routable(ipaddress.ip_address(address)) is routable
    assert domain.check_addresses([address], production=False) == address
    if routable:
        assert domain.check_addresses([address], production=True) == address
    else:
        with pytest.raises(RuleViolation) as refused:
            domain.check_addresses([address], production=True)
        assert refused.value.code == "internal-url"


def test_every_address_a_host_resolves_to_is_checked_and_the_first_is_used() -> None:
    assert domain.check_addresses(["93.184.216.34", "8.8.8.8"], production=True) == "93.184.216.34"
    with pytest.raises(RuleViolation):
        domain.check_addresses(["93.184.216.34", "10.0.0.1"], production=True)
    with pytest.raises(RuleViolation) as unresolved:
        domain.check_addresses([], production=False)
    assert unresolved.value.code == "unresolvable-url"
    for spelling in ("https://localhost./x", "https://LocalHost/x", "https://a.localhost./x", "https://100.64.0.1/x"):
        with pytest.raises(RuleViolation):
            domain.check_url(spelling, production=True)
