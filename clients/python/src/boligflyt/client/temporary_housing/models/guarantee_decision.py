from enum import StrEnum


class GuaranteeDecision(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
