from enum import StrEnum


class NoticeParty(StrEnum):
    LANDLORD = "landlord"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
