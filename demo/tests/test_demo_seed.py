"""Seeding at a small scale creates what it says, through the APIs, and a second seed changes nothing."""

from __future__ import annotations

from typing import Any

from boligflyt.demo.agencies import open_larvik
from boligflyt.demo.seed import Volumes, seed

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
