from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.acquisition_method import AcquisitionMethod
from ..models.dwelling_category import DwellingCategory
from ..models.supplier import Supplier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.over_commit_approval import OverCommitApproval


T = TypeVar("T", bound="OrderIn")


@_attrs_define
class OrderIn:
    """
    Attributes:
        need_ids (list[str]): Prioritised needs the order covers.
        dwellings (int): Dwellings ordered (at most the needs' prioritised dwellings).
        estimated_cost (int): Estimated cost in NOK: committed to the budget frame.
        due_date (datetime.date): The day the dwellings are wanted by.
        supplier (Supplier | Unset): Who an order is placed with; orders to LKBS need prior competition (public
            procurement rules).
        competition_ref (None | str | Unset): The competition that chose LKBS; required when supplier is lkbs (a
            foundation of its own, which the municipality may not order from without a competition: the housing plan
            2015-2020, part 1).
        dwelling_type (DwellingCategory | None | Unset): Default: the first need's type.
        bedrooms (int | None | Unset):
        accessible (bool | None | Unset): Default: any covered need asks for it.
        staffed (bool | None | Unset): Default: any covered need needs staff or a staff base.
        preferred_method (AcquisitionMethod | None | Unset):
        over_commit_approval (None | OverCommitApproval | Unset): Place the order even if it takes the frame past its
            amount.
    """

    need_ids: list[str]
    dwellings: int
    estimated_cost: int
    due_date: datetime.date
    supplier: Supplier | Unset = UNSET
    competition_ref: str | Unset | None = UNSET
    dwelling_type: DwellingCategory | Unset | None = UNSET
    bedrooms: int | Unset | None = UNSET
    accessible: bool | Unset | None = UNSET
    staffed: bool | Unset | None = UNSET
    preferred_method: AcquisitionMethod | Unset | None = UNSET
    over_commit_approval: OverCommitApproval | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.over_commit_approval import OverCommitApproval

        need_ids = self.need_ids

        dwellings = self.dwellings

        estimated_cost = self.estimated_cost

        due_date = self.due_date.isoformat()

        supplier: str | Unset = UNSET
        if not isinstance(self.supplier, Unset):
            supplier = self.supplier.value

        competition_ref: str | Unset | None
        if isinstance(self.competition_ref, Unset):
            competition_ref = UNSET
        else:
            competition_ref = self.competition_ref

        dwelling_type: str | Unset | None
        if isinstance(self.dwelling_type, Unset):
            dwelling_type = UNSET
        elif isinstance(self.dwelling_type, DwellingCategory):
            dwelling_type = self.dwelling_type.value
        else:
            dwelling_type = self.dwelling_type

        bedrooms: int | Unset | None
        if isinstance(self.bedrooms, Unset):
            bedrooms = UNSET
        else:
            bedrooms = self.bedrooms

        accessible: bool | Unset | None
        if isinstance(self.accessible, Unset):
            accessible = UNSET
        else:
            accessible = self.accessible

        staffed: bool | Unset | None
        if isinstance(self.staffed, Unset):
            staffed = UNSET
        else:
            staffed = self.staffed

        preferred_method: str | Unset | None
        if isinstance(self.preferred_method, Unset):
            preferred_method = UNSET
        elif isinstance(self.preferred_method, AcquisitionMethod):
            preferred_method = self.preferred_method.value
        else:
            preferred_method = self.preferred_method

        over_commit_approval: dict[str, Any] | Unset | None
        if isinstance(self.over_commit_approval, Unset):
            over_commit_approval = UNSET
        elif isinstance(self.over_commit_approval, OverCommitApproval):
            over_commit_approval = self.over_commit_approval.to_dict()
        else:
            over_commit_approval = self.over_commit_approval

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "need_ids": need_ids,
                "dwellings": dwellings,
                "estimated_cost": estimated_cost,
                "due_date": due_date,
            }
        )
        if supplier is not UNSET:
            field_dict["supplier"] = supplier
        if competition_ref is not UNSET:
            field_dict["competition_ref"] = competition_ref
        if dwelling_type is not UNSET:
            field_dict["dwelling_type"] = dwelling_type
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if accessible is not UNSET:
            field_dict["accessible"] = accessible
        if staffed is not UNSET:
            field_dict["staffed"] = staffed
        if preferred_method is not UNSET:
            field_dict["preferred_method"] = preferred_method
        if over_commit_approval is not UNSET:
            field_dict["over_commit_approval"] = over_commit_approval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.over_commit_approval import OverCommitApproval

        d = dict(src_dict)
        need_ids = cast(list[str], d.pop("need_ids"))

        dwellings = d.pop("dwellings")

        estimated_cost = d.pop("estimated_cost")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        _supplier = d.pop("supplier", UNSET)
        supplier: Supplier | Unset
        if isinstance(_supplier, Unset):
            supplier = UNSET
        else:
            supplier = Supplier(_supplier)

        def _parse_competition_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        competition_ref = _parse_competition_ref(d.pop("competition_ref", UNSET))

        def _parse_dwelling_type(data: object) -> DwellingCategory | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dwelling_type_type_0 = DwellingCategory(data)

                return dwelling_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DwellingCategory | None | Unset, data)

        dwelling_type = _parse_dwelling_type(d.pop("dwelling_type", UNSET))

        def _parse_bedrooms(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms", UNSET))

        def _parse_accessible(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        accessible = _parse_accessible(d.pop("accessible", UNSET))

        def _parse_staffed(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        staffed = _parse_staffed(d.pop("staffed", UNSET))

        def _parse_preferred_method(data: object) -> AcquisitionMethod | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_method_type_0 = AcquisitionMethod(data)

                return preferred_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AcquisitionMethod | None | Unset, data)

        preferred_method = _parse_preferred_method(d.pop("preferred_method", UNSET))

        def _parse_over_commit_approval(data: object) -> OverCommitApproval | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                over_commit_approval_type_0 = OverCommitApproval.from_dict(data)

                return over_commit_approval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverCommitApproval | Unset, data)

        over_commit_approval = _parse_over_commit_approval(d.pop("over_commit_approval", UNSET))

        order_in = cls(
            need_ids=need_ids,
            dwellings=dwellings,
            estimated_cost=estimated_cost,
            due_date=due_date,
            supplier=supplier,
            competition_ref=competition_ref,
            dwelling_type=dwelling_type,
            bedrooms=bedrooms,
            accessible=accessible,
            staffed=staffed,
            preferred_method=preferred_method,
            over_commit_approval=over_commit_approval,
        )

        return order_in
