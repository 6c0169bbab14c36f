from enum import StrEnum


class RejectReason(StrEnum):
    ABLE_TO_BUY = "able_to_buy"
    ABLE_TO_FIND_ALTERNATIVE = "able_to_find_alternative"
    DECLINED_LOAN = "declined_loan"
    DECLINED_NECESSARY_FOLLOW_UP = "declined_necessary_follow_up"
    DOCUMENTATION_MISSING = "documentation_missing"
    NOT_RESIDENT = "not_resident"
    OTHER = "other"
    UNDER_AGE = "under_age"
    UNSETTLED_MUNICIPAL_DEBT = "unsettled_municipal_debt"

    def __str__(self) -> str:
        return str(self.value)
