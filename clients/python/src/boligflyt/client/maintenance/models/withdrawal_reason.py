from enum import StrEnum


class WithdrawalReason(StrEnum):
    BELOW_STANDARD = "below_standard"
    DEMOLISHED = "demolished"
    FIRE_OR_DAMAGE = "fire_or_damage"
    LEASE_ENDED = "lease_ended"
    REPURPOSED = "repurposed"
    SOLD = "sold"

    def __str__(self) -> str:
        return str(self.value)
