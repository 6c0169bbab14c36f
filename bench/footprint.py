"""Benchmark 6 of issue 11: the embedded system's time to ready and resident memory with the demo data.

Boligflyt: `./dev up`'s process (every service, the demo clock), from start until every service answers
/readyz, and its RSS once Larvik is seeded. Anchor: a bare FastAPI app under the same uvicorn, same measures.
Targets: ready <= 5 s after install, RSS <= 400 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import Options, Result
from boligflyt.testkit import free_port

SERVICES = ("applications", "temporary-housing", "maintenance", "ordering", "integrations")
BARE_APP = """
from fastapi import FastAPI
app = FastAPI()
@app.get("/readyz")
def ready() -> dict[str, str]:
    return {"status": "ok"}
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def wait_ready(urls: list[str], process: subprocess.Popen[bytes], timeout: float = 120) -> float:
    started = time.perf_counter()
    pending = list(urls)
    while pending:
        if process.poll() is not None:
            raise RuntimeError(f"the process exited with {process.returncode}")
        if time.perf_counter() - started > timeout:
            raise RuntimeError(f"not ready after {timeout} s: {pending}")
        try:
            if httpx.get(pending[0], timeout=1).status_code == 200:
                pending.pop(0)
                continue
        except httpx.HTTPError:
            pass
        time.sleep(0.02)
    return time.perf_counter() - started


def measure_bare() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "bare_app.py").write_text(BARE_APP)
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(port), "--log-level", "warning"],
            cwd=folder,
        )
        try:
            ready = wait_ready([f"http://127.0.0.1:{port}/readyz"], process)
            return ready, rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=20)


def measure_boligflyt() -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        log = Path(data) / "up.log"
        env = {**os.environ, "BOLIGFLYT_LOG_LEVEL": "WARNING", "COLUMNS": "200"}
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "boligflyt.demo.cli", "up", "--data-dir", f"{data}/data", "--port", str(port)],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
            )
            try:
                urls = [f"http://127.0.0.1:{port}/{name}/readyz" for name in SERVICES] + [
                    f"http://127.0.0.1:{port}/readyz"
                ]
                ready = wait_ready(urls, process)
                started = time.perf_counter()
                while "Demo data:" not in log.read_text(errors="replace"):
                    if process.poll() is not None or time.perf_counter() - started > 300:
                        raise RuntimeError(f"seeding did not finish:\n{log.read_text(errors='replace')[-2000:]}")
                    time.sleep(0.2)
                seeded = time.perf_counter() - started
                return ready, seeded, rss_mb(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=30)


async def embedded_footprint(options: Options) -> Result:
    bare_ready, bare_rss = measure_bare()
    ready, seeded, rss = measure_boligflyt()
    return Result(
        name="embedded_footprint",
        unit="s to ready",
        value=ready,
        anchor_name="bare FastAPI app",
        anchor_value=bare_ready,
        target="ready <= 5 s, RSS <= 400 MB",
        met=ready <= 5 and rss <= 400,
        details={"rss_mb": round(rss, 1), "anchor_rss_mb": round(bare_rss, 1), "seed_seconds": round(seeded, 1)},
    )
