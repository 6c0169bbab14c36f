from enum import StrEnum


class InspectionTrigger(StrEnum):
    ACQUISITION = "acquisition"
    DEPOSIT_GUARANTEE = "deposit_guarantee"
    LEASE_IN = "lease_in"
    MOVE_IN = "move_in"
    MOVE_OUT = "move_out"
    MOVE_OUT_NOTICE = "move_out_notice"
    PERIODIC = "periodic"

    def __str__(self) -> str:
        return str(self.value)
