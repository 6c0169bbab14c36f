"""./dev bench: run every benchmark, print each against its anchor, write bench/results/*.json."""

from __future__ import annotations

import asyncio
import sys

from bench import footprint, throughput, visibility

BENCHMARKS = {
    "relay": throughput.relay_throughput,
    "consumer": throughput.consumer_throughput,
    "footprint": footprint.embedded_footprint,
    "visibility": visibility.visibility_latency,
}


async def main(selected: list[str]) -> int:
    missed = 0
    for name, benchmark in BENCHMARKS.items():
        if selected and name not in selected:
            continue
        result = await benchmark()
        result.report()
        missed += not result.met
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
