from enum import StrEnum


class TargetGroup(StrEnum):
    DISABILITY = "disability"
    ECONOMICALLY_DISADVANTAGED = "economically_disadvantaged"
    ELDERLY = "elderly"
    FAMILIES_WITH_CHILDREN = "families_with_children"
    HOMELESS = "homeless"
    REFUGEES = "refugees"
    SUBSTANCE_AND_MENTAL_HEALTH = "substance_and_mental_health"
    YOUTH = "youth"

    def __str__(self) -> str:
        return str(self.value)
