from enum import StrEnum


class StayCause(StrEnum):
    AFTER_PRISON = "after_prison"
    DISCHARGE_FROM_INSTITUTION = "discharge_from_institution"
    EVICTION = "eviction"
    FROM_OTHER_MUNICIPALITY = "from_other_municipality"
    OTHER = "other"
    PSYCHIATRY = "psychiatry"
    RELATIONSHIP_BREAKDOWN = "relationship_breakdown"
    SUBSTANCE_USE = "substance_use"
    THROWN_OUT = "thrown_out"
    VIOLENCE = "violence"

    def __str__(self) -> str:
        return str(self.value)
