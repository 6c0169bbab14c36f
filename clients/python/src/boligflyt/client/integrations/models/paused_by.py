from enum import StrEnum


class PausedBy(StrEnum):
    DELIVERY_FAILURES = "delivery_failures"
    OWNER = "owner"
    RECEIVER_GONE = "receiver_gone"

    def __str__(self) -> str:
        return str(self.value)
