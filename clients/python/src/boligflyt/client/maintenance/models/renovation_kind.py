from enum import StrEnum


class RenovationKind(StrEnum):
    ADAPTATION = "adaptation"
    BELOW_STANDARD = "below_standard"
    BETWEEN_TENANCIES = "between_tenancies"
    DAMAGE = "damage"

    def __str__(self) -> str:
        return str(self.value)
