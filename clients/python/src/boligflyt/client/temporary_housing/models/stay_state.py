from enum import StrEnum


class StayState(StrEnum):
    ALLOCATED = "allocated"
    ENDED = "ended"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)
