from enum import StrEnum


class OrderState(StrEnum):
    ACCEPTED = "accepted"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    PARTLY_DELIVERED = "partly_delivered"
    PLACED = "placed"

    def __str__(self) -> str:
        return str(self.value)
