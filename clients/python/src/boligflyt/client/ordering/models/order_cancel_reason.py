from enum import StrEnum


class OrderCancelReason(StrEnum):
    BUDGET_WITHDRAWN = "budget_withdrawn"
    NEED_WITHDRAWN = "need_withdrawn"
    NO_SUPPLY = "no_supply"
    OTHER = "other"
    REPLACED = "replaced"

    def __str__(self) -> str:
        return str(self.value)
