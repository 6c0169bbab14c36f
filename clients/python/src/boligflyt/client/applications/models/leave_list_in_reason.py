from enum import StrEnum


class LeaveListInReason(StrEnum):
    HOUSED_ELSEWHERE = "housed_elsewhere"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
