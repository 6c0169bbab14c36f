"""The integrations service's own settings (prefix BOLIGFLYT_INTEGRATIONS_): how webhooks are delivered."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Self

from pydantic import Field, SecretStr, field_validator, model_validator

from boligflyt.integrations.domain import DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE, PolicyBounds, RetrySchedule
from boligflyt.integrations.secret_cipher import SecretCipher, parse_keys
from boligflyt.platform.settings import ServiceSettings, Settings, service_settings_config

# The development key sealing webhook secrets (a Fernet key: 32 bytes, URL-safe base64); refused in production,
# as the platform refuses its development JWT secret.
DEV_SECRET_KEY = base64.urlsafe_b64encode(b"boligflyt-dev-webhook-secret-key").decode()


class IntegrationsSettings(ServiceSettings):
    model_config = service_settings_config("integrations")

    retry_schedule_seconds: tuple[float, ...] = Field(
        default=DEFAULT_RETRY_SCHEDULE,
        description="Seconds to wait after each failed attempt; when spent, the subscription is paused.",
    )
    retry_jitter: float = Field(
        default=DEFAULT_JITTER, ge=0, lt=1, description="Each retry delay is spread by up to this fraction of itself."
    )
    # Standard Webhooks recommends 15-30 s: a receiver gets long enough to write what it received.
    timeout_seconds: float = Field(default=20.0, gt=0, description="How long one POST may take (by default).")
    min_timeout_seconds: float = Field(default=15.0, gt=0, description="The least timeout a subscription may set.")
    max_timeout_seconds: float = Field(default=30.0, gt=0, description="The most timeout a subscription may set.")
    min_retry_delay_seconds: float = Field(
        default=1.0, gt=0, description="The shortest retry delay a subscription may set."
    )
    max_retry_delay_seconds: float = Field(
        default=86400.0,
        gt=0,
        description="The longest retry delay a subscription may set, and the most a Retry-After is waited.",
    )
    max_retry_attempts: int = Field(
        default=12, ge=1, description="The most retries a subscription's schedule may hold."
    )
    poll_seconds: float = Field(default=1.0, gt=0, description="How often the worker looks for due deliveries.")
    batch_size: int = Field(default=50, ge=1, description="Deliveries one subscription's worker loads at a time.")
    secret_grace_seconds: float = Field(
        default=86400.0, ge=0, description="How long a rotated secret still signs (beside the new one)."
    )
    secret_keys: SecretStr = Field(
        default=SecretStr(DEV_SECRET_KEY),
        description="Fernet keys sealing webhook secrets at rest, comma-separated: the first seals, every one "
        "opens (to rotate: the new key first, the old one after it until `reseal-secrets` has run).",
    )
    lease_seconds: float = Field(
        default=120.0, gt=0, description="How long a replica holds a subscription's delivery lease unrenewed."
    )

    delivery_log_retention_days: float = Field(
        default=30.0,
        gt=0,
        description="How long succeeded deliveries (with their bodies and attempts) stay in the delivery log, and "
        "so how far back a replay reaches.",
    )
    replay_max_events: int = Field(default=10000, ge=1, description="The most events one replay may send again.")
    replay_max_range_days: float = Field(default=31.0, gt=0, description="The longest time range one replay may cover.")
    property_export_path: Path | None = Field(
        default=None,
        description="A property-system export (.csv or .json) to import on a schedule; none: by command or API only.",
    )
    property_import_every_seconds: float = Field(default=3600.0, gt=0, description="How often to import it.")

    @field_validator("secret_keys")
    @classmethod
    def _fernet_keys(cls, value: SecretStr) -> SecretStr:
        parse_keys(value.get_secret_value())
        return value

    @model_validator(mode="after")
    def _no_dev_key_in_production(self) -> Self:
        # The environment is the platform's setting: asked only when the development key is in use. A process
        # of another service never loads these settings (host.service_app), so only integrations refuses to start.
        in_use = parse_keys(self.secret_keys.get_secret_value())
        if DEV_SECRET_KEY in in_use and Settings().environment == "production":
            raise ValueError("BOLIGFLYT_INTEGRATIONS_SECRET_KEYS must be set in production (not the development key)")
        return self

    @property
    def retry_schedule(self) -> RetrySchedule:
        return RetrySchedule(tuple(self.retry_schedule_seconds), self.retry_jitter)

    @property
    def policy_bounds(self) -> PolicyBounds:
        return PolicyBounds(
            min_timeout_seconds=self.min_timeout_seconds,
            max_timeout_seconds=self.max_timeout_seconds,
            min_retry_delay_seconds=self.min_retry_delay_seconds,
            max_retry_delay_seconds=self.max_retry_delay_seconds,
            max_retry_attempts=self.max_retry_attempts,
        )

    @property
    def secret_cipher(self) -> SecretCipher:
        return SecretCipher(parse_keys(self.secret_keys.get_secret_value()))
