"""Boligkontoret's own settings (prefix BOLIGFLYT_APPLICATIONS_): the offer's answer time and the renewal reminder."""

from __future__ import annotations

from pydantic import Field

from boligflyt.platform.settings import ServiceSettings, service_settings_config


class ApplicationsSettings(ServiceSettings):
    model_config = service_settings_config("applications")

    # Boligkontoret's allocation routine: one week to answer, then the offer passes to the next ranked household.
    offer_answer_days: int = Field(default=7, description="Days an offered household has to answer.")
    renewal_reminder_months: int = Field(
        default=3, description="Months before a time-limited contract ends that the first reminder goes out."
    )
