from enum import StrEnum


class SettlementOrigin(StrEnum):
    FAMILY_IMMIGRATION = "family_immigration"
    RECEPTION_CENTRE = "reception_centre"
    TRANSFER_REFUGEE = "transfer_refugee"

    def __str__(self) -> str:
        return str(self.value)
