from enum import StrEnum


class ServiceNeeds(StrEnum):
    FOLLOW_UP = "follow_up"
    NONE = "none"
    STAFFED = "staffed"
    STAFF_BASE = "staff_base"

    def __str__(self) -> str:
        return str(self.value)
