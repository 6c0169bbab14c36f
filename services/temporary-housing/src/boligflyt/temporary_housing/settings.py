"""NAV's own settings (prefix BOLIGFLYT_TEMPORARY_HOUSING_): the days of the 3-month rule and of the adviser's
tasks."""

from __future__ import annotations

from pydantic import Field

from boligflyt.platform.runtime import ServiceRuntime
from boligflyt.platform.settings import ServiceSettings, service_settings_config
from boligflyt.temporary_housing.domain import LimitRule, TaskRules


class NavSettings(ServiceSettings):
    model_config = service_settings_config("temporary-housing")

    limit_warning_days: list[int] = Field(default=[60, 75], description="Days to warn that the limit approaches")
    limit_days: int = Field(default=90, ge=1, description="The day a stay breaches the 3-month goal")
    jobs_every_seconds: float = Field(default=300.0, gt=0)
    task_documents_missing_days: int = Field(
        default=14, ge=0, le=365, description="Days documents may be missing after Boligkontoret asked, before a task"
    )
    task_appeal_warning_days: int = Field(default=5, ge=0, le=90, description="Days before an appeal deadline")
    task_stay_warning_days: int = Field(default=7, ge=0, le=90, description="Days before a stay's day 60, 75, 90")
    task_settlement_warning_days: int = Field(
        default=14, ge=0, le=365, description="Days before a household's planned settlement date"
    )

    def limit_rule(self) -> LimitRule:
        return LimitRule(approaching_days=tuple(self.limit_warning_days), limit_days=self.limit_days)

    def task_rules(self) -> TaskRules:
        return TaskRules(
            documents_missing_days=self.task_documents_missing_days,
            appeal_warning_days=self.task_appeal_warning_days,
            stay_thresholds=self.limit_rule().thresholds,
            stay_warning_days=self.task_stay_warning_days,
            settlement_warning_days=self.task_settlement_warning_days,
        )


def task_rules() -> TaskRules:
    """The task rules in force; events are handled without a request, so they come from the settings."""
    return NavSettings.load().task_rules()


def limit_rule(runtime: ServiceRuntime) -> LimitRule:
    """The rule in force: one a test set on the app, else the settings'."""
    rule: LimitRule | None = getattr(runtime.app.state, "limit_rule", None)
    return rule or NavSettings.load().limit_rule()
