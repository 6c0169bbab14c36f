"""NAV's own settings (prefix BOLIGFLYT_TEMPORARY_HOUSING_): the days of the 3-month rule."""

from __future__ import annotations

from pydantic import Field

from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.platform.settings import ServiceSettings, service_settings_config
from boligflyt.temporary_housing.domain import LimitRule


class NavSettings(ServiceSettings):
    model_config = service_settings_config("temporary-housing")

    limit_warning_days: list[int] = Field(default=[60, 75], description="Days to warn that the limit approaches")
    limit_days: int = Field(default=90, ge=1, description="The day a stay breaches the 3-month goal")
    jobs_every_seconds: float = Field(default=300.0, gt=0)

    def limit_rule(self) -> LimitRule:
        return LimitRule(approaching_days=tuple(self.limit_warning_days), limit_days=self.limit_days)


def limit_rule(runtime: ServiceRuntime) -> LimitRule:
    """The rule in force: one a test set on the app, else the settings'."""
    rule: LimitRule | None = getattr(runtime.app.state, "limit_rule", None)
    return rule or NavSettings.load().limit_rule()
