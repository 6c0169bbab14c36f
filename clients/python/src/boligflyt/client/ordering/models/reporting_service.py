from enum import StrEnum


class ReportingService(StrEnum):
    BOLIGKONTORET = "boligkontoret"
    CARE_SERVICE = "care_service"
    CHILD_WELFARE = "child_welfare"
    DISABILITY_CARE = "disability_care"
    MENTAL_HEALTH_AND_SUBSTANCE = "mental_health_and_substance"
    NAV = "nav"
    NAV_INTRO = "nav_intro"

    def __str__(self) -> str:
        return str(self.value)
