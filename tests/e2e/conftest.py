from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from .system import System

# Starting every service as its own process takes a while on two cores, so each way to run is started once
# for the whole session; every flow works on its own people and dwellings, so flows do not disturb each other.


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `after_every_flow` run after every other test of their system. pytest has already grouped
    the tests by system (one running system at a time); within each group they move to the end."""
    slots = [index for index, item in enumerate(items) if _system_of(item) is not None]
    systems = list(dict.fromkeys(_system_of(items[index]) for index in slots))
    ordered = sorted(
        (items[index] for index in slots),
        key=lambda item: (systems.index(_system_of(item)), item.get_closest_marker("after_every_flow") is not None),
    )
    for index, item in zip(slots, ordered, strict=True):
        items[index] = item


def _system_of(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return None if callspec is None else callspec.params.get("system")


@pytest.fixture(scope="session", params=["distributed", "embedded"])
def system(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    running = System(request.param, tmp_path_factory.mktemp(request.param))
    asyncio.run(running.start())
    try:
        yield running
    finally:
        asyncio.run(running.stop())
