from enum import StrEnum


class ProviderKind(StrEnum):
    BARRACKS = "barracks"
    CAMPSITE = "campsite"
    MUNICIPAL_EMERGENCY_FLAT = "municipal_emergency_flat"
    OTHER = "other"
    PENSION = "pension"

    def __str__(self) -> str:
        return str(self.value)
