from enum import StrEnum


class CaseState(StrEnum):
    ALLOCATED = "allocated"
    APPEALED = "appealed"
    APPROVED = "approved"
    COMPLETE = "complete"
    DECLINED_OFFER = "declined_offer"
    INCOMPLETE = "incomplete"
    LEFT_LIST = "left_list"
    MOVED_IN = "moved_in"
    OFFERED = "offered"
    ON_CASE_LIST = "on_case_list"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
