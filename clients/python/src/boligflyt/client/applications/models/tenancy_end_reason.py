from enum import StrEnum


class TenancyEndReason(StrEnum):
    BOUGHT_DWELLING = "bought_dwelling"
    BREACH = "breach"
    EVICTION = "eviction"
    EXPIRED = "expired"
    NEED_ENDED = "need_ended"
    NOTICE_BY_LANDLORD = "notice_by_landlord"
    NOTICE_BY_TENANT = "notice_by_tenant"
    OTHER = "other"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
