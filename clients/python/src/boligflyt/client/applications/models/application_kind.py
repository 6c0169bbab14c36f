from enum import StrEnum


class ApplicationKind(StrEnum):
    CARE = "care"
    RENTAL = "rental"
    STAFFED = "staffed"

    def __str__(self) -> str:
        return str(self.value)
