from enum import StrEnum


class SettlementState(StrEnum):
    ANNOUNCED = "announced"
    DONE = "done"
    DWELLING_ALLOCATED = "dwelling_allocated"
    ESTABLISHMENT = "establishment"
    HOUSING_ORDERED = "housing_ordered"

    def __str__(self) -> str:
        return str(self.value)
