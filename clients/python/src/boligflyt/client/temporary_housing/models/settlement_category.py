from enum import StrEnum


class SettlementCategory(StrEnum):
    FAMILY = "family"
    FAMILY_REUNIFICATION = "family_reunification"
    SINGLE_ADULT = "single_adult"
    UNACCOMPANIED_MINOR = "unaccompanied_minor"

    def __str__(self) -> str:
        return str(self.value)
