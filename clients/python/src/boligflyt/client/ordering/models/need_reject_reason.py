from enum import StrEnum


class NeedRejectReason(StrEnum):
    COVERED_BY_EXISTING_STOCK = "covered_by_existing_stock"
    DUPLICATE = "duplicate"
    NO_BUDGET = "no_budget"
    NO_LONGER_NEEDED = "no_longer_needed"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
