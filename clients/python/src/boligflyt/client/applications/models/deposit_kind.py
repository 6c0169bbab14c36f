from enum import StrEnum


class DepositKind(StrEnum):
    CASH = "cash"
    NAV_GUARANTEE = "nav_guarantee"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
