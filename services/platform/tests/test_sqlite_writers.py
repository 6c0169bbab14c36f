"""Writers of one SQLite file in one process (the embedded system) take turns, in the order they came."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import insert, select

from boligflyt.platform.db import Database
from boligflyt.platform.migrate import migrate

from .conftest import effects, effects_metadata


async def test_writers_of_one_sqlite_file_take_turns_in_the_order_they_came(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'service.sqlite'}", service="applications")
    await migrate(database, None)
    async with database.engine.begin() as connection:
        await connection.run_sync(effects_metadata.create_all)
    entered: list[str] = []

    async def write(name: str) -> None:
        async with database.unit_of_work("test") as uow:
            entered.append(name)
            await uow.session.execute(insert(effects).values(event_id=name, key="k", n=len(entered)))
            await uow.commit()

    try:
        async with database.unit_of_work("test") as first:
            waiting = []
            for name in ("b", "c", "d", "e"):
                waiting.append(asyncio.create_task(write(name)))
                await asyncio.sleep(0.01)  # each comes after the one before
            assert entered == [], "nobody writes while the first unit of work has the file"
            await first.session.execute(insert(effects).values(event_id="a", key="k", n=0))
            await first.commit()
        await asyncio.gather(*waiting)

        # SQLite alone lets whichever waiter's busy handler wakes first have the file (they sleep 1, 2, 5, 10 ms
        # and longer between tries): not the order they came, and not the moment the file was free.
        assert entered == ["b", "c", "d", "e"]
        async with database.sessions() as session:
            written = (await session.execute(select(effects.c.event_id).order_by(effects.c.id))).scalars().all()
        assert written == ["a", "b", "c", "d", "e"]
    finally:
        await database.dispose()
