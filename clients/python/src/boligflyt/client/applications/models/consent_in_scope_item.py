from enum import StrEnum


class ConsentInScopeItem(StrEnum):
    COLLECT_INFORMATION = "collect_information"
    SHARE_WITH_CARE_SERVICES = "share_with_care_services"
    SHARE_WITH_LKE = "share_with_lke"
    SHARE_WITH_NAV = "share_with_nav"

    def __str__(self) -> str:
        return str(self.value)
