from enum import StrEnum


class InitialStatus(StrEnum):
    LET = "let"
    READY = "ready"
    VACANT = "vacant"

    def __str__(self) -> str:
        return str(self.value)
