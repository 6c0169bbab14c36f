"""The integrations service's own settings (prefix BOLIGFLYT_INTEGRATIONS_): how webhooks are delivered."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from boligflyt.integrations.domain import DEFAULT_RETRY_SCHEDULE, RetrySchedule
from boligflyt.platform.settings import ServiceSettings, service_settings_config


class IntegrationsSettings(ServiceSettings):
    model_config = service_settings_config("integrations")

    retry_schedule_seconds: tuple[float, ...] = Field(
        default=DEFAULT_RETRY_SCHEDULE,
        description="Seconds to wait after each failed attempt; when spent, the subscription is paused.",
    )
    timeout_seconds: float = Field(default=10.0, gt=0, description="How long one POST may take.")
    poll_seconds: float = Field(default=1.0, gt=0, description="How often the worker looks for due deliveries.")
    batch_size: int = Field(default=50, ge=1, description="Deliveries one subscription's worker loads at a time.")
    secret_grace_seconds: float = Field(
        default=86400.0, ge=0, description="How long a rotated secret still signs (beside the new one)."
    )
    lease_seconds: float = Field(
        default=120.0, gt=0, description="How long a replica holds a subscription's delivery lease unrenewed."
    )

    delivery_log_retention_days: float = Field(
        default=30.0, gt=0, description="How long succeeded deliveries stay in the delivery log."
    )
    property_export_path: Path | None = Field(
        default=None,
        description="A property-system export (.csv or .json) to import on a schedule; none: by command or API only.",
    )
    property_import_every_seconds: float = Field(default=3600.0, gt=0, description="How often to import it.")

    @property
    def retry_schedule(self) -> RetrySchedule:
        return RetrySchedule(tuple(self.retry_schedule_seconds))
