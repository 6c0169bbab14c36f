from enum import StrEnum


class HouseholdMemberRelation(StrEnum):
    CHILD = "child"
    OTHER = "other"
    PARTNER = "partner"
    SPOUSE = "spouse"

    def __str__(self) -> str:
        return str(self.value)
