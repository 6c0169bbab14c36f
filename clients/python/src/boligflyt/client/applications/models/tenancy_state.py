from enum import StrEnum


class TenancyState(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    NOTICE_GIVEN = "notice_given"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
