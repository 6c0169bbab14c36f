from enum import StrEnum


class AcquisitionStage(StrEnum):
    ADOPTED = "adopted"
    COMPLETED = "completed"
    CONTRACTOR_CHOSEN = "contractor_chosen"
    DESIGNED = "designed"
    IDENTIFIED = "identified"
    READY_TO_BUILD = "ready_to_build"
    TAKEN_OVER = "taken_over"
    UNDER_CONSTRUCTION = "under_construction"
    ZONED = "zoned"

    def __str__(self) -> str:
        return str(self.value)
