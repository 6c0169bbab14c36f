from enum import StrEnum


class Payer(StrEnum):
    BOLIGKONTORET = "boligkontoret"
    LKE = "lke"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
