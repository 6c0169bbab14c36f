from enum import StrEnum


class NeedState(StrEnum):
    DELIVERED = "delivered"
    DISMISSED = "dismissed"
    ORDERED = "ordered"
    PRIORITISED = "prioritised"
    REJECTED = "rejected"
    REPORTED = "reported"
    SUGGESTED = "suggested"

    def __str__(self) -> str:
        return str(self.value)
