from enum import StrEnum


class AcquisitionMethod(StrEnum):
    BUILD = "build"
    BUY_EXISTING = "buy_existing"
    BUY_IN_COOP = "buy_in_coop"
    BUY_NEW_PROJECT = "buy_new_project"
    CONVERT = "convert"
    LEASE_IN = "lease_in"

    def __str__(self) -> str:
        return str(self.value)
