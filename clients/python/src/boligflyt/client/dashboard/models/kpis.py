from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_use import BudgetUse
    from ..models.kpis_steps import KpisSteps
    from ..models.ordering_line import OrderingLine
    from ..models.renovation_kpi import RenovationKpi
    from ..models.settlement_year import SettlementYear
    from ..models.stuck_case import StuckCase
    from ..models.temporary_housing import TemporaryHousing
    from ..models.void import Void


T = TypeVar("T", bound="Kpis")


@_attrs_define
class Kpis:
    """
    Attributes:
        as_of (datetime.date):
        temporary_housing (TemporaryHousing):
        waiting_list (int):
        steps (KpisSteps):
        voids (list[Void]):
        renovation (RenovationKpi):
        ordering (list[OrderingLine]):
        budgets (list[BudgetUse]):
        settlement (list[SettlementYear]):
        stuck (list[StuckCase]):
    """

    as_of: datetime.date
    temporary_housing: TemporaryHousing
    waiting_list: int
    steps: KpisSteps
    voids: list[Void]
    renovation: RenovationKpi
    ordering: list[OrderingLine]
    budgets: list[BudgetUse]
    settlement: list[SettlementYear]
    stuck: list[StuckCase]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        temporary_housing = self.temporary_housing.to_dict()

        waiting_list = self.waiting_list

        steps = self.steps.to_dict()

        voids = []
        for voids_item_data in self.voids:
            voids_item = voids_item_data.to_dict()
            voids.append(voids_item)

        renovation = self.renovation.to_dict()

        ordering = []
        for ordering_item_data in self.ordering:
            ordering_item = ordering_item_data.to_dict()
            ordering.append(ordering_item)

        budgets = []
        for budgets_item_data in self.budgets:
            budgets_item = budgets_item_data.to_dict()
            budgets.append(budgets_item)

        settlement = []
        for settlement_item_data in self.settlement:
            settlement_item = settlement_item_data.to_dict()
            settlement.append(settlement_item)

        stuck = []
        for stuck_item_data in self.stuck:
            stuck_item = stuck_item_data.to_dict()
            stuck.append(stuck_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "temporary_housing": temporary_housing,
                "waiting_list": waiting_list,
                "steps": steps,
                "voids": voids,
                "renovation": renovation,
                "ordering": ordering,
                "budgets": budgets,
                "settlement": settlement,
                "stuck": stuck,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_use import BudgetUse
        from ..models.kpis_steps import KpisSteps
        from ..models.ordering_line import OrderingLine
        from ..models.renovation_kpi import RenovationKpi
        from ..models.settlement_year import SettlementYear
        from ..models.stuck_case import StuckCase
        from ..models.temporary_housing import TemporaryHousing
        from ..models.void import Void

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        temporary_housing = TemporaryHousing.from_dict(d.pop("temporary_housing"))

        waiting_list = d.pop("waiting_list")

        steps = KpisSteps.from_dict(d.pop("steps"))

        voids = []
        _voids = d.pop("voids")
        for voids_item_data in _voids:
            voids_item = Void.from_dict(voids_item_data)

            voids.append(voids_item)

        renovation = RenovationKpi.from_dict(d.pop("renovation"))

        ordering = []
        _ordering = d.pop("ordering")
        for ordering_item_data in _ordering:
            ordering_item = OrderingLine.from_dict(ordering_item_data)

            ordering.append(ordering_item)

        budgets = []
        _budgets = d.pop("budgets")
        for budgets_item_data in _budgets:
            budgets_item = BudgetUse.from_dict(budgets_item_data)

            budgets.append(budgets_item)

        settlement = []
        _settlement = d.pop("settlement")
        for settlement_item_data in _settlement:
            settlement_item = SettlementYear.from_dict(settlement_item_data)

            settlement.append(settlement_item)

        stuck = []
        _stuck = d.pop("stuck")
        for stuck_item_data in _stuck:
            stuck_item = StuckCase.from_dict(stuck_item_data)

            stuck.append(stuck_item)

        kpis = cls(
            as_of=as_of,
            temporary_housing=temporary_housing,
            waiting_list=waiting_list,
            steps=steps,
            voids=voids,
            renovation=renovation,
            ordering=ordering,
            budgets=budgets,
            settlement=settlement,
            stuck=stuck,
        )

        kpis.additional_properties = d
        return kpis

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
