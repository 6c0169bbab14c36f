from enum import StrEnum


class ContractType(StrEnum):
    ADAPTED_PHYSICAL_DISABILITY = "adapted_physical_disability"
    CO_LOCATED_SUBSTANCE_USE = "co_located_substance_use"
    CO_LOCATED_WITH_STAFF_BASE = "co_located_with_staff_base"
    DEMENTIA_GROUP_HOME = "dementia_group_home"
    FARET_ONE_YEAR = "faret_one_year"
    MUNICIPAL_CARE = "municipal_care"
    ORDINARY_RENTAL = "ordinary_rental"
    SHORT_TERM_STAFFED = "short_term_staffed"
    STAFFED_MENTAL_HEALTH = "staffed_mental_health"

    def __str__(self) -> str:
        return str(self.value)
