"""The dashboard's own settings (prefix BOLIGFLYT_DASHBOARD_): how many live streams a process serves, how far
back a stream may start, and how long a signed-in session lasts."""

from __future__ import annotations

from pydantic import Field

from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.platform.settings import ServiceSettings, service_settings_config


class DashboardSettings(ServiceSettings):
    model_config = service_settings_config("dashboard")

    max_streams: int = Field(default=100, ge=1, description="Live streams one process serves at once, in all")
    max_streams_per_user: int = Field(
        default=3, ge=1, description="Live streams one user (a token's subject) may hold open at once"
    )
    stream_window: int = Field(
        default=1000,
        ge=1,
        description="How many of the newest events a live stream may start from (after=, Last-Event-ID); "
        "older history is paged on /stream?before=",
    )
    stream_poll_seconds: float = Field(
        default=0.25,
        gt=0,
        description="How often the process's one reader of the event log looks for events another process wrote",
    )
    session_seconds: int = Field(
        default=8 * 3600,
        ge=60,
        description="The longest a signed-in session lasts (never past the provider's access token)",
    )
    sign_in_scope: str = Field(
        default="openid profile", description="The scopes the dashboard asks the identity provider for at sign-in"
    )
    stream_retry_after_seconds: int = Field(
        default=30, ge=1, description="Retry-After of a live stream refused because the limit is reached"
    )


def dashboard_settings(runtime: ServiceRuntime) -> DashboardSettings:
    """The settings in force: those a test set on the app, else the environment's."""
    settings: DashboardSettings | None = getattr(runtime.app.state, "dashboard_settings", None)
    return settings or DashboardSettings.load()
