"""The outcome benchmark: does allocation get people housed? A year of Larvik, simulated twice from one seed.

Boligflyt: the embedded system (`./dev up`, seeded) driven by the simulator for `--days` days (365 by default) with
the committee allocating every dwelling at the first meeting after the tenant's notice, monthly. Anchor, in the same
run and from the same seed (the same inflow of stays, applications and notices): the practice before, weekly
meetings that only decide applications and a dwelling offered once it is ready. The rules of a suitable dwelling
(§ 12) and of priority (§ 10) are the same in both runs: the anchor isolates when and by whom a dwelling is allocated.

Measured from what the services hold at the end, for stays, applications and tenancies that began in the simulated
year (the seed's history is left out), and each day for dwellings ready and unlet while a household that fits them
waits (a dwelling is counted on a day when it is ready, nobody holds an offer of it and the waiting list has a
household it suits).

Targets: no dwelling ready and unlet for more than 10 days while a fitting household waits; median void days at
most the median renovation time plus 3 days; every stay past 90 days had no fitting dwelling ready or coming vacant
in its first 75 days (and NAV's stay names the step that blocks it).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.progress import Progress

from bench.common import Options, Result
from bench.footprint import SERVICES, wait_ready
from boligflyt.demo.agencies import Larvik, embedded_urls, open_larvik
from boligflyt.demo.simulate import Simulator
from boligflyt.platform.settings import Settings
from boligflyt.testkit import free_port

DAYS = 365
RNG_SEED = 2015
READY_UNLET_LIMIT_DAYS = 10
VOID_SLACK_DAYS = 3
FIRST_DAYS_OF_A_STAY = 75
STAY_LIMIT_DAYS = 90


@dataclass
class Watch:
    """What is sampled every simulated day."""

    ready_unlet_streak: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    longest_ready_unlet: dict[str, int] = field(default_factory=dict)
    ready_unlet_days: int = 0
    # For each application: the days a dwelling ready or coming vacant that suits it stood on the recommendation.
    fitting_dwelling_days: dict[str, list[date]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Outcome:
    stays: int
    stays_over_90: int
    median_days_in_stay: float
    median_days_approval_to_move_in: float
    ready_unlet_dwelling_days: int
    longest_ready_unlet_days: int
    median_void_days: float
    median_renovation_days: float
    stays_over_90_with_a_fitting_dwelling_in_75_days: int
    stays_over_90_without_a_blocking_step: int
    moved_in: int

    @property
    def share_over_90(self) -> float:
        return self.stays_over_90 / self.stays if self.stays else 0.0


def _median(values: list[int]) -> float:
    return float(statistics.median(values)) if values else float("nan")


async def sample(larvik: Larvik, today: date, watch: Watch) -> None:
    bk = larvik.boligkontoret
    ready = await bk.all("/v1/dwellings", offerable=True)
    seen = set()
    for dwelling in ready:
        if await bk.get(f"/v1/dwellings/{dwelling['id']}/matches"):
            seen.add(dwelling["id"])
            watch.ready_unlet_streak[dwelling["id"]] += 1
            watch.ready_unlet_days += 1
            streak = watch.ready_unlet_streak[dwelling["id"]]
            watch.longest_ready_unlet[dwelling["id"]] = max(watch.longest_ready_unlet.get(dwelling["id"], 0), streak)
    for dwelling_id in list(watch.ready_unlet_streak):
        if dwelling_id not in seen:
            del watch.ready_unlet_streak[dwelling_id]
    meetings = [m for m in await bk.all("/v1/meetings") if date.fromisoformat(m["meeting_date"]) >= today]
    if meetings:
        meeting = min(meetings, key=lambda m: str(m["meeting_date"]))
        advice = await bk.get(f"/v1/meetings/{meeting['id']}/recommendation")
        for entry in advice["dwellings"]:
            for household in entry["households"]:
                watch.fitting_dwelling_days[household["application_id"]].append(today)


async def measure(larvik: Larvik, first_day: date, last_day: date, watch: Watch) -> Outcome:
    nav, bk, lke = larvik.nav, larvik.boligkontoret, larvik.lke
    stays = [s for s in await nav.all("/v1/stays") if date.fromisoformat(s["start_date"]) > first_day]
    over = [s for s in stays if s["days_in_stay"] > STAY_LIMIT_DAYS]
    applications = {a["id"]: a for a in await bk.all("/v1/applications")}
    tenancies = await bk.all("/v1/tenancies")
    approval_to_move_in = []
    for tenancy in tenancies:
        application = applications.get(tenancy["application_id"])
        if tenancy["move_in_date"] and application and application["decided_on"]:
            decided = date.fromisoformat(application["decided_on"])
            if decided > first_day:
                approval_to_move_in.append((date.fromisoformat(tenancy["move_in_date"]) - decided).days)
    by_dwelling: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for tenancy in tenancies:
        by_dwelling[tenancy["dwelling_id"]].append(tenancy)
    voids = []
    for lets in by_dwelling.values():
        ended = [t for t in lets if t["ended_on"] and date.fromisoformat(t["ended_on"]) > first_day]
        for before in ended:
            end = date.fromisoformat(before["ended_on"])
            after = [
                date.fromisoformat(t["move_in_date"])
                for t in lets
                if t["move_in_date"] and t["move_in_date"] >= before["ended_on"]
            ]
            if after:
                voids.append((min(after) - end).days)
    renovations = [
        (date.fromisoformat(j["completed_on"]) - date.fromisoformat(j["started_on"])).days
        for j in await lke.all("/v1/renovation-jobs", status="completed")
        if j["started_on"] and date.fromisoformat(j["started_on"]) > first_day
    ]
    had_a_dwelling = 0
    for stay in over:
        start = date.fromisoformat(stay["start_date"])
        days = watch.fitting_dwelling_days.get(stay["application_id"] or "", [])
        if any(start <= d <= start + timedelta(days=FIRST_DAYS_OF_A_STAY) for d in days):
            had_a_dwelling += 1
    return Outcome(
        stays=len(stays),
        stays_over_90=len(over),
        median_days_in_stay=_median([s["days_in_stay"] for s in stays]),
        median_days_approval_to_move_in=_median(approval_to_move_in),
        ready_unlet_dwelling_days=watch.ready_unlet_days,
        longest_ready_unlet_days=max(watch.longest_ready_unlet.values(), default=0),
        median_void_days=_median(voids),
        median_renovation_days=_median(renovations),
        stays_over_90_with_a_fitting_dwelling_in_75_days=had_a_dwelling,
        stays_over_90_without_a_blocking_step=sum(
            1 for s in over if s["state"] != "ended" and not s["blocking_reason"]
        ),
        moved_in=len(approval_to_move_in),
    )


async def simulate_a_year(days: int, *, allocate_at_notice: bool, label: str, progress: Progress) -> Outcome:
    """A fresh embedded Larvik in a folder of its own, simulated day by day with a sample after each day."""
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        log = Path(data) / "up.log"
        env = {**os.environ, "BOLIGFLYT_LOG_LEVEL": "WARNING", "COLUMNS": "200"}
        command = [sys.executable, "-m", "boligflyt.demo.cli", "up", "--data-dir", f"{data}/data", "--port", str(port)]
        with log.open("wb") as output:
            process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)  # noqa: ASYNC220
            try:
                base = f"http://127.0.0.1:{port}"
                wait_ready([f"{base}/{name}/readyz" for name in SERVICES] + [f"{base}/readyz"], process)
                wait_seeded(log, process)
                async with open_larvik(embedded_urls(base), Settings(), concurrency=4) as larvik:
                    simulator = Simulator(larvik, RNG_SEED, allocate_at_notice=allocate_at_notice)
                    await simulator.start()
                    first_day = simulator.today
                    watch = Watch()
                    task = progress.add_task(f"{label}: simulating", total=days)
                    for _ in range(days):
                        await simulator.day()
                        await sample(larvik, simulator.today, watch)
                        progress.update(task, advance=1, description=f"{label}: {simulator.today.isoformat()}")
                    return await measure(larvik, first_day, simulator.today, watch)
            except Exception:
                # The server's own account of why it stopped answering, before its folder goes.
                print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
                raise
            finally:
                process.terminate()
                process.wait(timeout=60)


def wait_seeded(log: Path, process: subprocess.Popen[bytes]) -> None:
    import time

    started = time.perf_counter()
    while "Demo data:" not in log.read_text(errors="replace"):
        if process.poll() is not None or time.perf_counter() - started > 600:
            raise RuntimeError(f"seeding did not finish:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.5)


async def allocation_outcomes(options: Options) -> Result:
    days = int(options.days or DAYS)
    # Side by side, each with a server of its own: the two share nothing but the machine, and a year takes half
    # the time on two cores.
    with Progress() as progress:
        before, after = await asyncio.gather(
            simulate_a_year(days, allocate_at_notice=False, label="anchor (offered when ready)", progress=progress),
            simulate_a_year(days, allocate_at_notice=True, label="committee allocates at notice", progress=progress),
        )
    met = (
        after.longest_ready_unlet_days <= READY_UNLET_LIMIT_DAYS
        and after.median_void_days <= after.median_renovation_days + VOID_SLACK_DAYS
        and after.stays_over_90_with_a_fitting_dwelling_in_75_days == 0
        and after.stays_over_90_without_a_blocking_step == 0
    )
    details: dict[str, object] = {"days": days}
    for name, outcome in (("", after), ("anchor_", before)):
        details.update(
            {
                f"{name}stays": outcome.stays,
                f"{name}stays_over_90": outcome.stays_over_90,
                f"{name}share_over_90": round(outcome.share_over_90, 3),
                f"{name}median_days_in_stay": outcome.median_days_in_stay,
                f"{name}median_days_approval_to_move_in": outcome.median_days_approval_to_move_in,
                f"{name}moved_in": outcome.moved_in,
                f"{name}ready_unlet_dwelling_days": outcome.ready_unlet_dwelling_days,
                f"{name}longest_ready_unlet_days": outcome.longest_ready_unlet_days,
                f"{name}median_void_days": outcome.median_void_days,
                f"{name}median_renovation_days": outcome.median_renovation_days,
                f"{name}stays_over_90_with_a_fitting_dwelling_in_75_days": (
                    outcome.stays_over_90_with_a_fitting_dwelling_in_75_days
                ),
                f"{name}stays_over_90_without_a_blocking_step": outcome.stays_over_90_without_a_blocking_step,
            }
        )
    return Result(
        name="allocation_outcomes",
        unit="median days in temporary housing",
        value=after.median_days_in_stay,
        anchor_name="offered when ready, weekly meetings",
        anchor_value=before.median_days_in_stay,
        target=(
            f"ready and unlet <= {READY_UNLET_LIMIT_DAYS} days while a fitting household waits; median void <= "
            f"median renovation + {VOID_SLACK_DAYS} days; no stay past 90 days that had a fitting dwelling in its "
            f"first {FIRST_DAYS_OF_A_STAY}"
        ),
        met=met,
        details=details,
    )
