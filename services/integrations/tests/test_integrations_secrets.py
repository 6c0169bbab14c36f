"""Webhook signing secrets are sealed at rest with a key from settings; deliveries still verify, a rotated key
keeps old secrets readable, and the migration seals the secrets stored before."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic import command
from cryptography.fernet import Fernet
from pydantic import SecretStr, ValidationError
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncConnection

from boligflyt.integrations import cli, service
from boligflyt.integrations.delivery import DeliveryWorker
from boligflyt.integrations.main import build_definition, definition
from boligflyt.integrations.secret_cipher import SecretCipher, SecretUnreadable
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.platform.db import Database
from boligflyt.platform.migrate import (
    PLATFORM_MIGRATIONS,
    PLATFORM_VERSION_TABLE,
    SERVICE_VERSION_TABLE,
    alembic_config,
)
from boligflyt.testkit import ServiceHarness

from .conftest import FAST, ReceiverServer, World, notices

BEFORE_SEALING = "2b4dfb32124e"
OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def newest_retired(previous_secrets: object) -> str | None:
    """The sealed secret of the last rotation, from the stored list of retired secrets."""
    retired = json.loads(previous_secrets) if isinstance(previous_secrets, str) else previous_secrets
    assert isinstance(retired, list)
    return str(retired[-1]["sealed"]) if retired else None


async def stored_secrets(world: World) -> list[tuple[str, str | None]]:
    async with world.runtime.database.engine.connect() as connection:
        rows = (await connection.execute(text("SELECT secret, previous_secrets FROM webhook_subscription"))).all()
    return [(str(row[0]), newest_retired(row[1])) for row in rows]


async def test_the_database_holds_no_plain_secret_and_deliveries_still_verify(
    world: World, receivers: ReceiverServer
) -> None:
    receiver = receivers.add("r")
    subscription = await world.subscribe(receiver, ["tenancy.*"])
    async with world.client() as client:
        rotated = (await client.post(f"/v1/webhooks/{subscription}/rotate-secret")).json()["secret"]
    receiver.secrets.append(rotated)
    [(secret, previous)] = await stored_secrets(world)
    for plain in receiver.secrets:
        assert plain not in secret and plain not in (previous or "")
    assert not secret.startswith("whsec_") and previous is not None and not previous.startswith("whsec_")
    cipher = FAST.secret_cipher
    assert (cipher.open(secret), cipher.open(previous)) == (rotated, receiver.secrets[0])

    await world.publish(*notices("ten-1", 1))
    await world.drive(lambda: len(receiver.accepted) == 1)  # the receiver verifies with `standardwebhooks`
    assert receiver.rejected == []
    assert len(receiver.accepted[0].headers["webhook-signature"].split()) == 2  # both, in the grace period


async def test_a_new_key_first_keeps_old_secrets_readable_and_resealing_lets_the_old_key_go(
    tmp_path: Path, receivers: ReceiverServer
) -> None:
    old, rotated, new_only = (
        FAST.model_copy(update={"secret_keys": SecretStr(keys)}) for keys in (OLD_KEY, f"{NEW_KEY},{OLD_KEY}", NEW_KEY)
    )
    async with ServiceHarness([build_definition(old)], tmp_path) as harness:
        world = World.of(harness, old)
        receiver = receivers.add("r")
        subscription = await world.subscribe(receiver, ["tenancy.*"])
        await world.worker.close()
        [(sealed_under_old, _)] = await stored_secrets(world)

        async def delivered(count: int) -> bool:
            log = await world.deliveries(subscription)
            return len(log) == count and all(d["status"] == "succeeded" for d in log)

        # The new key first, the old one after it: what the old key sealed is still read and signs.
        world.worker = DeliveryWorker(harness.runtimes["integrations"].database, rotated, production=False)
        await world.publish(*notices("ten-1", 1))
        await world.drive_until(lambda: delivered(1))
        await world.worker.close()

        assert await service.reseal_secrets(world.runtime.database, rotated.secret_cipher, "test:ops") == 1
        [(resealed, _)] = await stored_secrets(world)
        assert resealed != sealed_under_old
        assert new_only.secret_cipher.open(resealed) == receiver.secrets[0]
        with pytest.raises(SecretUnreadable):
            old.secret_cipher.open(resealed)

        # Now the old key can go.
        world.worker = DeliveryWorker(harness.runtimes["integrations"].database, new_only, production=False)
        try:
            await world.publish(*notices("ten-2", 1))
            await world.drive_until(lambda: delivered(2))
        finally:
            await world.worker.close()
    assert receiver.rejected == [] and len(receiver.accepted) == 2


def test_the_reseal_command_seals_with_the_first_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOLIGFLYT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BOLIGFLYT_DATABASE_URL_INTEGRATIONS", raising=False)
    monkeypatch.setenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", OLD_KEY)
    secret = "whsec_" + "A" * 43 + "="
    assert cli.main(["reseal-secrets"]) == 0  # migrates a new database; nothing to reseal

    async def insert_then_read(sealed: str | None) -> str:
        database = Database(f"sqlite+aiosqlite:///{tmp_path / 'data' / 'integrations.sqlite'}", service="integrations")
        try:
            async with database.engine.begin() as connection:
                if sealed is not None:
                    await insert_current_subscription(connection, sealed)
                return str((await connection.execute(text("SELECT secret FROM webhook_subscription"))).scalar_one())
        finally:
            await database.dispose()

    asyncio.run(insert_then_read(SecretCipher([OLD_KEY]).seal(secret)))
    monkeypatch.setenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", f"{NEW_KEY},{OLD_KEY}")
    assert cli.main(["reseal-secrets"]) == 0
    assert SecretCipher([NEW_KEY]).open(asyncio.run(insert_then_read(None))) == secret


def test_production_refuses_the_development_key_and_every_key_must_be_a_fernet_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BOLIGFLYT_ENVIRONMENT", "production")
    monkeypatch.setenv("BOLIGFLYT_JWT_SECRET", "p" * 48)
    monkeypatch.setenv("BOLIGFLYT_JWT_JWKS_URL", "https://login.example.test/keys")  # production trusts a provider
    monkeypatch.setenv("BOLIGFLYT_PERSON_REF_KEY", "k" * 48)
    monkeypatch.delenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", raising=False)
    with pytest.raises(ValidationError, match="SECRET_KEYS must be set in production"):
        IntegrationsSettings()
    monkeypatch.setenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", f"{NEW_KEY}, {OLD_KEY}")
    assert IntegrationsSettings().secret_cipher.open(SecretCipher([OLD_KEY]).seal("whsec_x")) == "whsec_x"
    monkeypatch.setenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", "not-a-key")
    with pytest.raises(ValidationError):
        IntegrationsSettings()
    monkeypatch.setenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", NEW_KEY)
    assert NEW_KEY not in repr(IntegrationsSettings())  # never in a log line or a traceback


# --- the migration -------------------------------------------------------------------------------------


async def insert_current_subscription(connection: AsyncConnection, secret: str) -> None:
    """A subscription row as the current schema has it (retired secrets in a list)."""
    await connection.execute(
        text(
            "INSERT INTO webhook_subscription (id, owner, url, patterns, granted, status, secret, previous_secrets, "
            "created_at, updated_at) VALUES ('wh-1', 'facilit', 'https://x.example/h', '[]', '[]', 'active', "
            ":secret, '[]', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ),
        {"secret": secret},
    )


async def insert_subscription(connection: AsyncConnection, secret: str, previous: str | None = None) -> None:
    """A subscription row as it was before the secrets were sealed."""
    await connection.execute(
        text(
            "INSERT INTO webhook_subscription (id, owner, url, patterns, granted, status, secret, previous_secret, "
            "created_at, updated_at) VALUES ('wh-1', 'facilit', 'https://x.example/h', '[]', '[]', 'active', "
            ":secret, :previous, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ),
        {"secret": secret, "previous": previous},
    )


@pytest.fixture
async def database(either_database_url: str) -> AsyncIterator[Database]:
    database = Database(either_database_url, service="integrations")
    try:
        yield database
    finally:
        await database.dispose()


async def migrate_to(database: Database, revision: str, *, down: bool = False) -> None:
    assert definition.migrations is not None
    migrations = definition.migrations

    def run(connection: Connection) -> None:
        command.upgrade(alembic_config(PLATFORM_MIGRATIONS, connection, PLATFORM_VERSION_TABLE), "head")
        config = alembic_config(migrations, connection, SERVICE_VERSION_TABLE)
        (command.downgrade if down else command.upgrade)(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(run)


async def test_the_migration_seals_the_secrets_stored_before_and_keeps_every_delivery(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS", NEW_KEY)
    secret, previous = "whsec_" + "S" * 43 + "=", "whsec_" + "P" * 43 + "="
    await migrate_to(database, BEFORE_SEALING)
    async with database.engine.begin() as connection:
        await insert_subscription(connection, secret, previous)
        await connection.execute(
            text(
                "INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, key, body, status, "
                "attempts, next_attempt_at, created_at) VALUES ('msg_1', 'wh-1', 'ev-1', 't', 'k', '{}', 'pending', "
                "0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )

    await migrate_to(database, "head")
    async with database.engine.connect() as connection:
        sealed, retired = (
            await connection.execute(text("SELECT secret, previous_secrets FROM webhook_subscription"))
        ).one()
        sealed_previous = newest_retired(retired)
        assert sealed_previous is not None
        deliveries = (await connection.execute(text("SELECT id, subscription_id FROM webhook_delivery"))).all()
    assert secret not in sealed and previous not in sealed_previous
    cipher = SecretCipher([NEW_KEY])
    assert (cipher.open(sealed), cipher.open(sealed_previous)) == (secret, previous)
    assert [tuple(row) for row in deliveries] == [("msg_1", "wh-1")]

    await migrate_to(database, "head")  # a second run changes nothing
    await migrate_to(database, BEFORE_SEALING, down=True)
    async with database.engine.connect() as connection:
        plain = (await connection.execute(text("SELECT secret, previous_secret FROM webhook_subscription"))).one()
        kept = (await connection.execute(text("SELECT count(*) FROM webhook_delivery"))).scalar_one()
    assert tuple(plain) == (secret, previous) and kept == 1


def test_a_production_process_of_integrations_refuses_to_start_on_the_development_key_and_others_do_not_care(
    tmp_path: Path,
) -> None:
    def start(service: str, **extra: str) -> subprocess.CompletedProcess[str]:
        environment = {key: value for key, value in os.environ.items() if not key.startswith("BOLIGFLYT_")} | {
            "BOLIGFLYT_ENVIRONMENT": "production",
            "BOLIGFLYT_JWT_SECRET": "p" * 48,
            "BOLIGFLYT_JWT_JWKS_URL": "https://login.example.test/keys",
            "BOLIGFLYT_PERSON_REF_KEY": "k" * 48,
            "BOLIGFLYT_DATA_DIR": str(tmp_path),
            "BOLIGFLYT_SERVICE": service,
            **extra,
        }
        code = "from boligflyt.platform.host import service_app_from_env; service_app_from_env()"
        return subprocess.run(
            [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60, check=False
        )

    refused = start("integrations")
    assert refused.returncode != 0 and "BOLIGFLYT_INTEGRATIONS_SECRET_KEYS must be set" in refused.stderr
    assert start("integrations", BOLIGFLYT_INTEGRATIONS_SECRET_KEYS=NEW_KEY).returncode == 0
    # Another service's process loads only its own definition: the integrations key is none of its business.
    other = start("maintenance")
    assert other.returncode == 0, other.stderr
