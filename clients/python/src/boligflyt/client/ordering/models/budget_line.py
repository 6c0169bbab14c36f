from enum import StrEnum


class BudgetLine(StrEnum):
    DISADVANTAGED_DWELLINGS = "disadvantaged_dwellings"
    LKE_REFUGEE_LOAN_FRAME = "lke_refugee_loan_frame"
    REFUGEE_DWELLINGS = "refugee_dwellings"
    SERVICE_NEEDS = "service_needs"

    def __str__(self) -> str:
        return str(self.value)
