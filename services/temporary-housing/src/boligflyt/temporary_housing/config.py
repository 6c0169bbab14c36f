"""NAV's own settings (prefix BOLIGFLYT_TEMPORARY_HOUSING_): the days of the 3-month rule."""

from __future__ import annotations

from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.temporary_housing.domain import LimitRule


class NavSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BOLIGFLYT_TEMPORARY_HOUSING_", env_ignore_empty=True, extra="ignore")

    limit_warning_days: list[int] = Field(default=[60, 75], description="Days to warn that the limit approaches")
    limit_days: int = Field(default=90, ge=1, description="The day a stay breaches the 3-month goal")
    jobs_every_seconds: float = Field(default=300.0, gt=0)

    def limit_rule(self) -> LimitRule:
        return LimitRule(approaching_days=tuple(self.limit_warning_days), limit_days=self.limit_days)


@cache
def nav_settings() -> NavSettings:
    return NavSettings()


def limit_rule(runtime: ServiceRuntime) -> LimitRule:
    """The rule in force: one a test set on the app, else the settings'."""
    rule: LimitRule | None = getattr(runtime.app.state, "limit_rule", None)
    return rule or nav_settings().limit_rule()
