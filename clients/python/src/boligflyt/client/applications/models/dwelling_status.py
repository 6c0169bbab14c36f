from enum import StrEnum


class DwellingStatus(StrEnum):
    INSPECTED = "inspected"
    LET = "let"
    NOTICE_GIVEN = "notice_given"
    READY = "ready"
    RENOVATING = "renovating"
    RESERVED = "reserved"
    VACANT = "vacant"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
