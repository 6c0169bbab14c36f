from enum import StrEnum


class Referrer(StrEnum):
    CARE_SERVICE = "care_service"
    CHILD_WELFARE = "child_welfare"
    NAV = "nav"
    NAV_INTRO = "nav_intro"
    SELF = "self"

    def __str__(self) -> str:
        return str(self.value)
