from enum import StrEnum


class Supplier(StrEnum):
    LKBS = "lkbs"
    LKE = "lke"

    def __str__(self) -> str:
        return str(self.value)
