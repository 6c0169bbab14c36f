from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dwelling_figures_dwelling_type_0 import DwellingFiguresDwellingType0
    from ..models.view import View
    from ..models.void import Void


T = TypeVar("T", bound="DwellingFigures")


@_attrs_define
class DwellingFigures:
    """
    Attributes:
        view (View): The day figures are told for, and by which clock.
        dwelling (DwellingFiguresDwellingType0 | None):
        voids (list[Void]):
    """

    view: View
    dwelling: DwellingFiguresDwellingType0 | None
    voids: list[Void]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dwelling_figures_dwelling_type_0 import DwellingFiguresDwellingType0

        view = self.view.to_dict()

        dwelling: dict[str, Any] | None
        if isinstance(self.dwelling, DwellingFiguresDwellingType0):
            dwelling = self.dwelling.to_dict()
        else:
            dwelling = self.dwelling

        voids = []
        for voids_item_data in self.voids:
            voids_item = voids_item_data.to_dict()
            voids.append(voids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "view": view,
                "dwelling": dwelling,
                "voids": voids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dwelling_figures_dwelling_type_0 import DwellingFiguresDwellingType0
        from ..models.view import View
        from ..models.void import Void

        d = dict(src_dict)
        view = View.from_dict(d.pop("view"))

        def _parse_dwelling(data: object) -> DwellingFiguresDwellingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dwelling_type_0 = DwellingFiguresDwellingType0.from_dict(data)

                return dwelling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DwellingFiguresDwellingType0 | None, data)

        dwelling = _parse_dwelling(d.pop("dwelling"))

        voids = []
        _voids = d.pop("voids")
        for voids_item_data in _voids:
            voids_item = Void.from_dict(voids_item_data)

            voids.append(voids_item)

        dwelling_figures = cls(
            view=view,
            dwelling=dwelling,
            voids=voids,
        )

        dwelling_figures.additional_properties = d
        return dwelling_figures

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
