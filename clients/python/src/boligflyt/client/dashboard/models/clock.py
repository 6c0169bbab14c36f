from enum import StrEnum


class Clock(StrEnum):
    BUSINESS = "business"
    RECORDED = "recorded"

    def __str__(self) -> str:
        return str(self.value)
