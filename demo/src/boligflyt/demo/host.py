"""The embedded host with the demo's movable calendar (uvicorn factory `boligflyt.demo.host:demo_app`).

The same services as `boligflyt.platform.host:embedded_app`, with one `DemoClock` shared by all of them and a
small endpoint the simulator moves it with: `GET /_demo/clock` and `POST /_demo/clock/advance {"days": n}`
(coordinator token). Refused in production: a clock anyone can move has no place there.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI
from pydantic import BaseModel, Field

from boligflyt.demo.clock import DemoClock
from boligflyt.platform.auth import Agency, Principal, TokenVerifier, require
from boligflyt.platform.host import ROOT_SERVICE, service_definitions
from boligflyt.platform.problems import install_problem_handlers
from boligflyt.platform.runtime import ServiceDefinition, create_embedded_app
from boligflyt.platform.settings import Settings

CLOCK_PATH = "/_demo/clock"
CLOCK_STATE_FILE = "demo-clock.json"

Coordinator = Annotated[Principal, Depends(require(Agency.coordinator))]


class Advance(BaseModel):
    days: int = Field(ge=0, le=366, description="Calendar days to move the demo's clock forward.")


def clock_router(clock: DemoClock) -> APIRouter:
    router = APIRouter(prefix=CLOCK_PATH, tags=["demo"])

    def reading() -> dict[str, Any]:
        return {"today": clock.today().isoformat(), "now": clock.now().isoformat(), "offset_days": clock.offset.days}

    @router.get("")
    async def read_clock(_: Coordinator) -> dict[str, Any]:
        return reading()

    @router.post("/advance")
    async def advance_clock(body: Advance, _: Coordinator) -> dict[str, Any]:
        clock.advance(timedelta(days=body.days))
        return reading()

    return router


def with_demo_clock(app: FastAPI, settings: Settings, clock: DemoClock) -> FastAPI:
    """Give every service of an embedded app `clock`, and serve the clock endpoint before the root mount."""
    if settings.environment == "production":
        raise SystemExit("the demo clock is not for production")
    for runtime in app.state.runtimes.values():
        runtime.clock = clock
    app.state.token_verifier = TokenVerifier(settings)
    app.state.demo_clock = clock
    install_problem_handlers(app)
    mounts = list(app.router.routes)
    app.include_router(clock_router(clock))
    # Starlette matches in order and the dashboard is mounted at "/": the clock's routes must come first.
    app.router.routes[:] = [route for route in app.router.routes if route not in mounts] + mounts
    return app


def demo_app(
    settings: Settings | None = None, definitions: list[ServiceDefinition] | None = None, clock: DemoClock | None = None
) -> FastAPI:
    """Every installed service in one process on the demo's clock (uvicorn --factory boligflyt.demo.host:demo_app)."""
    settings = settings or Settings()
    app = create_embedded_app(
        definitions if definitions is not None else list(service_definitions().values()),
        settings,
        root_service=ROOT_SERVICE,
    )
    if clock is None:
        state_file = settings.data_dir / CLOCK_STATE_FILE
        # Data written on the wall clock before (no clock file yet) must not see time go backwards.
        earlier_data = not state_file.exists() and any(settings.data_dir.glob("*.sqlite"))
        clock = DemoClock(state_file, offset=timedelta(0) if earlier_data else None)
    return with_demo_clock(app, settings, clock)
