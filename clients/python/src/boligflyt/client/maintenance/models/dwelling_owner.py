from enum import StrEnum


class DwellingOwner(StrEnum):
    HOUSING_COOP = "housing_coop"
    LKBS = "lkbs"
    LKE = "lke"
    MUNICIPALITY = "municipality"
    PRIVATE_LEASE = "private_lease"

    def __str__(self) -> str:
        return str(self.value)
