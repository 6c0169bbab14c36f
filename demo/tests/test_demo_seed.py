"""Seeding at a small scale creates what it says, through the APIs, and a second seed changes nothing."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from typing import Any

import pytest

from boligflyt.demo.agencies import open_larvik
from boligflyt.demo.seed import Seeder, Volumes, seed

from .conftest import Host

SCALE = 0.1


async def counts(host: Host) -> dict[str, Any]:
    async with open_larvik(host.base_urls, host.settings, transport=host.transport) as larvik:
        return {
            "dwellings": await larvik.lke.total("/v1/dwellings"),
            "let": await larvik.lke.total("/v1/dwellings", status="let"),
            "providers": await larvik.nav.total("/v1/providers"),
            "stays": await larvik.nav.total("/v1/stays"),
            "applications": await larvik.boligkontoret.total("/v1/applications"),
            "waiting_list": await larvik.boligkontoret.total("/v1/waiting-list"),
            "quotas": [q["state"] for q in await larvik.nav.get("/v1/quotas")],
            "settlements": await larvik.nav.total("/v1/settlements"),
            "orders": await larvik.bestiller.total("/v1/orders"),
            "needs": await larvik.bestiller.total("/v1/needs"),
        }


async def test_seed_creates_a_small_larvik_and_a_second_seed_changes_nothing(host: Host) -> None:
    volumes = Volumes.at(SCALE)
    report = await seed(host.base_urls, host.settings, rng_seed=7, scale=SCALE, transport=host.transport)

    assert not report.skipped
    seeded = await counts(host)
    assert seeded["dwellings"] == volumes.dwellings == report.dwellings
    assert seeded["let"] > volumes.dwellings * 0.7
    assert seeded["providers"] == report.providers == 5
    assert seeded["stays"] == volumes.stays == report.stays
    assert seeded["applications"] == report.applications >= volumes.applications
    assert report.approved + report.rejected == report.applications
    assert seeded["waiting_list"] == report.approved > 0
    assert seeded["quotas"] == ["adopted"]
    assert seeded["settlements"] == volumes.settlements
    assert seeded["orders"] == 1
    assert seeded["needs"] >= 4

    again = await seed(host.base_urls, host.settings, rng_seed=7, scale=SCALE, transport=host.transport)
    assert again.skipped
    assert await counts(host) == seeded


@pytest.mark.parametrize(("scale", "expected"), [(1.0, 16), (0.1, 2), (3.0, 48)])
def test_the_register_has_larviks_accessible_family_dwellings(scale: float, expected: int) -> None:
    """Larvik's register lists 16 accessible family dwellings: 11 with two bedrooms, 2 with two bedrooms and two
    living rooms, 3 with more than two bedrooms; no other ordinary dwelling is adapted."""
    volumes = Volumes.at(scale)
    seeder = Seeder(None, random.Random(2015), volumes, None)  # type: ignore[arg-type]
    rows = [seeder.dwelling_row(number, date(2026, 1, 1)) for number in range(1, volumes.dwellings + 1)]
    family = Counter(
        (row["bedrooms"], row["rooms"]) for row in rows if row["accessible"] and row["category"] == "ordinary"
    )
    assert sum(family.values()) == expected
    if scale == 1.0:
        assert family == {(2, 3): 11, (2, 4): 2, (3, 4): 3}
    adapted_elsewhere = [r for r in rows if r["accessible"] and r["category"] not in ("ordinary", "care", "staffed")]
    assert adapted_elsewhere == []
