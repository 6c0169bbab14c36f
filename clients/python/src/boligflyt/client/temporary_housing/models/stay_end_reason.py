from enum import StrEnum


class StayEndReason(StrEnum):
    INSTITUTION = "institution"
    LEFT_MUNICIPALITY = "left_municipality"
    PERMANENT_HOUSING = "permanent_housing"
    PRIVATE_RENTAL = "private_rental"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
