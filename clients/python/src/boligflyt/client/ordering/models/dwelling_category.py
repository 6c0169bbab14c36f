from enum import StrEnum


class DwellingCategory(StrEnum):
    BENEFIT_RECIPIENT = "benefit_recipient"
    CARE = "care"
    CO_LOCATED = "co_located"
    DEMENTIA_GROUP_HOME = "dementia_group_home"
    EMERGENCY = "emergency"
    ORDINARY = "ordinary"
    STAFFED = "staffed"
    STARTER = "starter"
    TEMPORARY_ACCOMMODATION = "temporary_accommodation"
    TRANSITIONAL = "transitional"

    def __str__(self) -> str:
        return str(self.value)
