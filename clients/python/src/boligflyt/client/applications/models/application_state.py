from enum import StrEnum


class ApplicationState(StrEnum):
    ALLOCATED = "allocated"
    APPEALED = "appealed"
    APPROVED = "approved"
    COMPLETE = "complete"
    CONTRACTED = "contracted"
    DECLINED_OFFER = "declined_offer"
    HOUSED_ELSEWHERE = "housed_elsewhere"
    INCOMPLETE = "incomplete"
    LAPSED = "lapsed"
    MOVED_IN = "moved_in"
    OFFERED = "offered"
    REJECTED = "rejected"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
