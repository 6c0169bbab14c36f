"""A short simulation over a small seeded Larvik makes events flow: people arrive, apply, are decided."""

from __future__ import annotations

from datetime import timedelta

from boligflyt.demo.agencies import open_larvik
from boligflyt.demo.seed import seed
from boligflyt.demo.simulate import simulate

from .conftest import Host


async def test_a_few_simulated_days_bring_new_stays_and_applications(host: Host) -> None:
    await seed(host.base_urls, host.settings, rng_seed=3, scale=0.1, transport=host.transport)
    async with open_larvik(host.base_urls, host.settings, transport=host.transport) as larvik:
        stays_before = await larvik.nav.total("/v1/stays")
        applications_before = await larvik.boligkontoret.total("/v1/applications")
        offers_before = await larvik.boligkontoret.total("/v1/offers")
    today_before = host.clock.today()

    report = await simulate(host.base_urls, host.settings, days=4, speed=0, rng_seed=3, transport=host.transport)

    assert report.moved_time and report.days == 4
    assert host.clock.today() == today_before + timedelta(days=4)
    async with open_larvik(host.base_urls, host.settings, transport=host.transport) as larvik:
        assert await larvik.nav.total("/v1/stays") == stays_before + report.happened["stay started"]
        assert await larvik.boligkontoret.total("/v1/applications") > applications_before
        # The seed left ready dwellings: the simulator offers them to the top of the waiting list.
        assert await larvik.boligkontoret.total("/v1/offers") > offers_before
    assert report.happened["stay started"] + report.happened["application submitted"] > 0
