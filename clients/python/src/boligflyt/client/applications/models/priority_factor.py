from enum import StrEnum


class PriorityFactor(StrEnum):
    CANNOT_FIND_ALTERNATIVE = "cannot_find_alternative"
    HEAD_LEASE_ENDING = "head_lease_ending"
    NOTICE_TO_QUIT = "notice_to_quit"
    NO_FIXED_ADDRESS = "no_fixed_address"
    RISK_OF_LOSING_HOME = "risk_of_losing_home"
    UNSUITABLE_DWELLING = "unsuitable_dwelling"

    def __str__(self) -> str:
        return str(self.value)
