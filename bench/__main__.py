"""./dev bench [NAME...] [--events N] [--seconds S] [--rate R] [--days D]: run the benchmarks (all but the long
outcomes, or those named), print each against its anchor, write bench/results/*.json."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable

from bench import dashboard_pages, footprint, latency, outcomes, replay, streams, throughput, visibility
from bench.common import Options, Result, warn_if_broker_crowded

BENCHMARKS: dict[str, Callable[[Options], Awaitable[Result]]] = {
    "relay": throughput.relay_throughput,
    "consumer": throughput.consumer_throughput,
    "replay": replay.dashboard_replay,
    "latency": latency.api_latency,
    "visibility": visibility.visibility_latency,
    "visibility-kafka": visibility.visibility_latency_kafka,
    "footprint": footprint.embedded_footprint,
    "streams": streams.stream_clients_page_latency,
    "outcomes": outcomes.allocation_outcomes,
    "dashboard-pages": dashboard_pages.dashboard_pages,
}
# Two simulated years take the better part of an hour, a million events projected most of ten minutes: run when
# named only.
BY_NAME_ONLY = {"outcomes", "dashboard-pages"}


async def main(selected: list[str], options: Options) -> int:
    missed = 0
    await warn_if_broker_crowded()
    for name, benchmark in BENCHMARKS.items():
        if (selected and name not in selected) or (not selected and name in BY_NAME_ONLY):
            continue
        result = await benchmark(options)
        result.report()
        missed += not result.met
    return 1 if missed else 0


def parse(arguments: list[str]) -> tuple[list[str], Options]:
    parser = argparse.ArgumentParser(prog="./dev bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help="any of: " + ", ".join(BENCHMARKS))
    parser.add_argument(
        "--events", type=int, help="events for relay, consumer, replay, dashboard-pages (a quicker run)"
    )
    parser.add_argument(
        "--seconds",
        type=float,
        help="how long latency and visibility run their load; dashboard-pages: at most per endpoint",
    )
    parser.add_argument("--rate", type=float, help="requests/s of the latency benchmark's load (default 200)")
    parser.add_argument("--days", type=int, help="simulated days of the outcomes benchmark (default 365)")
    parsed = parser.parse_args(arguments)
    unknown = [name for name in parsed.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark {', '.join(unknown)}; there are {', '.join(BENCHMARKS)}")
    return parsed.names, Options(events=parsed.events, seconds=parsed.seconds, rate=parsed.rate, days=parsed.days)


if __name__ == "__main__":
    names, options = parse(sys.argv[1:])
    sys.exit(asyncio.run(main(names, options)))
